import { describe, expect, it } from 'vitest';
import {
  type AssertEvent,
  type DownstreamEvent,
  dmAssertMachine,
  dmDownstreamMachine,
  dmOriginatorMachine,
  dmUpstreamMachine,
  type OriginatorEvent,
  type UpstreamEvent,
} from './dense-machines';
import { machine, T } from './testkit';

const up = (...before: UpstreamEvent[]) => {
  const m = machine(dmUpstreamMachine, { timers: T });
  for (const e of before) m.send(e);
  return m;
};
const toPruned: UpstreamEvent = { type: 'olist(S,G) -> NULL', directlyConnected: false };
const toAckPending: UpstreamEvent[] = [
  toPruned,
  { type: 'olist(S,G) -> non-NULL', directlyConnected: false },
];
const data = (
  o: Partial<{ olistNull: boolean; pltRunning: boolean; directlyConnected: boolean }>,
): UpstreamEvent => ({
  type: 'Data packet arrives on RPF_Interface(S)',
  olistNull: true,
  pltRunning: false,
  directlyConnected: false,
  ...o,
});
const sr = (
  o: Partial<{ pruneIndicator: boolean; olistNull: boolean; pltRunning: boolean; otRunning: boolean }>,
): UpstreamEvent => ({
  type: "State Refresh(S,G) received from RPF'(S)",
  pruneIndicator: false,
  olistNull: false,
  pltRunning: false,
  otRunning: false,
  override: 7,
  ...o,
});

describe('PIM-DM Upstream(S,G) machine (RFC 3973 §4.4.1)', () => {
  it('starts in Forwarding', () => expect(up().state).toBe('Forwarding'));

  it('Forwarding --data on RPF_Interface(S), olist NULL, PLT not running--> Pruned: send Prune, set PLT = t_limit', () => {
    const r = up().send(data({}));
    expect(r).toMatchObject({ state: 'Pruned', actions: ['send Prune(S,G)', 'set PLT(S,G)'] });
    expect(r.params['set PLT(S,G)']).toEqual({ after: 210 * 8 });
  });

  it('Forwarding: data with a non-NULL olist, or from a directly connected S, changes nothing', () => {
    expect(up().send(data({ olistNull: false })).handled).toBe(false);
    expect(up().send(data({ directlyConnected: true })).handled).toBe(false);
  });

  it('Forwarding --olist(S,G) -> NULL--> Pruned: send Prune, set PLT; a first-hop router stays Forwarding', () => {
    expect(up().send(toPruned)).toMatchObject({
      state: 'Pruned',
      actions: ['send Prune(S,G)', 'set PLT(S,G)'],
    });
    expect(up().send({ type: 'olist(S,G) -> NULL', directlyConnected: true }).handled).toBe(false);
  });

  it("Forwarding --See Prune(S,G) to RPF'(S), olist not NULL--> Forwarding: set OT (prune override)", () => {
    const r = up().send({
      type: "See Prune(S,G) to RPF'(S)",
      olistNull: false,
      otRunning: false,
      override: 5,
    });
    expect(r).toMatchObject({ state: 'Forwarding', actions: ['set OT(S,G)'] });
    expect(r.params['set OT(S,G)']).toEqual({ after: 5 });
    expect(
      up().send({ type: "See Prune(S,G) to RPF'(S)", olistNull: true, otRunning: false, override: 5 })
        .handled,
    ).toBe(false);
    expect(
      up().send({ type: "See Prune(S,G) to RPF'(S)", olistNull: false, otRunning: true, override: 5 })
        .handled,
    ).toBe(false);
  });

  it("Forwarding --See Join(S,G) to RPF'(S)--> cancel OT; --OT(S,G) expires--> send Join", () => {
    expect(up().send({ type: "See Join(S,G) to RPF'(S)" }).actions).toEqual(['cancel OT(S,G)']);
    expect(up().send({ type: 'OT(S,G) expires' }).actions).toEqual(['send Join(S,G)']);
  });

  it("Forwarding --State Refresh from RPF'(S) with Prune Indicator 1--> set OT", () => {
    expect(up().send(sr({ pruneIndicator: true })).actions).toEqual(['set OT(S,G)']);
    expect(up().send(sr({ pruneIndicator: false })).handled).toBe(false);
  });

  it("Forwarding --RPF'(S) changes, olist not NULL--> AckPending: send Graft, set GRT", () => {
    const r = up().send({ type: "RPF'(S) changes", olistNull: false, directlyConnected: false });
    expect(r).toMatchObject({ state: 'AckPending', actions: ['send Graft(S,G)', 'set GRT(S,G)'] });
    expect(r.params['set GRT(S,G)']).toEqual({ after: 3 * 8 });
  });

  it('Pruned --data on RPF_Interface(S)--> send Prune and set PLT only while PLT is not running', () => {
    expect(up(toPruned).send(data({ pltRunning: true })).handled).toBe(false);
    expect(up(toPruned).send(data({ pltRunning: false }))).toMatchObject({
      state: 'Pruned',
      actions: ['send Prune(S,G)', 'set PLT(S,G)'],
    });
  });

  it('Pruned --State Refresh with Prune Indicator 1--> set PLT; with 0 and PLT not running--> send Prune, set PLT', () => {
    expect(up(toPruned).send(sr({ pruneIndicator: true })).actions).toEqual(['set PLT(S,G)']);
    expect(up(toPruned).send(sr({ pruneIndicator: false })).actions).toEqual([
      'send Prune(S,G)',
      'set PLT(S,G)',
    ]);
    expect(up(toPruned).send(sr({ pruneIndicator: false, pltRunning: true })).handled).toBe(false);
  });

  it('Pruned --olist(S,G) -> non-NULL--> AckPending: cancel PLT, send Graft, set GRT (Graft_Retry_Period)', () => {
    expect(up(toPruned).send({ type: 'olist(S,G) -> non-NULL', directlyConnected: false })).toMatchObject({
      state: 'AckPending',
      actions: ['cancel PLT(S,G)', 'send Graft(S,G)', 'set GRT(S,G)'],
    });
  });

  it('AckPending --GRT(S,G) expires--> AckPending: send Graft again, set GRT (Graft retry)', () => {
    expect(up(...toAckPending).send({ type: 'GRT(S,G) expires' })).toMatchObject({
      state: 'AckPending',
      actions: ['send Graft(S,G)', 'set GRT(S,G)'],
    });
  });

  it("AckPending --Graft-Ack from RPF'(S)--> Forwarding: cancel GRT", () => {
    expect(up(...toAckPending).send({ type: "Graft-Ack received from RPF'(S)" })).toMatchObject({
      state: 'Forwarding',
      actions: ['cancel GRT(S,G)'],
    });
  });

  it('AckPending --State Refresh with Prune Indicator 0--> Forwarding: cancel GRT', () => {
    expect(up(...toAckPending).send(sr({ pruneIndicator: false }))).toMatchObject({
      state: 'Forwarding',
      actions: ['cancel GRT(S,G)'],
    });
  });

  it('AckPending --olist(S,G) -> NULL--> Pruned: send Prune, set PLT, cancel GRT', () => {
    expect(up(...toAckPending).send(toPruned)).toMatchObject({
      state: 'Pruned',
      actions: ['send Prune(S,G)', 'set PLT(S,G)', 'cancel GRT(S,G)'],
    });
  });
});

const down = (...before: DownstreamEvent[]) => {
  const m = machine(dmDownstreamMachine);
  for (const e of before) m.send(e);
  return m;
};
const prune: DownstreamEvent = {
  type: 'Receive Prune(S,G)',
  holdtime: 1680,
  overrideAfter: T.jpOverrideInterval,
};

describe('PIM-DM Downstream Prune(S,G,I) machine (RFC 3973 §4.4.2)', () => {
  it('NoInfo --Receive Prune(S,G)--> PrunePending: set PPT to J/P_Override_Interval (3 s), or 0 with one neighbour', () => {
    const r = down().send(prune);
    expect(r).toMatchObject({ state: 'PrunePending', actions: ['set PPT(S,G,I)'] });
    expect(r.params['set PPT(S,G,I)']).toEqual({ after: 3 * 8 });
    expect(down().send({ ...prune, overrideAfter: 0 }).params['set PPT(S,G,I)']).toEqual({ after: 0 });
  });

  it('NoInfo --Receive Graft(S,G)--> NoInfo: send Graft-Ack', () => {
    expect(down().send({ type: 'Receive Graft(S,G)' })).toMatchObject({
      state: 'NoInfo',
      actions: ['send Graft-Ack(S,G)'],
    });
  });

  it('PrunePending --PPT expires--> Pruned: set PT to the hold time less the wait', () => {
    const r = down(prune).send({ type: 'PPT(S,G,I) expires' });
    expect(r).toMatchObject({ state: 'Pruned', actions: ['set PT(S,G,I)'] });
    expect(r.params['set PT(S,G,I)']).toEqual({ after: 1680 - 24 });
  });

  it('PrunePending --Receive Join(S,G)--> NoInfo: cancel PPT (the prune is overridden)', () => {
    expect(down(prune).send({ type: 'Receive Join(S,G)' })).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel PPT(S,G,I)'],
    });
  });

  it('PrunePending --Receive Graft(S,G)--> NoInfo: send Graft-Ack, cancel PPT', () => {
    expect(down(prune).send({ type: 'Receive Graft(S,G)' })).toMatchObject({
      state: 'NoInfo',
      actions: ['send Graft-Ack(S,G)', 'cancel PPT(S,G,I)'],
    });
  });

  const pruned = [prune, { type: 'PPT(S,G,I) expires' } as DownstreamEvent];
  it('Pruned --Receive Prune(S,G)--> Pruned: set PT to the new hold time', () => {
    expect(down(...pruned).send({ ...prune, holdtime: 99 }).params['set PT(S,G,I)']).toEqual({ after: 99 });
  });

  it('Pruned --Receive Join(S,G)--> NoInfo: cancel PT; --Receive Graft--> NoInfo: send Graft-Ack, cancel PT', () => {
    expect(down(...pruned).send({ type: 'Receive Join(S,G)' })).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel PT(S,G,I)'],
    });
    expect(down(...pruned).send({ type: 'Receive Graft(S,G)' })).toMatchObject({
      state: 'NoInfo',
      actions: ['send Graft-Ack(S,G)', 'cancel PT(S,G,I)'],
    });
  });

  it('Pruned --PT expires--> NoInfo (the data floods again)', () => {
    expect(down(...pruned).send({ type: 'PT(S,G,I) expires' })).toMatchObject({
      state: 'NoInfo',
      actions: [],
    });
  });

  it('Pruned --Send State Refresh(S,G) out I--> Pruned: set PT to the hold time (State Refresh keeps the prune)', () => {
    expect(down(...pruned).send({ type: 'Send State Refresh(S,G) out I' }).params['set PT(S,G,I)']).toEqual({
      after: 1680,
    });
  });
});

const winner = { router: 'R9', addr: 9, preference: 110, metric: 2 };
const asrt = (...before: AssertEvent[]) => {
  const m = machine(dmAssertMachine, { timers: T });
  for (const e of before) m.send(e);
  return m;
};
const preferred: AssertEvent = {
  type: 'Receive Preferred Assert OR State Refresh',
  winner,
  at: 180 * 8,
  couldAssert: true,
};
const inferior = (fromWinner: boolean): AssertEvent => ({
  type: 'Receive Inferior (Assert OR State Refresh)',
  couldAssert: true,
  fromWinner,
});

describe('PIM-DM Assert(S,G,I) machine (RFC 3973 §4.6)', () => {
  it('NoInfo --data arrives on downstream interface I, CouldAssert--> I am Assert Winner: send Assert, set AT (Assert_Time)', () => {
    const r = asrt().send({
      type: 'An (S,G) data packet arrives on downstream interface I',
      couldAssert: true,
    });
    expect(r).toMatchObject({ state: 'I am Assert Winner', actions: ['send Assert(S,G)', 'set AT(S,G,I)'] });
    expect(r.params['set AT(S,G,I)']).toEqual({ after: 180 * 8 });
  });

  it('NoInfo --Receive Inferior Assert, CouldAssert--> I am Assert Winner: send Assert, set AT', () => {
    expect(asrt().send(inferior(false))).toMatchObject({
      state: 'I am Assert Winner',
      actions: ['send Assert(S,G)', 'set AT(S,G,I)'],
    });
  });

  it('NoInfo --Receive Preferred Assert--> I am Assert Loser: store the winner, set AT, send Prune to the winner', () => {
    const m = asrt();
    expect(m.send(preferred)).toMatchObject({
      state: 'I am Assert Loser',
      actions: ['set AT(S,G,I)', 'send Prune(S,G) to the Assert winner'],
    });
    expect(m.context.winner).toEqual(winner);
  });

  const won = {
    type: 'An (S,G) data packet arrives on downstream interface I',
    couldAssert: true,
  } as AssertEvent;
  it('I am Assert Winner --Receive Inferior Assert--> (same): send Assert, set AT', () => {
    expect(asrt(won).send(inferior(false))).toMatchObject({
      state: 'I am Assert Winner',
      actions: ['send Assert(S,G)', 'set AT(S,G,I)'],
    });
  });

  it('I am Assert Winner --Receive Preferred Assert--> I am Assert Loser', () => {
    expect(asrt(won).send(preferred).state).toBe('I am Assert Loser');
  });

  it('I am Assert Winner --Send State Refresh--> set AT; --AT expires--> NoInfo', () => {
    expect(asrt(won).send({ type: 'Send State Refresh' }).actions).toEqual(['set AT(S,G,I)']);
    expect(asrt(won).send({ type: 'AT(S,G,I) expires' }).state).toBe('NoInfo');
  });

  it('I am Assert Loser --Receive Preferred Assert--> (same): store the new winner, set AT', () => {
    const m = asrt(preferred);
    const better = { ...winner, router: 'R8', metric: 1 };
    expect(m.send({ ...preferred, winner: better })).toMatchObject({
      state: 'I am Assert Loser',
      actions: ['set AT(S,G,I)'],
    });
    expect(m.context.winner).toEqual(better);
  });

  it('I am Assert Loser --Receive Inferior Assert from the Assert winner--> NoInfo: cancel AT; from another router: no change', () => {
    expect(asrt(preferred).send(inferior(true))).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel AT(S,G,I)'],
    });
    expect(asrt(preferred).send(inferior(false)).handled).toBe(false);
  });

  it('I am Assert Loser --AT expires--> NoInfo', () => {
    const m = asrt(preferred);
    expect(m.send({ type: 'AT(S,G,I) expires' }).state).toBe('NoInfo');
    expect(m.context.winner).toBeNull();
  });
});

describe('PIM-DM State Refresh originator (RFC 3973 §4.5.2)', () => {
  const orig = (...before: OriginatorEvent[]) => {
    const m = machine(dmOriginatorMachine, { timers: T });
    for (const e of before) m.send(e);
    return m;
  };
  const rx: OriginatorEvent = { type: 'Receive Data from S AND S directly connected' };

  it('NotOriginator --data from a directly connected S--> Originator: set SRT (RefreshInterval), set SAT (SourceLifetime)', () => {
    const r = orig().send(rx);
    expect(r).toMatchObject({ state: 'Originator', actions: ['set SRT(S,G)', 'set SAT(S,G)'] });
    expect(r.params['set SRT(S,G)']).toEqual({ after: 60 * 8 });
    expect(r.params['set SAT(S,G)']).toEqual({ after: 210 * 8 });
  });

  it('Originator --data--> set SAT; --SRT expires--> send State Refresh, set SRT; --SAT expires--> NotOriginator: cancel SRT', () => {
    expect(orig(rx).send(rx).actions).toEqual(['set SAT(S,G)']);
    expect(orig(rx).send({ type: 'SRT(S,G) expires' }).actions).toEqual([
      'send State Refresh(S,G)',
      'set SRT(S,G)',
    ]);
    expect(orig(rx).send({ type: 'SAT(S,G) expires' })).toMatchObject({
      state: 'NotOriginator',
      actions: ['cancel SRT(S,G)'],
    });
  });
});
