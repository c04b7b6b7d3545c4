import { assign, setup } from 'xstate';
import type { PimTicks } from './timers';

/**
 * PIM-DM's per-entry machines (RFC 3973 §4.4–4.6) with the RFC's state and event names. The
 * router (dense.ts) decides the conditions an event depends on (is olist(S,G) NULL, is a timer
 * running) and passes them in the event; the machine names the actions, and the router carries
 * them out. All times are ticks.
 */

const noop = () => {};
const after = (_: unknown, _p: { after: number }) => {};

// ─── Upstream(S,G) (RFC 3973 §4.4.1) ───────────────────────────────────────────────────────
//   Forwarding --Data arrives on RPF_Interface(S), olist NULL, PLT not running, S not directly
//                 connected: send Prune, set PLT-->                                     Pruned
//   Forwarding --olist(S,G) -> NULL (S not directly connected): send Prune, set PLT-->  Pruned
//   Forwarding --See Prune(S,G) to RPF'(S), olist not NULL: set OT-->                   Forwarding
//   Forwarding --State Refresh from RPF'(S) with Prune Indicator 1: set OT-->           Forwarding
//   Forwarding --See Join(S,G) to RPF'(S): cancel OT-->                                 Forwarding
//   Forwarding --OT(S,G) expires: send Join-->                                          Forwarding
//   Forwarding --RPF'(S) changes, olist not NULL: send Graft, set GRT-->                AckPending
//   Pruned     --Data arrives on RPF_Interface(S), PLT not running: send Prune, set PLT--> Pruned
//   Pruned     --State Refresh with Prune Indicator 1: set PLT-->                        Pruned
//   Pruned     --State Refresh with Prune Indicator 0, PLT not running: send Prune, set PLT--> Pruned
//   Pruned     --olist(S,G) -> non-NULL: cancel PLT, send Graft, set GRT-->              AckPending
//   AckPending --GRT(S,G) expires: send Graft, set GRT-->                                AckPending
//   AckPending --Graft-Ack from RPF'(S): cancel GRT-->                                   Forwarding
//   AckPending --State Refresh with Prune Indicator 0: cancel GRT-->                     Forwarding
//   AckPending --olist(S,G) -> NULL: send Prune, set PLT, cancel GRT-->                  Pruned
//   AckPending --See Prune / State Refresh P=1 / See Join / OT expires: as in Forwarding
// A first-hop router (S directly connected) has no upstream neighbour: it never prunes or grafts.

export type UpstreamEvent =
  | {
      type: 'Data packet arrives on RPF_Interface(S)';
      olistNull: boolean;
      pltRunning: boolean;
      directlyConnected: boolean;
    }
  | {
      type: "State Refresh(S,G) received from RPF'(S)";
      pruneIndicator: boolean;
      olistNull: boolean;
      pltRunning: boolean;
      otRunning: boolean;
      override: number;
    }
  | { type: "See Join(S,G) to RPF'(S)" }
  | { type: "See Prune(S,G) to RPF'(S)"; olistNull: boolean; otRunning: boolean; override: number }
  | { type: 'OT(S,G) expires' }
  | { type: 'olist(S,G) -> NULL'; directlyConnected: boolean }
  | { type: 'olist(S,G) -> non-NULL'; directlyConnected: boolean }
  | { type: 'GRT(S,G) expires' }
  | { type: "Graft-Ack received from RPF'(S)" }
  | { type: "RPF'(S) changes"; olistNull: boolean; directlyConnected: boolean };

export const UPSTREAM_STATES = ['Forwarding', 'Pruned', 'AckPending'] as const;

type Ev<T extends UpstreamEvent['type']> = Extract<UpstreamEvent, { type: T }>;
const plt = ({ context }: { context: { timers: PimTicks } }) => ({ after: context.timers.tLimit });
const grt = ({ context }: { context: { timers: PimTicks } }) => ({ after: context.timers.graftRetryPeriod });
const ot = ({ event }: { event: UpstreamEvent }) => ({ after: (event as { override: number }).override });

/** Transitions Forwarding and AckPending share: the prune override on a LAN (§4.4.1). */
const overrideRules = {
  "See Prune(S,G) to RPF'(S)": {
    guard: 'olist not NULL and OT not running',
    actions: [{ type: 'set OT(S,G)', params: ot }],
  },
  "See Join(S,G) to RPF'(S)": { actions: ['cancel OT(S,G)'] },
  'OT(S,G) expires': { actions: ['send Join(S,G)'] },
} as const;

export const dmUpstreamMachine = setup({
  types: {
    context: {} as { timers: PimTicks },
    events: {} as UpstreamEvent,
    input: {} as { timers: PimTicks },
  },
  actions: {
    'send Prune(S,G)': noop,
    'send Join(S,G)': noop,
    'send Graft(S,G)': noop,
    'set PLT(S,G)': after,
    'cancel PLT(S,G)': noop,
    'set GRT(S,G)': after,
    'cancel GRT(S,G)': noop,
    'set OT(S,G)': after,
    'cancel OT(S,G)': noop,
  },
  guards: {
    'olist NULL, PLT not running, S not directly connected': ({ event }) => {
      const e = event as Ev<'Data packet arrives on RPF_Interface(S)'>;
      return e.olistNull && !e.pltRunning && !e.directlyConnected;
    },
    'PLT not running': ({ event }) => !(event as { pltRunning: boolean }).pltRunning,
    'S not directly connected': ({ event }) => !(event as { directlyConnected: boolean }).directlyConnected,
    'S directly connected': ({ event }) => (event as { directlyConnected: boolean }).directlyConnected,
    'olist not NULL and OT not running': ({ event }) => {
      const e = event as { olistNull: boolean; otRunning: boolean };
      return !e.olistNull && !e.otRunning;
    },
    'Prune Indicator 1, olist not NULL, OT not running': ({ event }) => {
      const e = event as Ev<"State Refresh(S,G) received from RPF'(S)">;
      return e.pruneIndicator && !e.olistNull && !e.otRunning;
    },
    'Prune Indicator 1': ({ event }) =>
      (event as Ev<"State Refresh(S,G) received from RPF'(S)">).pruneIndicator,
    'Prune Indicator 0 and PLT not running': ({ event }) => {
      const e = event as Ev<"State Refresh(S,G) received from RPF'(S)">;
      return !e.pruneIndicator && !e.pltRunning;
    },
    'Prune Indicator 0': ({ event }) =>
      !(event as Ev<"State Refresh(S,G) received from RPF'(S)">).pruneIndicator,
    'olist not NULL, S not directly connected': ({ event }) => {
      const e = event as Ev<"RPF'(S) changes">;
      return !e.olistNull && !e.directlyConnected;
    },
  },
}).createMachine({
  id: 'pim-dm-upstream',
  // `input?.`: xstate's pure transition() also calls this, input-less, for a throw-away actor; a
  // TypeError there, caught by xstate, cost 3–15% of a 200-router run's CPU time (bench/pim.ts).
  context: ({ input }) => ({ timers: input?.timers }),
  initial: 'Forwarding',
  states: {
    Forwarding: {
      on: {
        ...overrideRules,
        'Data packet arrives on RPF_Interface(S)': {
          guard: 'olist NULL, PLT not running, S not directly connected',
          target: 'Pruned',
          actions: ['send Prune(S,G)', { type: 'set PLT(S,G)', params: plt }],
        },
        'olist(S,G) -> NULL': {
          guard: 'S not directly connected',
          target: 'Pruned',
          actions: ['send Prune(S,G)', { type: 'set PLT(S,G)', params: plt }],
        },
        "State Refresh(S,G) received from RPF'(S)": {
          guard: 'Prune Indicator 1, olist not NULL, OT not running',
          actions: [{ type: 'set OT(S,G)', params: ot }],
        },
        "RPF'(S) changes": {
          guard: 'olist not NULL, S not directly connected',
          target: 'AckPending',
          actions: ['send Graft(S,G)', { type: 'set GRT(S,G)', params: grt }],
        },
      },
    },
    Pruned: {
      on: {
        'Data packet arrives on RPF_Interface(S)': {
          guard: 'PLT not running',
          actions: ['send Prune(S,G)', { type: 'set PLT(S,G)', params: plt }],
        },
        "State Refresh(S,G) received from RPF'(S)": [
          { guard: 'Prune Indicator 1', actions: [{ type: 'set PLT(S,G)', params: plt }] },
          {
            guard: 'Prune Indicator 0 and PLT not running',
            actions: ['send Prune(S,G)', { type: 'set PLT(S,G)', params: plt }],
          },
        ],
        'olist(S,G) -> non-NULL': [
          { guard: 'S directly connected', target: 'Forwarding', actions: ['cancel PLT(S,G)'] },
          {
            target: 'AckPending',
            actions: ['cancel PLT(S,G)', 'send Graft(S,G)', { type: 'set GRT(S,G)', params: grt }],
          },
        ],
      },
    },
    AckPending: {
      on: {
        ...overrideRules,
        'GRT(S,G) expires': { actions: ['send Graft(S,G)', { type: 'set GRT(S,G)', params: grt }] },
        "Graft-Ack received from RPF'(S)": { target: 'Forwarding', actions: ['cancel GRT(S,G)'] },
        "State Refresh(S,G) received from RPF'(S)": [
          { guard: 'Prune Indicator 0', target: 'Forwarding', actions: ['cancel GRT(S,G)'] },
          {
            guard: 'Prune Indicator 1, olist not NULL, OT not running',
            actions: [{ type: 'set OT(S,G)', params: ot }],
          },
        ],
        'olist(S,G) -> NULL': {
          target: 'Pruned',
          actions: ['send Prune(S,G)', { type: 'set PLT(S,G)', params: plt }, 'cancel GRT(S,G)'],
        },
        "RPF'(S) changes": {
          guard: 'olist not NULL, S not directly connected',
          actions: ['send Graft(S,G)', { type: 'set GRT(S,G)', params: grt }],
        },
      },
    },
  },
});

// ─── Downstream Prune(S,G,I) (RFC 3973 §4.4.2) ─────────────────────────────────────────────
//   NoInfo       --Receive Prune(S,G): set PPT (J/P_Override_Interval, 0 with one neighbour)--> PrunePending
//   NoInfo       --Receive Graft(S,G): send Graft-Ack-->                                        NoInfo
//   PrunePending --PPT(S,G,I) expires: set PT (Prune Hold Time − the override wait)-->          Pruned
//   PrunePending --Receive Join(S,G): cancel PPT-->                                             NoInfo
//   PrunePending --Receive Graft(S,G): send Graft-Ack, cancel PPT-->                            NoInfo
//   Pruned       --Receive Prune(S,G): set PT (the new hold time)-->                            Pruned
//   Pruned       --Receive Join(S,G): cancel PT-->                                              NoInfo
//   Pruned       --Receive Graft(S,G): send Graft-Ack, cancel PT-->                             NoInfo
//   Pruned       --PT(S,G,I) expires-->                                                         NoInfo
//   Pruned       --Send State Refresh(S,G) out I: set PT (the active hold time)-->              Pruned

export type DownstreamEvent =
  | { type: 'Receive Prune(S,G)'; holdtime: number; overrideAfter: number }
  | { type: 'Receive Join(S,G)' }
  | { type: 'Receive Graft(S,G)' }
  | { type: 'PPT(S,G,I) expires' }
  | { type: 'PT(S,G,I) expires' }
  | { type: 'Send State Refresh(S,G) out I' };

export const DOWNSTREAM_STATES = ['NoInfo', 'PrunePending', 'Pruned'] as const;

interface DownstreamContext {
  /** The hold time of the active Prune (its Holdtime field). */
  holdtime: number;
  /** How long the prune waited in PrunePending. */
  waited: number;
}

export const dmDownstreamMachine = setup({
  types: { context: {} as DownstreamContext, events: {} as DownstreamEvent },
  actions: {
    'set PPT(S,G,I)': after,
    'cancel PPT(S,G,I)': noop,
    'set PT(S,G,I)': after,
    'cancel PT(S,G,I)': noop,
    'send Graft-Ack(S,G)': noop,
  },
}).createMachine({
  id: 'pim-dm-downstream',
  context: { holdtime: 0, waited: 0 },
  initial: 'NoInfo',
  states: {
    NoInfo: {
      on: {
        'Receive Prune(S,G)': {
          target: 'PrunePending',
          actions: [
            assign(({ event }) => ({ holdtime: event.holdtime, waited: event.overrideAfter })),
            { type: 'set PPT(S,G,I)', params: ({ event }) => ({ after: event.overrideAfter }) },
          ],
        },
        'Receive Graft(S,G)': { actions: ['send Graft-Ack(S,G)'] },
      },
    },
    PrunePending: {
      on: {
        'PPT(S,G,I) expires': {
          target: 'Pruned',
          actions: [
            {
              type: 'set PT(S,G,I)',
              params: ({ context }) => ({ after: Math.max(1, context.holdtime - context.waited) }),
            },
          ],
        },
        'Receive Join(S,G)': { target: 'NoInfo', actions: ['cancel PPT(S,G,I)'] },
        'Receive Graft(S,G)': { target: 'NoInfo', actions: ['send Graft-Ack(S,G)', 'cancel PPT(S,G,I)'] },
      },
    },
    Pruned: {
      on: {
        'Receive Prune(S,G)': {
          actions: [
            assign(({ event }) => ({ holdtime: event.holdtime })),
            { type: 'set PT(S,G,I)', params: ({ event }) => ({ after: event.holdtime }) },
          ],
        },
        'Receive Join(S,G)': { target: 'NoInfo', actions: ['cancel PT(S,G,I)'] },
        'Receive Graft(S,G)': { target: 'NoInfo', actions: ['send Graft-Ack(S,G)', 'cancel PT(S,G,I)'] },
        'PT(S,G,I) expires': { target: 'NoInfo' },
        'Send State Refresh(S,G) out I': {
          actions: [{ type: 'set PT(S,G,I)', params: ({ context }) => ({ after: context.holdtime }) }],
        },
      },
    },
  },
});

// ─── Assert(S,G,I) (RFC 3973 §4.6) ─────────────────────────────────────────────────────────
//   NoInfo              --(S,G) data arrives on downstream interface I, CouldAssert:
//                         send Assert, set AT-->                                     I am Assert Winner
//   NoInfo              --Receive Inferior (Assert OR State Refresh), CouldAssert:
//                         send Assert, set AT-->                                     I am Assert Winner
//   NoInfo              --Receive Preferred Assert OR State Refresh: store winner, set AT,
//                         send Prune to the winner if CouldAssert-->                 I am Assert Loser
//   I am Assert Winner  --Receive Inferior (Assert OR State Refresh): send Assert, set AT--> (same)
//   I am Assert Winner  --Receive Preferred Assert OR State Refresh: store winner, set AT,
//                         send Prune to the winner-->                                I am Assert Loser
//   I am Assert Winner  --Send State Refresh: set AT-->                              (same)
//   I am Assert Winner  --AT(S,G,I) expires-->                                       NoInfo
//   I am Assert Loser   --Receive Preferred Assert OR State Refresh: store winner, set AT--> (same)
//   I am Assert Loser   --Receive Inferior (Assert OR State Refresh) from Assert Winner:
//                         cancel AT-->                                               NoInfo
//   I am Assert Loser   --AT(S,G,I) expires-->                                       NoInfo

export interface AssertWinner {
  router: string;
  addr: number;
  preference: number;
  metric: number;
}

export type AssertEvent =
  | { type: 'An (S,G) data packet arrives on downstream interface I'; couldAssert: boolean }
  | { type: 'Receive Inferior (Assert OR State Refresh)'; couldAssert: boolean; fromWinner: boolean }
  | {
      type: 'Receive Preferred Assert OR State Refresh';
      winner: AssertWinner;
      at: number;
      couldAssert: boolean;
    }
  | { type: 'Send State Refresh' }
  | { type: 'AT(S,G,I) expires' };

export const ASSERT_STATES = ['NoInfo', 'I am Assert Winner', 'I am Assert Loser'] as const;

const atAssert = ({ context }: { context: { timers: PimTicks } }) => ({ after: context.timers.assertTime });
const atFromEvent = ({ event }: { event: AssertEvent }) => ({ after: (event as { at: number }).at });

export const dmAssertMachine = setup({
  types: {
    context: {} as { timers: PimTicks; winner: AssertWinner | null },
    events: {} as AssertEvent,
    input: {} as { timers: PimTicks },
  },
  actions: {
    'store Assert winner': assign(({ event }) => ({
      winner: (event as Extract<AssertEvent, { winner: AssertWinner }>).winner,
    })),
    'send Assert(S,G)': noop,
    'set AT(S,G,I)': after,
    'cancel AT(S,G,I)': noop,
    'send Prune(S,G) to the Assert winner': noop,
  },
  guards: {
    CouldAssert: ({ event }) => (event as { couldAssert: boolean }).couldAssert,
    'from the Assert winner': ({ event }) => (event as { fromWinner: boolean }).fromWinner,
  },
}).createMachine({
  id: 'pim-dm-assert',
  // `input?.` as in the Upstream machine above: no caught TypeError on every transition.
  context: ({ input }) => ({ timers: input?.timers, winner: null }),
  initial: 'NoInfo',
  states: {
    NoInfo: {
      on: {
        'An (S,G) data packet arrives on downstream interface I': {
          guard: 'CouldAssert',
          target: 'I am Assert Winner',
          actions: ['send Assert(S,G)', { type: 'set AT(S,G,I)', params: atAssert }],
        },
        'Receive Inferior (Assert OR State Refresh)': {
          guard: 'CouldAssert',
          target: 'I am Assert Winner',
          actions: ['send Assert(S,G)', { type: 'set AT(S,G,I)', params: atAssert }],
        },
        'Receive Preferred Assert OR State Refresh': [
          {
            guard: 'CouldAssert',
            target: 'I am Assert Loser',
            actions: [
              'store Assert winner',
              { type: 'set AT(S,G,I)', params: atFromEvent },
              'send Prune(S,G) to the Assert winner',
            ],
          },
          {
            target: 'I am Assert Loser',
            actions: ['store Assert winner', { type: 'set AT(S,G,I)', params: atFromEvent }],
          },
        ],
      },
    },
    'I am Assert Winner': {
      on: {
        'Receive Inferior (Assert OR State Refresh)': {
          actions: ['send Assert(S,G)', { type: 'set AT(S,G,I)', params: atAssert }],
        },
        'Receive Preferred Assert OR State Refresh': {
          target: 'I am Assert Loser',
          actions: [
            'store Assert winner',
            { type: 'set AT(S,G,I)', params: atFromEvent },
            'send Prune(S,G) to the Assert winner',
          ],
        },
        'Send State Refresh': { actions: [{ type: 'set AT(S,G,I)', params: atAssert }] },
        'AT(S,G,I) expires': { target: 'NoInfo' },
      },
    },
    'I am Assert Loser': {
      on: {
        'Receive Preferred Assert OR State Refresh': {
          actions: ['store Assert winner', { type: 'set AT(S,G,I)', params: atFromEvent }],
        },
        'Receive Inferior (Assert OR State Refresh)': {
          guard: 'from the Assert winner',
          target: 'NoInfo',
          actions: ['cancel AT(S,G,I)', assign({ winner: null })],
        },
        'AT(S,G,I) expires': { target: 'NoInfo', actions: [assign({ winner: null })] },
      },
    },
  },
});

// ─── State Refresh origination (RFC 3973 §4.5.2) ────────────────────────────────────────────
//   NotOriginator --Receive Data from S, S directly connected: set SRT, set SAT-->  Originator
//   Originator    --Receive Data from S: set SAT-->                                Originator
//   Originator    --SRT(S,G) expires: send State Refresh, set SRT-->               Originator
//   Originator    --SAT(S,G) expires: cancel SRT-->                                NotOriginator

export type OriginatorEvent =
  | { type: 'Receive Data from S AND S directly connected' }
  | { type: 'SRT(S,G) expires' }
  | { type: 'SAT(S,G) expires' };

export const ORIGINATOR_STATES = ['NotOriginator', 'Originator'] as const;

export const dmOriginatorMachine = setup({
  types: {
    context: {} as { timers: PimTicks },
    events: {} as OriginatorEvent,
    input: {} as { timers: PimTicks },
  },
  actions: {
    'set SRT(S,G)': after,
    'set SAT(S,G)': after,
    'cancel SRT(S,G)': noop,
    'send State Refresh(S,G)': noop,
  },
}).createMachine({
  id: 'pim-dm-originator',
  // `input?.` as in the Upstream machine above: no caught TypeError on every transition.
  context: ({ input }) => ({ timers: input?.timers }),
  initial: 'NotOriginator',
  states: {
    NotOriginator: {
      on: {
        'Receive Data from S AND S directly connected': {
          target: 'Originator',
          actions: [
            { type: 'set SRT(S,G)', params: ({ context }) => ({ after: context.timers.refreshInterval }) },
            { type: 'set SAT(S,G)', params: ({ context }) => ({ after: context.timers.sourceLifetime }) },
          ],
        },
      },
    },
    Originator: {
      on: {
        'Receive Data from S AND S directly connected': {
          actions: [
            { type: 'set SAT(S,G)', params: ({ context }) => ({ after: context.timers.sourceLifetime }) },
          ],
        },
        'SRT(S,G) expires': {
          actions: [
            'send State Refresh(S,G)',
            { type: 'set SRT(S,G)', params: ({ context }) => ({ after: context.timers.refreshInterval }) },
          ],
        },
        'SAT(S,G) expires': { target: 'NotOriginator', actions: ['cancel SRT(S,G)'] },
      },
    },
  },
});
