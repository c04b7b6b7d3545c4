import { describe, expect, it } from 'vitest';
import {
  type RegisterEvent,
  type RptDownstreamEvent,
  type RptUpstreamEvent,
  registerMachine,
  type SmDownstreamEvent,
  type SmUpstreamEvent,
  smDownstreamMachine,
  smRptDownstreamMachine,
  smRptUpstreamMachine,
  smUpstreamMachine,
} from './sparse-machines';
import { machine, T } from './testkit';

const chain = <E extends { type: string }>(m: ReturnType<typeof machine>, events: E[]) => {
  for (const e of events) m.send(e);
  return m;
};

describe('PIM-SM downstream (*,G,I) / (S,G,I) machine (RFC 7761 §4.5.2, §4.5.3)', () => {
  const down = (...e: SmDownstreamEvent[]) => chain(machine(smDownstreamMachine), e);
  const join: SmDownstreamEvent = { type: 'Receive Join', holdtime: T.jpHoldTime };
  const prune: SmDownstreamEvent = { type: 'Receive Prune', overrideAfter: T.jpOverrideInterval };

  it("NoInfo --Receive Join--> Join: set ET to the Join's Holdtime (J/P_HoldTime 210 s)", () => {
    const r = down().send(join);
    expect(r).toMatchObject({ state: 'Join', actions: ['set ET'] });
    expect(r.params['set ET']).toEqual({ after: 210 * 8 });
  });
  it('NoInfo --Receive Prune--> no change', () => expect(down().send(prune).handled).toBe(false));
  it('Join --Receive Join--> Join: set ET', () =>
    expect(down(join).send(join)).toMatchObject({ state: 'Join', actions: ['set ET'] }));
  it('Join --Receive Prune--> Prune-Pending: set PPT to J/P_Override_Interval', () => {
    const r = down(join).send(prune);
    expect(r).toMatchObject({ state: 'Prune-Pending', actions: ['set PPT'] });
    expect(r.params['set PPT']).toEqual({ after: 3 * 8 });
  });
  it('Join --Expiry Timer expires--> NoInfo', () =>
    expect(down(join).send({ type: 'Expiry Timer expires' }).state).toBe('NoInfo'));
  it('Prune-Pending --Receive Join--> Join: cancel PPT, set ET (prune override)', () => {
    expect(down(join, prune).send(join)).toMatchObject({ state: 'Join', actions: ['cancel PPT', 'set ET'] });
  });
  it('Prune-Pending --Prune-Pending Timer expires--> NoInfo: cancel ET', () => {
    expect(down(join, prune).send({ type: 'Prune-Pending Timer expires' })).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel ET'],
    });
  });
  it('Prune-Pending --Expiry Timer expires--> NoInfo: cancel PPT', () => {
    expect(down(join, prune).send({ type: 'Expiry Timer expires' })).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel PPT'],
    });
  });
});

describe('PIM-SM upstream (*,G) / (S,G) machine (RFC 7761 §4.5.6, §4.5.7)', () => {
  const up = (...e: SmUpstreamEvent[]) => chain(machine(smUpstreamMachine, { timers: T }), e);
  const joined: SmUpstreamEvent = { type: 'JoinDesired -> TRUE' };

  it('NotJoined --JoinDesired -> TRUE--> Joined: send Join, set JT to t_periodic (60 s)', () => {
    const r = up().send(joined);
    expect(r).toMatchObject({ state: 'Joined', actions: ['send Join', 'set JT'] });
    expect(r.params['set JT']).toEqual({ after: 60 * 8 });
  });
  it('Joined --JoinDesired -> FALSE--> NotJoined: send Prune, cancel JT', () => {
    expect(up(joined).send({ type: 'JoinDesired -> FALSE' })).toMatchObject({
      state: 'NotJoined',
      actions: ['send Prune', 'cancel JT'],
    });
  });
  it('Joined --Join Timer expires--> Joined: send Join, set JT (periodic refresh)', () => {
    expect(up(joined).send({ type: 'Join Timer expires' })).toMatchObject({
      state: 'Joined',
      actions: ['send Join', 'set JT'],
    });
  });
  it("Joined --See Join to RPF'--> increase JT to t_joinsuppress, only if JT is shorter", () => {
    expect(
      up(joined).send({ type: "See Join to RPF'", remaining: 10, suppress: 500 }).params['set JT'],
    ).toEqual({ after: 500 });
    expect(up(joined).send({ type: "See Join to RPF'", remaining: 600, suppress: 500 }).handled).toBe(false);
  });
  it("Joined --See Prune to RPF'--> decrease JT to t_override, only if JT is longer", () => {
    expect(
      up(joined).send({ type: "See Prune to RPF'", remaining: 400, override: 9 }).params['set JT'],
    ).toEqual({ after: 9 });
    expect(up(joined).send({ type: "See Prune to RPF'", remaining: 5, override: 9 }).handled).toBe(false);
  });
});

describe('PIM-SM downstream (S,G,rpt,I) machine (RFC 7761 §4.5.4)', () => {
  const rpt = (...e: RptDownstreamEvent[]) => chain(machine(smRptDownstreamMachine), e);
  const prune: RptDownstreamEvent = { type: 'Receive Prune(S,G,rpt)', holdtime: 1680, overrideAfter: 24 };
  const expire: RptDownstreamEvent = { type: 'Prune-Pending Timer expires' };

  it('NoInfo --Receive Prune(S,G,rpt)--> Prune-Pending: set PPT, set ET', () => {
    expect(rpt().send(prune)).toMatchObject({ state: 'Prune-Pending', actions: ['set PPT', 'set ET'] });
  });
  it('Prune-Pending --PPT expires--> Prune: set ET', () =>
    expect(rpt(prune).send(expire)).toMatchObject({ state: 'Prune', actions: ['set ET'] }));
  it('Prune-Pending --Receive Join(S,G,rpt)--> NoInfo: cancel PPT, cancel ET', () => {
    expect(rpt(prune).send({ type: 'Receive Join(S,G,rpt)' })).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel PPT', 'cancel ET'],
    });
  });
  it('Prune --Receive Join(S,G,rpt)--> NoInfo; --Expiry Timer expires--> NoInfo; --Receive Prune--> set ET', () => {
    expect(rpt(prune, expire).send({ type: 'Receive Join(S,G,rpt)' }).state).toBe('NoInfo');
    expect(rpt(prune, expire).send({ type: 'Expiry Timer expires' }).state).toBe('NoInfo');
    expect(rpt(prune, expire).send(prune)).toMatchObject({ state: 'Prune', actions: ['set ET'] });
  });
  it('Prune --Receive Join(*,G)--> PruneTmp --Receive Prune(S,G,rpt)--> Prune (the prune is repeated in the message)', () => {
    const m = rpt(prune, expire);
    expect(m.send({ type: 'Receive Join(*,G)' }).state).toBe('PruneTmp');
    expect(m.send(prune).state).toBe('Prune');
  });
  it('PruneTmp --End of Message--> NoInfo: a (*,G) Join without the (S,G,rpt) Prune undoes it', () => {
    expect(rpt(prune, expire, { type: 'Receive Join(*,G)' }).send({ type: 'End of Message' })).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel ET'],
    });
  });
  it('Prune-Pending --Receive Join(*,G)--> Prune-Pending-Tmp; then Prune--> Prune-Pending, or End of Message--> NoInfo', () => {
    expect(rpt(prune).send({ type: 'Receive Join(*,G)' }).state).toBe('Prune-Pending-Tmp');
    expect(rpt(prune, { type: 'Receive Join(*,G)' }).send(prune).state).toBe('Prune-Pending');
    expect(rpt(prune, { type: 'Receive Join(*,G)' }).send({ type: 'End of Message' })).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel PPT', 'cancel ET'],
    });
  });
});

describe('PIM-SM upstream (S,G,rpt) machine (RFC 7761 §4.5.9)', () => {
  const up = (...e: RptUpstreamEvent[]) => chain(machine(smRptUpstreamMachine), e);
  const notPruned: RptUpstreamEvent = { type: 'inherited_olist(S,G,rpt) -> non-NULL' };

  it('RPTNotJoined --PruneDesired -> TRUE--> Pruned (the Prune rides in the next (*,G) Join)', () => {
    expect(up().send({ type: 'PruneDesired(S,G,rpt) -> TRUE' })).toMatchObject({
      state: 'Pruned',
      actions: [],
    });
  });
  it('RPTNotJoined --inherited_olist(S,G,rpt) -> non-NULL--> NotPruned', () =>
    expect(up().send(notPruned).state).toBe('NotPruned'));
  it('NotPruned --PruneDesired -> TRUE--> Pruned: send Prune(S,G,rpt), cancel OT', () => {
    expect(up(notPruned).send({ type: 'PruneDesired(S,G,rpt) -> TRUE' })).toMatchObject({
      state: 'Pruned',
      actions: ['send Prune(S,G,rpt)', 'cancel OT'],
    });
  });
  it('Pruned --PruneDesired -> FALSE--> NotPruned: send Join(S,G,rpt); --RPTJoinDesired(G) -> FALSE--> RPTNotJoined', () => {
    const pruned = { type: 'PruneDesired(S,G,rpt) -> TRUE' } as RptUpstreamEvent;
    expect(up(pruned).send({ type: 'PruneDesired(S,G,rpt) -> FALSE' })).toMatchObject({
      state: 'NotPruned',
      actions: ['send Join(S,G,rpt)'],
    });
    expect(up(pruned).send({ type: 'RPTJoinDesired(G) -> FALSE' }).state).toBe('RPTNotJoined');
  });
  it("NotPruned --See Prune(S,G,rpt) to RPF'--> set OT; --Override Timer expires--> send Join(S,G,rpt); --See Join--> cancel OT", () => {
    expect(
      up(notPruned).send({ type: "See Prune(S,G,rpt) to RPF'(S,G,rpt)", override: 4 }).params['set OT'],
    ).toEqual({ after: 4 });
    expect(up(notPruned).send({ type: 'Override Timer expires' }).actions).toEqual(['send Join(S,G,rpt)']);
    expect(up(notPruned).send({ type: "See Join(S,G,rpt) to RPF'(S,G,rpt)" }).actions).toEqual(['cancel OT']);
  });
});

describe("PIM-SM Register machine at the source's DR (RFC 7761 §4.4.1)", () => {
  const reg = (...e: RegisterEvent[]) => chain(machine(registerMachine, { timers: T }), e);
  const could: RegisterEvent = { type: 'CouldRegister -> TRUE' };
  const stop: RegisterEvent = { type: 'Register-Stop received', rst: 400 };
  const rstExpires: RegisterEvent = { type: 'Register-Stop Timer expires' };

  it('NoInfo --CouldRegister -> TRUE--> Join: add reg tunnel', () => {
    expect(reg().send(could)).toMatchObject({ state: 'Join', actions: ['add reg tunnel'] });
  });
  it('Join --Register-Stop received--> Prune: remove reg tunnel, set RST', () => {
    const r = reg(could).send(stop);
    expect(r).toMatchObject({ state: 'Prune', actions: ['remove reg tunnel', 'set RST'] });
    expect(r.params['set RST']).toEqual({ after: 400 });
  });
  it('Join --CouldRegister -> FALSE--> NoInfo: remove reg tunnel', () => {
    expect(reg(could).send({ type: 'CouldRegister -> FALSE' })).toMatchObject({
      state: 'NoInfo',
      actions: ['remove reg tunnel'],
    });
  });
  it('Prune --Register-Stop Timer expires--> Join-Pending: send Null-Register, set RST to Register_Probe_Time (5 s)', () => {
    const r = reg(could, stop).send(rstExpires);
    expect(r).toMatchObject({ state: 'Join-Pending', actions: ['send Null-Register', 'set RST'] });
    expect(r.params['set RST']).toEqual({ after: 5 * 8 });
  });
  it('Join-Pending --Register-Stop received--> Prune: set RST; --RST expires--> Join: add reg tunnel', () => {
    expect(reg(could, stop, rstExpires).send(stop)).toMatchObject({ state: 'Prune', actions: ['set RST'] });
    expect(reg(could, stop, rstExpires).send(rstExpires)).toMatchObject({
      state: 'Join',
      actions: ['add reg tunnel'],
    });
  });
  it('Prune and Join-Pending --CouldRegister -> FALSE--> NoInfo: cancel RST', () => {
    expect(reg(could, stop).send({ type: 'CouldRegister -> FALSE' })).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel RST'],
    });
    expect(reg(could, stop, rstExpires).send({ type: 'CouldRegister -> FALSE' })).toMatchObject({
      state: 'NoInfo',
      actions: ['cancel RST'],
    });
  });
});
