import { assign, setup } from 'xstate';

/**
 * A host's IGMP state for one group on one interface: RFC 2236 §6, with IGMPv1's behaviour
 * (RFC 1112 Appendix I, the same three states) when `version` is 1.
 *
 *   Non-Member      --join group: send report, set flag, start timer-->            Delaying Member
 *   Delaying Member --leave group: stop timer, send leave if flag set-->           Non-Member
 *   Delaying Member --query received: reset timer if Max Resp Time < current-->    Delaying Member
 *   Delaying Member --report received: stop timer, clear flag-->                   Idle Member
 *   Delaying Member --timer expired: send report, set flag-->                      Idle Member
 *   Idle Member     --query received: start timer-->                               Delaying Member
 *   Idle Member     --leave group: send leave if flag set-->                       Non-Member
 *
 * IGMPv1 differs: no flag and no Leave (a host leaves silently), and a query does not shorten a
 * running timer. The machine reads no clock and draws no random number: the host that runs it
 * passes `now` and the random delay it drew from the engine's seeded generator.
 *
 * The actions are named as the RFC names them; the host carries out `send report`, `send leave`,
 * `start timer`, `reset timer` and `stop timer`, while `set flag` / `clear flag` only mark in the
 * trace what the context update does.
 */

export interface HostGroupInput {
  group: number;
  version: 1 | 2;
}

export interface HostGroupContext {
  group: number;
  version: 1 | 2;
  /** "We were the last host to send a report for this group" (§6). */
  flag: boolean;
  /** When the report delay timer fires, or null when it is not running. */
  deadline: number | null;
}

export type HostGroupEvent =
  | { type: 'join group'; now: number; delay: number; v1Router: boolean }
  | { type: 'leave group'; v1Router: boolean }
  /** `maxResp` in ticks; `delay` a random value in (0, maxResp] drawn by the host. */
  | { type: 'query received'; now: number; maxResp: number; delay: number }
  | { type: 'report received' }
  | { type: 'timer expired'; v1Router: boolean };

export const HOST_STATES = ['Non-Member', 'Delaying Member', 'Idle Member'] as const;
export type HostState = (typeof HOST_STATES)[number];

type Ev<T extends HostGroupEvent['type']> = Extract<HostGroupEvent, { type: T }>;

/** IGMPv1 router present (§4): reports are sent as Version 1 Membership Reports. */
const reportV1 = ({ context, event }: { context: HostGroupContext; event: HostGroupEvent }) => ({
  v1: context.version === 1 || ('v1Router' in event && event.v1Router),
});

export const igmpHostMachine = setup({
  types: {
    context: {} as HostGroupContext,
    events: {} as HostGroupEvent,
    input: {} as HostGroupInput,
  },
  actions: {
    'send report': (_, _p: { v1: boolean }) => {},
    'send leave': () => {},
    'start timer': (_, _p: { after: number }) => {},
    'reset timer': (_, _p: { after: number }) => {},
    'stop timer': () => {},
    'set flag': () => {},
    'clear flag': () => {},
  },
  guards: {
    v2: ({ context }) => context.version === 2,
    // §6: reset only "if Max Resp Time is less than the current value of the timer"; IGMPv1 never resets.
    'Max Resp Time is shorter': ({ context, event }) => {
      const e = event as Ev<'query received'>;
      return context.version === 2 && context.deadline !== null && e.maxResp < context.deadline - e.now;
    },
    // §6 "send leave if flag set"; §4: a v2 host may keep quiet while an IGMPv1 router is present.
    'flag set': ({ context, event }) =>
      context.version === 2 && context.flag && !(event as Ev<'leave group'>).v1Router,
  },
}).createMachine({
  id: 'igmp-host',
  context: ({ input }) => ({ group: input.group, version: input.version, flag: false, deadline: null }),
  initial: 'Non-Member',
  states: {
    'Non-Member': {
      on: {
        'join group': [
          {
            guard: 'v2',
            target: 'Delaying Member',
            actions: [
              { type: 'send report', params: reportV1 },
              'set flag',
              { type: 'start timer', params: ({ event }) => ({ after: event.delay }) },
              assign({ flag: true, deadline: ({ event }) => event.now + event.delay }),
            ],
          },
          {
            target: 'Delaying Member',
            actions: [
              { type: 'send report', params: reportV1 },
              { type: 'start timer', params: ({ event }) => ({ after: event.delay }) },
              assign({ deadline: ({ event }) => event.now + event.delay }),
            ],
          },
        ],
      },
    },
    'Delaying Member': {
      on: {
        'leave group': [
          {
            guard: 'flag set',
            target: 'Non-Member',
            actions: ['stop timer', 'send leave', assign({ flag: false, deadline: null })],
          },
          { target: 'Non-Member', actions: ['stop timer', assign({ flag: false, deadline: null })] },
        ],
        'query received': {
          guard: 'Max Resp Time is shorter',
          actions: [
            { type: 'reset timer', params: ({ event }) => ({ after: event.delay }) },
            assign({ deadline: ({ event }) => event.now + event.delay }),
          ],
        },
        'report received': [
          {
            guard: 'v2',
            target: 'Idle Member',
            actions: ['stop timer', 'clear flag', assign({ flag: false, deadline: null })],
          },
          { target: 'Idle Member', actions: ['stop timer', assign({ deadline: null })] },
        ],
        'timer expired': [
          {
            guard: 'v2',
            target: 'Idle Member',
            actions: [
              { type: 'send report', params: reportV1 },
              'set flag',
              assign({ flag: true, deadline: null }),
            ],
          },
          {
            target: 'Idle Member',
            actions: [{ type: 'send report', params: reportV1 }, assign({ deadline: null })],
          },
        ],
      },
    },
    'Idle Member': {
      on: {
        'query received': {
          target: 'Delaying Member',
          actions: [
            { type: 'start timer', params: ({ event }) => ({ after: event.delay }) },
            assign({ deadline: ({ event }) => event.now + event.delay }),
          ],
        },
        'leave group': [
          { guard: 'flag set', target: 'Non-Member', actions: ['send leave', assign({ flag: false })] },
          { target: 'Non-Member', actions: assign({ flag: false }) },
        ],
      },
    },
  },
});
