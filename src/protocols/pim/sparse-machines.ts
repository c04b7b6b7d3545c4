import { assign, setup } from 'xstate';
import type { PimTicks } from './timers';

/**
 * PIM-SM's per-entry machines (RFC 7761 §4.4–4.5) with the RFC's state and event names. As in
 * dense-machines.ts, the router (sparse.ts) evaluates the conditions (JoinDesired, the number of
 * neighbours on a LAN, a timer's remaining time) and the machine names the actions.
 */

const noop = () => {};
const after = (_: unknown, _p: { after: number }) => {};

// ─── Downstream (*,G,I) and (S,G,I) (RFC 7761 §4.5.2, §4.5.3: the same table) ─────────────
//   NoInfo        --Receive Join: set ET (the Join's Holdtime)-->                 Join
//   Join          --Receive Join: set ET-->                                       Join
//   Join          --Receive Prune: set PPT (J/P_Override_Interval, or 0 with one
//                   neighbour on the interface)-->                                Prune-Pending
//   Join          --Expiry Timer expires-->                                       NoInfo
//   Prune-Pending --Receive Join: cancel PPT, set ET-->                           Join
//   Prune-Pending --Prune-Pending Timer expires-->                                NoInfo
//   Prune-Pending --Expiry Timer expires-->                                       NoInfo

export type SmDownstreamEvent =
  | { type: 'Receive Join'; holdtime: number }
  | { type: 'Receive Prune'; overrideAfter: number }
  | { type: 'Prune-Pending Timer expires' }
  | { type: 'Expiry Timer expires' };

export const SM_DOWNSTREAM_STATES = ['NoInfo', 'Join', 'Prune-Pending'] as const;

const et = ({ event }: { event: SmDownstreamEvent }) => ({ after: (event as { holdtime: number }).holdtime });

export const smDownstreamMachine = setup({
  types: { events: {} as SmDownstreamEvent },
  actions: { 'set ET': after, 'cancel ET': noop, 'set PPT': after, 'cancel PPT': noop },
}).createMachine({
  id: 'pim-sm-downstream',
  initial: 'NoInfo',
  states: {
    NoInfo: { on: { 'Receive Join': { target: 'Join', actions: [{ type: 'set ET', params: et }] } } },
    Join: {
      on: {
        'Receive Join': { actions: [{ type: 'set ET', params: et }] },
        'Receive Prune': {
          target: 'Prune-Pending',
          actions: [{ type: 'set PPT', params: ({ event }) => ({ after: event.overrideAfter }) }],
        },
        'Expiry Timer expires': { target: 'NoInfo' },
      },
    },
    'Prune-Pending': {
      on: {
        'Receive Join': { target: 'Join', actions: ['cancel PPT', { type: 'set ET', params: et }] },
        'Prune-Pending Timer expires': { target: 'NoInfo', actions: ['cancel ET'] },
        'Expiry Timer expires': { target: 'NoInfo', actions: ['cancel PPT'] },
      },
    },
  },
});

// ─── Upstream (*,G) and (S,G) (RFC 7761 §4.5.6, §4.5.7) ──────────────────────────────────
//   NotJoined --JoinDesired -> TRUE: send Join, set JT (t_periodic)-->            Joined
//   Joined    --JoinDesired -> FALSE: send Prune, cancel JT-->                    NotJoined
//   Joined    --Join Timer expires: send Join, set JT (t_periodic)-->             Joined
//   Joined    --See Join to RPF': increase JT to t_joinsuppress-->                Joined
//   Joined    --See Prune to RPF': decrease JT to t_override-->                   Joined
// (*,G) at the RP itself never joins: it is the root of the RP tree (JoinDesired is FALSE).

export type SmUpstreamEvent =
  | { type: 'JoinDesired -> TRUE' }
  | { type: 'JoinDesired -> FALSE' }
  | { type: 'Join Timer expires' }
  /** `remaining`: ticks left on JT; `suppress`: t_joinsuppress. */
  | { type: "See Join to RPF'"; remaining: number; suppress: number }
  /** `override`: t_override, drawn by the router in (0, Override_Interval]. */
  | { type: "See Prune to RPF'"; remaining: number; override: number };

export const SM_UPSTREAM_STATES = ['NotJoined', 'Joined'] as const;

const periodic = ({ context }: { context: { timers: PimTicks } }) => ({ after: context.timers.tPeriodic });

export const smUpstreamMachine = setup({
  types: {
    context: {} as { timers: PimTicks },
    events: {} as SmUpstreamEvent,
    input: {} as { timers: PimTicks },
  },
  actions: { 'send Join': noop, 'send Prune': noop, 'set JT': after, 'cancel JT': noop },
  guards: {
    'JT is shorter than t_joinsuppress': ({ event }) => {
      const e = event as Extract<SmUpstreamEvent, { suppress: number }>;
      return e.remaining < e.suppress;
    },
    'JT is longer than t_override': ({ event }) => {
      const e = event as Extract<SmUpstreamEvent, { override: number }>;
      return e.remaining > e.override;
    },
  },
}).createMachine({
  id: 'pim-sm-upstream',
  // `input?.`: xstate's pure transition() also calls this, input-less, for a throw-away actor; a
  // TypeError there, caught by xstate, cost 3–15% of a 200-router run's CPU time (bench/pim.ts).
  context: ({ input }) => ({ timers: input?.timers }),
  initial: 'NotJoined',
  states: {
    NotJoined: {
      on: {
        'JoinDesired -> TRUE': {
          target: 'Joined',
          actions: ['send Join', { type: 'set JT', params: periodic }],
        },
      },
    },
    Joined: {
      on: {
        'JoinDesired -> FALSE': { target: 'NotJoined', actions: ['send Prune', 'cancel JT'] },
        'Join Timer expires': { actions: ['send Join', { type: 'set JT', params: periodic }] },
        "See Join to RPF'": {
          guard: 'JT is shorter than t_joinsuppress',
          actions: [
            { type: 'set JT', params: ({ event }) => ({ after: (event as { suppress: number }).suppress }) },
          ],
        },
        "See Prune to RPF'": {
          guard: 'JT is longer than t_override',
          actions: [
            { type: 'set JT', params: ({ event }) => ({ after: (event as { override: number }).override }) },
          ],
        },
      },
    },
  },
});

// ─── Downstream (S,G,rpt,I) (RFC 7761 §4.5.4) ─────────────────────────────────────────────
//   NoInfo            --Receive Prune(S,G,rpt): set PPT, set ET-->                 Prune-Pending
//   Prune-Pending     --Prune-Pending Timer expires: set ET (hold time − wait)-->  Prune
//   Prune-Pending     --Receive Join(S,G,rpt): cancel PPT, cancel ET-->            NoInfo
//   Prune-Pending     --Receive Join(*,G)-->                                       Prune-Pending-Tmp
//   Prune             --Receive Prune(S,G,rpt): set ET-->                          Prune
//   Prune             --Receive Join(S,G,rpt): cancel ET-->                        NoInfo
//   Prune             --Receive Join(*,G)-->                                       PruneTmp
//   Prune             --Expiry Timer expires-->                                    NoInfo
//   PruneTmp          --Receive Prune(S,G,rpt) (same message): set ET-->           Prune
//   PruneTmp          --End of Message: cancel ET-->                               NoInfo
//   Prune-Pending-Tmp --Receive Prune(S,G,rpt) (same message)-->                   Prune-Pending
//   Prune-Pending-Tmp --End of Message: cancel PPT, cancel ET-->                   NoInfo
// The Tmp states make a (*,G) Join without the (S,G,rpt) Prune beside it undo that prune.

export type RptDownstreamEvent =
  | { type: 'Receive Prune(S,G,rpt)'; holdtime: number; overrideAfter: number }
  | { type: 'Receive Join(S,G,rpt)' }
  | { type: 'Receive Join(*,G)' }
  | { type: 'End of Message' }
  | { type: 'Prune-Pending Timer expires' }
  | { type: 'Expiry Timer expires' };

export const RPT_DOWNSTREAM_STATES = [
  'NoInfo',
  'Prune-Pending',
  'Prune',
  'PruneTmp',
  'Prune-Pending-Tmp',
] as const;

export const smRptDownstreamMachine = setup({
  types: { context: {} as { holdtime: number; waited: number }, events: {} as RptDownstreamEvent },
  actions: { 'set ET': after, 'cancel ET': noop, 'set PPT': after, 'cancel PPT': noop },
}).createMachine({
  id: 'pim-sm-rpt-downstream',
  context: { holdtime: 0, waited: 0 },
  initial: 'NoInfo',
  states: {
    NoInfo: {
      on: {
        'Receive Prune(S,G,rpt)': {
          target: 'Prune-Pending',
          actions: [
            assign(({ event }) => ({ holdtime: event.holdtime, waited: event.overrideAfter })),
            { type: 'set PPT', params: ({ event }) => ({ after: event.overrideAfter }) },
            { type: 'set ET', params: ({ event }) => ({ after: event.holdtime }) },
          ],
        },
      },
    },
    'Prune-Pending': {
      on: {
        'Prune-Pending Timer expires': {
          target: 'Prune',
          actions: [
            {
              type: 'set ET',
              params: ({ context }) => ({ after: Math.max(1, context.holdtime - context.waited) }),
            },
          ],
        },
        'Receive Join(S,G,rpt)': { target: 'NoInfo', actions: ['cancel PPT', 'cancel ET'] },
        'Receive Join(*,G)': { target: 'Prune-Pending-Tmp' },
        'Expiry Timer expires': { target: 'NoInfo', actions: ['cancel PPT'] },
      },
    },
    Prune: {
      on: {
        'Receive Prune(S,G,rpt)': {
          actions: [
            assign(({ event }) => ({ holdtime: event.holdtime })),
            { type: 'set ET', params: ({ event }) => ({ after: event.holdtime }) },
          ],
        },
        'Receive Join(S,G,rpt)': { target: 'NoInfo', actions: ['cancel ET'] },
        'Receive Join(*,G)': { target: 'PruneTmp' },
        'Expiry Timer expires': { target: 'NoInfo' },
      },
    },
    PruneTmp: {
      on: {
        'Receive Prune(S,G,rpt)': {
          target: 'Prune',
          actions: [
            assign(({ event }) => ({ holdtime: event.holdtime })),
            { type: 'set ET', params: ({ event }) => ({ after: event.holdtime }) },
          ],
        },
        'End of Message': { target: 'NoInfo', actions: ['cancel ET'] },
      },
    },
    'Prune-Pending-Tmp': {
      on: {
        'Receive Prune(S,G,rpt)': { target: 'Prune-Pending' },
        'End of Message': { target: 'NoInfo', actions: ['cancel PPT', 'cancel ET'] },
      },
    },
  },
});

// ─── Upstream (S,G,rpt) (RFC 7761 §4.5.9) ──────────────────────────────────────────────────
//   RPTNotJoined --PruneDesired(S,G,rpt) -> TRUE-->                               Pruned
//   RPTNotJoined --inherited_olist(S,G,rpt) -> non-NULL-->                        NotPruned
//   Pruned       --PruneDesired(S,G,rpt) -> FALSE: send Join(S,G,rpt)-->          NotPruned
//   Pruned       --RPTJoinDesired(G) -> FALSE-->                                  RPTNotJoined
//   NotPruned    --PruneDesired(S,G,rpt) -> TRUE: send Prune(S,G,rpt)-->          Pruned
//   NotPruned    --RPTJoinDesired(G) -> FALSE: cancel OT-->                       RPTNotJoined
//   NotPruned    --See Prune(S,G,rpt) to RPF'(S,G,rpt): set OT (t_override)-->    NotPruned
//   NotPruned    --See Join(S,G,rpt) to RPF'(S,G,rpt): cancel OT-->               NotPruned
//   NotPruned    --Override Timer expires: send Join(S,G,rpt)-->                  NotPruned

export type RptUpstreamEvent =
  | { type: 'PruneDesired(S,G,rpt) -> TRUE' }
  | { type: 'PruneDesired(S,G,rpt) -> FALSE' }
  | { type: 'inherited_olist(S,G,rpt) -> non-NULL' }
  | { type: 'RPTJoinDesired(G) -> FALSE' }
  | { type: "See Prune(S,G,rpt) to RPF'(S,G,rpt)"; override: number }
  | { type: "See Join(S,G,rpt) to RPF'(S,G,rpt)" }
  | { type: 'Override Timer expires' };

export const RPT_UPSTREAM_STATES = ['RPTNotJoined', 'Pruned', 'NotPruned'] as const;

export const smRptUpstreamMachine = setup({
  types: { events: {} as RptUpstreamEvent },
  actions: { 'send Prune(S,G,rpt)': noop, 'send Join(S,G,rpt)': noop, 'set OT': after, 'cancel OT': noop },
}).createMachine({
  id: 'pim-sm-rpt-upstream',
  initial: 'RPTNotJoined',
  states: {
    RPTNotJoined: {
      on: {
        'PruneDesired(S,G,rpt) -> TRUE': { target: 'Pruned' },
        'inherited_olist(S,G,rpt) -> non-NULL': { target: 'NotPruned' },
      },
    },
    Pruned: {
      on: {
        'PruneDesired(S,G,rpt) -> FALSE': { target: 'NotPruned', actions: ['send Join(S,G,rpt)'] },
        'RPTJoinDesired(G) -> FALSE': { target: 'RPTNotJoined' },
      },
    },
    NotPruned: {
      on: {
        'PruneDesired(S,G,rpt) -> TRUE': { target: 'Pruned', actions: ['send Prune(S,G,rpt)', 'cancel OT'] },
        'RPTJoinDesired(G) -> FALSE': { target: 'RPTNotJoined', actions: ['cancel OT'] },
        "See Prune(S,G,rpt) to RPF'(S,G,rpt)": {
          actions: [{ type: 'set OT', params: ({ event }) => ({ after: event.override }) }],
        },
        "See Join(S,G,rpt) to RPF'(S,G,rpt)": { actions: ['cancel OT'] },
        'Override Timer expires': { actions: ['send Join(S,G,rpt)'] },
      },
    },
  },
});

// ─── Register, at the source's DR (RFC 7761 §4.4.1) ───────────────────────────────────────
//   NoInfo       --CouldRegister -> TRUE: add reg tunnel-->                         Join
//   Join         --CouldRegister -> FALSE: remove reg tunnel-->                     NoInfo
//   Join         --Register-Stop received: remove reg tunnel, set RST-->            Prune
//   Join-Pending --Register-Stop received: set RST-->                               Prune
//   Join-Pending --Register-Stop Timer expires: add reg tunnel-->                   Join
//   Join-Pending --CouldRegister -> FALSE: cancel RST-->                            NoInfo
//   Prune        --Register-Stop Timer expires: send Null-Register, set RST
//                  (Register_Probe_Time)-->                                         Join-Pending
//   Prune        --CouldRegister -> FALSE: cancel RST-->                            NoInfo

export type RegisterEvent =
  | { type: 'CouldRegister -> TRUE' }
  | { type: 'CouldRegister -> FALSE' }
  /** `rst`: drawn by the router in (0.5, 1.5) × Register_Suppression_Time − Register_Probe_Time. */
  | { type: 'Register-Stop received'; rst: number }
  | { type: 'Register-Stop Timer expires' };

export const REGISTER_STATES = ['NoInfo', 'Join', 'Join-Pending', 'Prune'] as const;

export const registerMachine = setup({
  types: {
    context: {} as { timers: PimTicks },
    events: {} as RegisterEvent,
    input: {} as { timers: PimTicks },
  },
  actions: {
    'add reg tunnel': noop,
    'remove reg tunnel': noop,
    'set RST': after,
    'cancel RST': noop,
    'send Null-Register': noop,
  },
}).createMachine({
  id: 'pim-sm-register',
  // `input?.` as in the Upstream machine above: no caught TypeError on every transition.
  context: ({ input }) => ({ timers: input?.timers }),
  initial: 'NoInfo',
  states: {
    NoInfo: { on: { 'CouldRegister -> TRUE': { target: 'Join', actions: ['add reg tunnel'] } } },
    Join: {
      on: {
        'CouldRegister -> FALSE': { target: 'NoInfo', actions: ['remove reg tunnel'] },
        'Register-Stop received': {
          target: 'Prune',
          actions: ['remove reg tunnel', { type: 'set RST', params: ({ event }) => ({ after: event.rst }) }],
        },
      },
    },
    'Join-Pending': {
      on: {
        'Register-Stop received': {
          target: 'Prune',
          actions: [{ type: 'set RST', params: ({ event }) => ({ after: event.rst }) }],
        },
        'Register-Stop Timer expires': { target: 'Join', actions: ['add reg tunnel'] },
        'CouldRegister -> FALSE': { target: 'NoInfo', actions: ['cancel RST'] },
      },
    },
    Prune: {
      on: {
        'Register-Stop Timer expires': {
          target: 'Join-Pending',
          actions: [
            'send Null-Register',
            { type: 'set RST', params: ({ context }) => ({ after: context.timers.registerProbeTime }) },
          ],
        },
        'CouldRegister -> FALSE': { target: 'NoInfo', actions: ['cancel RST'] },
      },
    },
  },
});
