import { assign, setup } from 'xstate';
import type { IgmpTicks } from './timers';

/**
 * A router's IGMP machines (RFC 2236 §7), one querier machine per attached LAN and one
 * membership machine per (LAN, group). All times are ticks; the router passes `now`.
 */

// ─── Querier election ──────────────────────────────────────────────────────────────────────
//   Initial     --(start) send general query, set initial gen. q. timer-->              Querier
//   Querier     --gen. query timer expired: send general query, set gen. q. timer-->   Querier
//   Querier     --query received from a router with a lower IP address:
//                 set other querier present timer-->                                   Non-Querier
//   Non-Querier --query received from a router with a lower IP address:
//                 set other querier present timer-->                                   Non-Querier
//   Non-Querier --other querier present timer expired:
//                 send general query, set gen. q. timer-->                             Querier
// An IGMPv1 router (RFC 1112) has no election: it stays Querier.

export interface QuerierInput {
  /** This router's address on the LAN. */
  self: number;
  version: 1 | 2;
  timers: IgmpTicks;
}

export interface QuerierContext extends QuerierInput {
  /** Startup General Queries still to send after the current one (§3, §8.6–8.7). */
  startupLeft: number;
}

export type QuerierEvent =
  | { type: 'start' }
  | { type: 'gen. query timer expired' }
  | { type: 'query received'; from: number }
  | { type: 'other querier present timer expired' };

export const QUERIER_STATES = ['Initial', 'Querier', 'Non-Querier'] as const;

/** The next General Query: Startup Query Interval while startup queries remain, then Query Interval. */
const nextQuery = ({ context }: { context: QuerierContext }) => ({
  after: context.startupLeft > 1 ? context.timers.startupQueryInterval : context.timers.queryInterval,
});

export const igmpQuerierMachine = setup({
  types: { context: {} as QuerierContext, events: {} as QuerierEvent, input: {} as QuerierInput },
  actions: {
    'send general query': () => {},
    'set gen. q. timer': (_, _p: { after: number }) => {},
    'set other querier present timer': (_, _p: { after: number }) => {},
  },
  guards: {
    'from a router with a lower IP address': ({ context, event }) =>
      context.version === 2 && (event as { from: number }).from < context.self,
  },
}).createMachine({
  id: 'igmp-querier',
  context: ({ input }) => ({ ...input, startupLeft: input.timers.startupQueryCount }),
  initial: 'Initial',
  states: {
    Initial: {
      on: {
        start: {
          target: 'Querier',
          actions: [
            'send general query',
            { type: 'set gen. q. timer', params: nextQuery },
            assign(consumeStartup),
          ],
        },
      },
    },
    Querier: {
      on: {
        'gen. query timer expired': {
          actions: [
            'send general query',
            { type: 'set gen. q. timer', params: nextQuery },
            assign(consumeStartup),
          ],
        },
        'query received': {
          guard: 'from a router with a lower IP address',
          target: 'Non-Querier',
          actions: {
            type: 'set other querier present timer',
            params: ({ context }) => ({ after: context.timers.otherQuerierPresentInterval }),
          },
        },
      },
    },
    'Non-Querier': {
      on: {
        'query received': {
          guard: 'from a router with a lower IP address',
          actions: {
            type: 'set other querier present timer',
            params: ({ context }) => ({ after: context.timers.otherQuerierPresentInterval }),
          },
        },
        'other querier present timer expired': {
          target: 'Querier',
          actions: [
            'send general query',
            { type: 'set gen. q. timer', params: ({ context }) => ({ after: context.timers.queryInterval }) },
            assign({ startupLeft: 0 }),
          ],
        },
      },
    },
  },
});

function consumeStartup({ context }: { context: QuerierContext }): Partial<QuerierContext> {
  return { startupLeft: Math.max(0, context.startupLeft - 1) };
}

// ─── Group membership on one LAN ───────────────────────────────────────────────────────────
//   No Members Present --v2 report rec'd: notify routing +, start timer-->               Members Present
//   No Members Present --v1 report rec'd: notify routing +, start timer,
//                        start v1 host timer-->                                          Version 1 Members Present
//   Members Present    --v2 report rec'd: start timer-->                                 Members Present
//   Members Present    --v1 report rec'd: start timer, start v1 host timer-->            Version 1 Members Present
//   Members Present    --leave rec'd: start timer*, start retransmit timer,
//                        send g-s query-->                                               Checking Membership
//   Members Present    --timer expired: notify routing - -->                             No Members Present
//   Version 1 Members Present --v1 report rec'd: start timer, start v1 host timer-->    (same)
//   Version 1 Members Present --v2 report rec'd: start timer-->                         (same)
//   Version 1 Members Present --v1 host timer expired-->                                Members Present
//   Version 1 Members Present --timer expired: notify routing - -->                     No Members Present
//   Checking Membership --v2 report rec'd: start timer-->                                Members Present
//   Checking Membership --v1 report rec'd: start timer, start v1 host timer-->           Version 1 Members Present
//   Checking Membership --retransmit timer expired: send g-s query, start retransmit timer--> (same)
//   Checking Membership --timer expired: notify routing -, clear rxmt tmr-->             No Members Present
// Leaves are acted on by the Querier only (§3: "Non-Queriers MUST ignore Leave Group messages"),
// and ignored while version 1 members are present (§5). A Non-Querier hearing a Group-Specific
// Query lowers its timer with "start timer*" (§3, §7). An IGMPv1 router (RFC 1112) knows only
// v1 reports and keeps no v1 host timer: for it every report means Members Present.

export interface GroupInput {
  group: number;
  version: 1 | 2;
  timers: IgmpTicks;
}

export interface GroupContext extends GroupInput {
  /** When the group membership timer fires; null when not running. */
  deadline: number | null;
  /** Group-Specific Queries still to send after the last one (§3: Last Member Query Count in all). */
  queriesLeft: number;
}

export type GroupEvent =
  | { type: 'v2 report received'; now: number }
  | { type: 'v1 report received'; now: number }
  | { type: 'leave received'; now: number; querier: boolean }
  /** A Non-Querier hears the Querier's Group-Specific Query; `maxResp` in ticks. */
  | { type: 'group-specific query received'; now: number; maxResp: number; querier: boolean }
  | { type: 'timer expired' }
  | { type: 'retransmit timer expired' }
  | { type: 'v1 host timer expired' };

export const GROUP_STATES = [
  'No Members Present',
  'Members Present',
  'Version 1 Members Present',
  'Checking Membership',
] as const;
export type GroupState = (typeof GROUP_STATES)[number];

type Now = { now: number };
const gmi = ({ context }: { context: GroupContext }) => ({ after: context.timers.groupMembershipInterval });

/** "start timer*": the minimum of the current value and LMQ Interval × LMQ Count (querier) or Max Resp Time × LMQ Count. */
function timerStar(context: GroupContext, event: GroupEvent): number {
  const e = event as Extract<GroupEvent, { type: 'leave received' | 'group-specific query received' }>;
  const per = e.type === 'leave received' ? context.timers.lastMemberQueryInterval : e.maxResp;
  const star = per * context.timers.lastMemberQueryCount;
  const remaining = context.deadline === null ? star : context.deadline - e.now;
  return Math.max(0, Math.min(remaining, star));
}

export const igmpGroupMachine = setup({
  types: { context: {} as GroupContext, events: {} as GroupEvent, input: {} as GroupInput },
  actions: {
    'notify routing +': () => {},
    'notify routing -': () => {},
    'start timer': (_, _p: { after: number }) => {},
    'start timer*': (_, _p: { after: number }) => {},
    'start retransmit timer': (_, _p: { after: number }) => {},
    'clear retransmit timer': () => {},
    'send g-s query': () => {},
    'start v1 host timer': (_, _p: { after: number }) => {},
    // The context's copy of the membership timer, which "start timer*" compares against.
    restart: assign(({ context, event }) => ({
      deadline: (event as unknown as Now).now + context.timers.groupMembershipInterval,
    })),
  },
  guards: {
    v1: ({ context }) => context.version === 1,
    'this router is the Querier': ({ context, event }) =>
      context.version === 2 && (event as { querier: boolean }).querier,
    'this router is a Non-Querier': ({ context, event }) =>
      context.version === 2 && !(event as { querier: boolean }).querier,
    'more queries to send': ({ context }) => context.queriesLeft > 1,
    'last query to send': ({ context }) => context.queriesLeft === 1,
  },
}).createMachine({
  id: 'igmp-group',
  context: ({ input }) => ({ ...input, deadline: null, queriesLeft: 0 }),
  initial: 'No Members Present',
  states: {
    'No Members Present': {
      on: {
        'v2 report received': {
          target: 'Members Present',
          actions: ['notify routing +', { type: 'start timer', params: gmi }, 'restart'],
        },
        'v1 report received': [
          {
            guard: 'v1',
            target: 'Members Present',
            actions: ['notify routing +', { type: 'start timer', params: gmi }, 'restart'],
          },
          {
            target: 'Version 1 Members Present',
            actions: [
              'notify routing +',
              { type: 'start timer', params: gmi },
              { type: 'start v1 host timer', params: gmi },
              'restart',
            ],
          },
        ],
      },
    },
    'Members Present': {
      on: {
        'v2 report received': { actions: [{ type: 'start timer', params: gmi }, 'restart'] },
        'v1 report received': [
          { guard: 'v1', actions: [{ type: 'start timer', params: gmi }, 'restart'] },
          {
            target: 'Version 1 Members Present',
            actions: [
              { type: 'start timer', params: gmi },
              { type: 'start v1 host timer', params: gmi },
              'restart',
            ],
          },
        ],
        'leave received': {
          guard: 'this router is the Querier',
          target: 'Checking Membership',
          actions: [
            { type: 'start timer*', params: ({ context, event }) => ({ after: timerStar(context, event) }) },
            {
              type: 'start retransmit timer',
              params: ({ context }) => ({ after: context.timers.lastMemberQueryInterval }),
            },
            'send g-s query',
            assign(({ context, event }) => ({
              deadline: (event as unknown as Now).now + timerStar(context, event),
              queriesLeft: context.timers.lastMemberQueryCount - 1,
            })),
          ],
        },
        'group-specific query received': {
          guard: 'this router is a Non-Querier',
          target: 'Checking Membership',
          actions: [
            { type: 'start timer*', params: ({ context, event }) => ({ after: timerStar(context, event) }) },
            assign(({ context, event }) => ({
              deadline: (event as unknown as Now).now + timerStar(context, event),
              queriesLeft: 0,
            })),
          ],
        },
        'timer expired': {
          target: 'No Members Present',
          actions: ['notify routing -', assign({ deadline: null })],
        },
      },
    },
    'Version 1 Members Present': {
      on: {
        'v1 report received': {
          actions: [
            { type: 'start timer', params: gmi },
            { type: 'start v1 host timer', params: gmi },
            'restart',
          ],
        },
        'v2 report received': { actions: [{ type: 'start timer', params: gmi }, 'restart'] },
        'v1 host timer expired': { target: 'Members Present' },
        'timer expired': {
          target: 'No Members Present',
          actions: ['notify routing -', assign({ deadline: null })],
        },
      },
    },
    'Checking Membership': {
      on: {
        'v2 report received': {
          target: 'Members Present',
          actions: [{ type: 'start timer', params: gmi }, 'restart', assign({ queriesLeft: 0 })],
        },
        'v1 report received': {
          target: 'Version 1 Members Present',
          actions: [
            { type: 'start timer', params: gmi },
            { type: 'start v1 host timer', params: gmi },
            'restart',
            assign({ queriesLeft: 0 }),
          ],
        },
        'retransmit timer expired': [
          {
            guard: 'more queries to send',
            actions: [
              'send g-s query',
              {
                type: 'start retransmit timer',
                params: ({ context }) => ({ after: context.timers.lastMemberQueryInterval }),
              },
              assign(({ context }) => ({ queriesLeft: context.queriesLeft - 1 })),
            ],
          },
          { guard: 'last query to send', actions: ['send g-s query', assign({ queriesLeft: 0 })] },
        ],
        'group-specific query received': {
          guard: 'this router is a Non-Querier',
          actions: [
            { type: 'start timer*', params: ({ context, event }) => ({ after: timerStar(context, event) }) },
            assign(({ context, event }) => ({
              deadline: (event as unknown as Now).now + timerStar(context, event),
            })),
          ],
        },
        'timer expired': {
          target: 'No Members Present',
          actions: ['notify routing -', 'clear retransmit timer', assign({ deadline: null, queriesLeft: 0 })],
        },
      },
    },
  },
});
