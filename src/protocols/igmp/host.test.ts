import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, initialTransition } from 'xstate';
import { drive } from './drive';
import { type HostGroupEvent, igmpHostMachine } from './host';

/** A small driver so each test reads as the RFC's table row: state, event → state, actions. */
function host(version: 1 | 2 = 2) {
  let snap = initialTransition(igmpHostMachine, { group: 0xe1010101, version })[0] as AnyMachineSnapshot;
  const api = {
    send(e: HostGroupEvent) {
      const r = drive(igmpHostMachine, snap, e);
      snap = r.snap;
      return {
        state: snap.value as string,
        actions: r.actions.map((a) => a.type),
        params: r.actions,
        handled: r.handled,
      };
    },
    get state() {
      return snap.value as string;
    },
    get context() {
      return snap.context as { flag: boolean; deadline: number | null };
    },
  };
  return api;
}

const join = (now = 0, delay = 5): HostGroupEvent => ({ type: 'join group', now, delay, v1Router: false });
const query = (now: number, maxResp: number, delay: number): HostGroupEvent => ({
  type: 'query received',
  now,
  maxResp,
  delay,
});
const leave: HostGroupEvent = { type: 'leave group', v1Router: false };
const expired: HostGroupEvent = { type: 'timer expired', v1Router: false };
const report: HostGroupEvent = { type: 'report received' };

describe('IGMPv2 host state diagram (RFC 2236 §6)', () => {
  it('starts as Non-Member, which ignores queries and reports', () => {
    const h = host();
    expect(h.state).toBe('Non-Member');
    expect(h.send(query(0, 80, 3)).handled).toBe(false);
    expect(h.send(report).handled).toBe(false);
    expect(h.state).toBe('Non-Member');
  });

  it('Non-Member --join group--> Delaying Member: send report, set flag, start timer', () => {
    const h = host();
    const r = h.send(join(10, 7));
    expect(r.state).toBe('Delaying Member');
    expect(r.actions).toEqual(['send report', 'set flag', 'start timer']);
    expect(r.params[0]?.params).toEqual({ v1: false });
    expect(r.params[2]?.params).toEqual({ after: 7 });
    expect(h.context).toMatchObject({ flag: true, deadline: 17 });
  });

  it('Delaying Member --leave group--> Non-Member: stop timer, send leave (flag set)', () => {
    const h = host();
    h.send(join());
    const r = h.send(leave);
    expect(r.state).toBe('Non-Member');
    expect(r.actions).toEqual(['stop timer', 'send leave']);
  });

  it('Delaying Member --leave group--> Non-Member: stop timer only, when the flag is clear', () => {
    const h = host();
    h.send(join());
    h.send(report); // another host reported: flag cleared, Idle Member
    h.send(query(20, 80, 4)); // back to Delaying Member with the flag still clear
    const r = h.send(leave);
    expect(r.state).toBe('Non-Member');
    expect(r.actions).toEqual(['stop timer']);
  });

  it('Delaying Member --query received--> Delaying Member: reset timer only if Max Resp Time < remaining', () => {
    const h = host();
    h.send(join(0, 50)); // timer fires at 50
    const longer = h.send(query(10, 60, 30)); // 60 ≥ 40 remaining: no reset
    expect(longer.actions).toEqual([]);
    expect(h.context.deadline).toBe(50);
    const shorter = h.send(query(10, 20, 6)); // 20 < 40: reset to a fresh random delay
    expect(shorter.state).toBe('Delaying Member');
    expect(shorter.actions).toEqual(['reset timer']);
    expect(h.context.deadline).toBe(16);
  });

  it('Delaying Member --report received--> Idle Member: stop timer, clear flag (report suppression)', () => {
    const h = host();
    h.send(join());
    const r = h.send(report);
    expect(r.state).toBe('Idle Member');
    expect(r.actions).toEqual(['stop timer', 'clear flag']);
    expect(h.context).toMatchObject({ flag: false, deadline: null });
  });

  it('Delaying Member --timer expired--> Idle Member: send report, set flag', () => {
    const h = host();
    h.send(join());
    h.send(report);
    h.send(query(5, 80, 9));
    const r = h.send(expired);
    expect(r.state).toBe('Idle Member');
    expect(r.actions).toEqual(['send report', 'set flag']);
    expect(h.context.flag).toBe(true);
  });

  it('Idle Member --query received--> Delaying Member: start timer', () => {
    const h = host();
    h.send(join());
    h.send(expired);
    const r = h.send(query(100, 80, 12));
    expect(r.state).toBe('Delaying Member');
    expect(r.actions).toEqual(['start timer']);
    expect(h.context.deadline).toBe(112);
  });

  it('Idle Member --leave group--> Non-Member: send leave if flag set', () => {
    const h = host();
    h.send(join());
    h.send(expired); // we sent the last report: flag set
    expect(h.send(leave)).toMatchObject({ state: 'Non-Member', actions: ['send leave'] });
    const quiet = host();
    quiet.send(join());
    quiet.send(report); // someone else reported last: flag clear
    expect(quiet.send(leave)).toMatchObject({ state: 'Non-Member', actions: [] });
  });

  it('Idle Member ignores reports', () => {
    const h = host();
    h.send(join());
    h.send(expired);
    expect(h.send(report).handled).toBe(false);
  });

  it('with an IGMPv1 router present (§4) sends Version 1 reports and no Leave', () => {
    const h = host();
    const r = h.send({ type: 'join group', now: 0, delay: 5, v1Router: true });
    expect(r.params[0]?.params).toEqual({ v1: true });
    expect(h.send({ type: 'leave group', v1Router: true }).actions).toEqual(['stop timer']);
  });
});

describe('IGMPv1 host (RFC 1112 Appendix I)', () => {
  it('joins with a report and a timer, no flag', () => {
    const h = host(1);
    const r = h.send(join(0, 40));
    expect(r).toMatchObject({ state: 'Delaying Member', actions: ['send report', 'start timer'] });
    expect(r.params[0]?.params).toEqual({ v1: true });
  });

  it('does not reset a running timer on a query', () => {
    const h = host(1);
    h.send(join(0, 40));
    expect(h.send(query(1, 2, 1)).actions).toEqual([]);
    expect(h.context.deadline).toBe(40);
  });

  it('suppresses its report on hearing another, reports when its timer expires, and leaves silently', () => {
    const h = host(1);
    h.send(join());
    expect(h.send(report)).toMatchObject({ state: 'Idle Member', actions: ['stop timer'] });
    expect(h.send(query(10, 80, 20))).toMatchObject({ state: 'Delaying Member', actions: ['start timer'] });
    expect(h.send(expired)).toMatchObject({ state: 'Idle Member', actions: ['send report'] });
    expect(h.send(leave)).toMatchObject({ state: 'Non-Member', actions: [] });
  });
});
