import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, initialTransition } from 'xstate';
import { drive } from './drive';
import { type GroupEvent, igmpGroupMachine, igmpQuerierMachine, type QuerierEvent } from './router';
import { igmpTimers, toTicks } from './timers';

const T = toTicks(igmpTimers(), 8);

function machine<E extends { type: string }>(m: AnyStateMachine, input: unknown) {
  let snap = initialTransition(m, input)[0] as AnyMachineSnapshot;
  return {
    send(e: E) {
      const r = drive(m, snap, e);
      snap = r.snap;
      return {
        state: snap.value as string,
        actions: r.actions.map((a) => a.type),
        params: Object.fromEntries(r.actions.map((a) => [a.type, a.params])),
        handled: r.handled,
      };
    },
    get state() {
      return snap.value as string;
    },
    get context() {
      return snap.context as { deadline: number | null; queriesLeft: number; startupLeft: number };
    },
  };
}

const ME = 0x0a000105; // 10.0.1.5
const querier = (version: 1 | 2 = 2) =>
  machine<QuerierEvent>(igmpQuerierMachine, { self: ME, version, timers: T });

describe('IGMPv2 querier election (RFC 2236 §7)', () => {
  it('Initial → Querier: send general query, set the initial gen. q. timer (Startup Query Interval)', () => {
    const q = querier();
    expect(q.state).toBe('Initial');
    const r = q.send({ type: 'start' });
    expect(r.state).toBe('Querier');
    expect(r.actions).toEqual(['send general query', 'set gen. q. timer']);
    expect(r.params['set gen. q. timer']).toEqual({ after: T.startupQueryInterval });
  });

  it('Querier --gen. query timer expired--> Querier: startup queries, then every Query Interval', () => {
    const q = querier();
    q.send({ type: 'start' });
    // Startup Query Count = 2 (§8.7): the second query ends startup.
    const second = q.send({ type: 'gen. query timer expired' });
    expect(second).toMatchObject({ state: 'Querier', actions: ['send general query', 'set gen. q. timer'] });
    expect(second.params['set gen. q. timer']).toEqual({ after: T.queryInterval });
    expect(q.send({ type: 'gen. query timer expired' }).params['set gen. q. timer']).toEqual({
      after: T.queryInterval,
    });
  });

  it('Querier --query from a lower IP address--> Non-Querier: set other querier present timer', () => {
    const q = querier();
    q.send({ type: 'start' });
    const r = q.send({ type: 'query received', from: ME - 1 });
    expect(r.state).toBe('Non-Querier');
    expect(r.actions).toEqual(['set other querier present timer']);
    expect(r.params['set other querier present timer']).toEqual({ after: T.otherQuerierPresentInterval });
  });

  it('a query from a higher address changes nothing', () => {
    const q = querier();
    q.send({ type: 'start' });
    expect(q.send({ type: 'query received', from: ME + 1 })).toMatchObject({ state: 'Querier', actions: [] });
  });

  it('Non-Querier --query from a lower address--> Non-Querier: restart the other querier present timer', () => {
    const q = querier();
    q.send({ type: 'start' });
    q.send({ type: 'query received', from: ME - 1 });
    const r = q.send({ type: 'query received', from: ME - 1 });
    expect(r).toMatchObject({ state: 'Non-Querier', actions: ['set other querier present timer'] });
    expect(q.send({ type: 'gen. query timer expired' }).handled).toBe(false);
  });

  it('Non-Querier --other querier present timer expired--> Querier: send general query, set gen. q. timer', () => {
    const q = querier();
    q.send({ type: 'start' });
    q.send({ type: 'query received', from: ME - 1 });
    const r = q.send({ type: 'other querier present timer expired' });
    expect(r).toMatchObject({ state: 'Querier', actions: ['send general query', 'set gen. q. timer'] });
    expect(r.params['set gen. q. timer']).toEqual({ after: T.queryInterval });
  });

  it('an IGMPv1 router (RFC 1112) holds no election', () => {
    const q = querier(1);
    q.send({ type: 'start' });
    expect(q.send({ type: 'query received', from: ME - 1 })).toMatchObject({ state: 'Querier', actions: [] });
  });
});

const group = (version: 1 | 2 = 2) =>
  machine<GroupEvent>(igmpGroupMachine, { group: 0xe1010101, version, timers: T });
const v2 = (now: number): GroupEvent => ({ type: 'v2 report received', now });
const v1 = (now: number): GroupEvent => ({ type: 'v1 report received', now });
const leave = (now: number, querier = true): GroupEvent => ({ type: 'leave received', now, querier });

describe('IGMPv2 router group membership (RFC 2236 §7)', () => {
  it('No Members Present --v2 report--> Members Present: notify routing +, start timer (Group Membership Interval)', () => {
    const g = group();
    expect(g.state).toBe('No Members Present');
    const r = g.send(v2(100));
    expect(r).toMatchObject({ state: 'Members Present', actions: ['notify routing +', 'start timer'] });
    expect(r.params['start timer']).toEqual({ after: T.groupMembershipInterval });
    expect(g.context.deadline).toBe(100 + T.groupMembershipInterval);
  });

  it('No Members Present --v1 report--> Version 1 Members Present: notify routing +, start timer, start v1 host timer', () => {
    const r = group().send(v1(0));
    expect(r).toMatchObject({
      state: 'Version 1 Members Present',
      actions: ['notify routing +', 'start timer', 'start v1 host timer'],
    });
  });

  it('Members Present --v2 report--> Members Present: start timer', () => {
    const g = group();
    g.send(v2(0));
    expect(g.send(v2(50))).toMatchObject({ state: 'Members Present', actions: ['start timer'] });
    expect(g.context.deadline).toBe(50 + T.groupMembershipInterval);
  });

  it('Members Present --v1 report--> Version 1 Members Present: start timer, start v1 host timer', () => {
    const g = group();
    g.send(v2(0));
    expect(g.send(v1(1))).toMatchObject({
      state: 'Version 1 Members Present',
      actions: ['start timer', 'start v1 host timer'],
    });
  });

  it('Members Present --leave (Querier)--> Checking Membership: start timer*, start retransmit timer, send g-s query', () => {
    const g = group();
    g.send(v2(0));
    const r = g.send(leave(200));
    expect(r.state).toBe('Checking Membership');
    expect(r.actions).toEqual(['start timer*', 'start retransmit timer', 'send g-s query']);
    // timer* = Last Member Query Interval × Last Member Query Count, below the running timer.
    expect(r.params['start timer*']).toEqual({ after: T.lastMemberQueryInterval * T.lastMemberQueryCount });
    expect(r.params['start retransmit timer']).toEqual({ after: T.lastMemberQueryInterval });
  });

  it('a Non-Querier ignores leaves (§3) but lowers its timer on a Group-Specific Query (start timer*)', () => {
    const g = group();
    g.send(v2(0));
    expect(g.send(leave(10, false)).handled).toBe(false);
    expect(g.state).toBe('Members Present');
    const r = g.send({ type: 'group-specific query received', now: 10, maxResp: 8, querier: false });
    expect(r).toMatchObject({ state: 'Checking Membership', actions: ['start timer*'] });
    expect(r.params['start timer*']).toEqual({ after: 8 * T.lastMemberQueryCount });
  });

  it('Members Present --timer expired--> No Members Present: notify routing -', () => {
    const g = group();
    g.send(v2(0));
    expect(g.send({ type: 'timer expired' })).toMatchObject({
      state: 'No Members Present',
      actions: ['notify routing -'],
    });
  });

  it('Version 1 Members Present: reports restart timers, leaves are ignored (§5), and the v1 host timer ends it', () => {
    const g = group();
    g.send(v1(0));
    expect(g.send(v1(5)).actions).toEqual(['start timer', 'start v1 host timer']);
    expect(g.send(v2(6)).actions).toEqual(['start timer']);
    expect(g.send(leave(7)).handled).toBe(false);
    expect(g.send({ type: 'v1 host timer expired' })).toMatchObject({
      state: 'Members Present',
      actions: [],
    });
    g.send(v1(8));
    expect(g.send({ type: 'timer expired' })).toMatchObject({
      state: 'No Members Present',
      actions: ['notify routing -'],
    });
  });

  it('Checking Membership --v2 report--> Members Present: start timer', () => {
    const g = group();
    g.send(v2(0));
    g.send(leave(10));
    expect(g.send(v2(12))).toMatchObject({ state: 'Members Present', actions: ['start timer'] });
    // The retransmit timer has no transition outside Checking Membership.
    expect(g.send({ type: 'retransmit timer expired' }).handled).toBe(false);
  });

  it('Checking Membership --v1 report--> Version 1 Members Present: start timer, start v1 host timer', () => {
    const g = group();
    g.send(v2(0));
    g.send(leave(10));
    expect(g.send(v1(12))).toMatchObject({
      state: 'Version 1 Members Present',
      actions: ['start timer', 'start v1 host timer'],
    });
  });

  it('Checking Membership --retransmit timer expired--> send g-s query: Last Member Query Count queries in all', () => {
    const g = group();
    g.send(v2(0));
    g.send(leave(10)); // query 1 of 2
    const r = g.send({ type: 'retransmit timer expired' }); // query 2 of 2
    expect(r).toMatchObject({ state: 'Checking Membership', actions: ['send g-s query'] });
    expect(g.send({ type: 'retransmit timer expired' }).actions).toEqual([]);
  });

  it('Checking Membership --timer expired--> No Members Present: notify routing -, clear rxmt tmr', () => {
    const g = group();
    g.send(v2(0));
    g.send(leave(10));
    expect(g.send({ type: 'timer expired' })).toMatchObject({
      state: 'No Members Present',
      actions: ['notify routing -', 'clear retransmit timer'],
    });
  });

  it('with Robustness 3 the querier sends 3 Group-Specific Queries', () => {
    const t3 = toTicks(igmpTimers({ ...igmpTimers(), robustness: 3 }), 8);
    const g = machine<GroupEvent>(igmpGroupMachine, { group: 1, version: 2, timers: t3 });
    g.send(v2(0));
    const sent = [
      g.send(leave(5)),
      g.send({ type: 'retransmit timer expired' }),
      g.send({ type: 'retransmit timer expired' }),
    ]
      .flatMap((r) => r.actions)
      .filter((a) => a === 'send g-s query');
    expect(sent).toHaveLength(3);
  });

  it('an IGMPv1 router treats every report as Members Present and knows no leave', () => {
    const g = group(1);
    expect(g.send(v1(0))).toMatchObject({
      state: 'Members Present',
      actions: ['notify routing +', 'start timer'],
    });
    expect(g.send(v1(1))).toMatchObject({ state: 'Members Present', actions: ['start timer'] });
    expect(g.send(leave(2)).handled).toBe(false);
  });
});
