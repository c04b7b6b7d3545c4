import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Effects, type NetworkModel, type NodeHost, type NodeInput, run } from './engine';
import { msgId, type NodeId, nodeId } from './ids';
import { linkModel } from './network';
import type { Trace } from './trace';

const P0 = nodeId('P0');
const P1 = nodeId('P1');
const P2 = nodeId('P2');

/** A host whose behaviour is a function written in the test; its view is a counter of inputs it acted on. */
function host<A>(id: NodeId, handle: (input: NodeInput<A>, fx: Effects) => void): NodeHost<A> {
  let acted = 0;
  return {
    id,
    handle(input, fx) {
      acted++;
      handle(input, fx);
    },
    view: () => ({ acted }),
  };
}

/** Every copy arrives after a fixed delay. */
const fixed = (d: number): NetworkModel => ({ fate: (c) => ({ arriveAt: c.sentAt + d }) });

/** Every event's step is its index, and times never go back. */
function expectWellFormed(t: Trace) {
  t.events.forEach((e, i) => {
    expect(e.step).toBe(i);
  });
  for (let i = 1; i < t.events.length; i++)
    expect(t.events[i]!.time).toBeGreaterThanOrEqual(t.events[i - 1]!.time);
}

/**
 * A small gossip scenario written for these tests: on `start`, a node multicasts a message to
 * everyone else; a receiver records `receive`, forwards what it has heard fewer than two hops, and
 * arms a `quiet` timer that each later receipt pushes back (cancel + set); when the timer fires it
 * records `timer`.
 */
type Gossip = { op: 'start'; msg: string };
function gossipHosts(ids: readonly NodeId[]): NodeHost<Gossip>[] {
  return ids.map((self) => {
    const heard: string[] = [];
    return {
      id: self,
      handle(input, fx) {
        const others = ids.filter((n) => n !== self);
        if (input.type === 'action') {
          fx.send({
            to: others,
            msg: msgId(input.action.msg),
            kind: 'data',
            payload: { hops: 0 },
            label: '#0',
          });
        } else if (input.type === 'net') {
          const hops = (input.payload as { hops: number }).hops;
          heard.push(input.copy.msg);
          fx.record({ type: 'receive', msg: input.copy.msg, from: input.copy.from, copy: input.copy.id });
          if (hops < 2) {
            fx.send({
              to: others,
              msg: msgId(`${input.copy.msg}>${self}`),
              kind: 'fwd',
              from: input.copy.from,
              payload: { hops: hops + 1 },
              detail: { hops: hops + 1 },
            });
          }
          fx.cancelTimer('quiet');
          fx.setTimer('quiet', 4, { heard: heard.length });
        } else {
          fx.record({ type: 'timer', detail: { id: input.id, data: input.data } });
        }
      },
      view: () => ({ heard: [...heard] }),
    };
  });
}

const gossipRun = (seed: number, overrides: { copy: string; drop?: true; deliverAt?: number }[] = []) =>
  run<Gossip>({
    hosts: gossipHosts([P0, P1, P2]),
    network: linkModel({ seed, latency: [1, 6], loss: 0.15, overrides }),
    actions: [
      { time: 0, node: P0, action: { op: 'start', msg: 'm1' } },
      { time: 2, node: P2, action: { op: 'start', msg: 'm2' } },
      { time: 2, node: P1, action: { op: 'start', msg: 'm3' } },
    ],
  });

describe('the engine', () => {
  it('processes scenario actions in (virtual time, scheduling order) order (property)', () => {
    const actionArb = fc.record({ time: fc.integer({ min: 0, max: 15 }), node: fc.constantFrom(P0, P1, P2) });
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 40 }), (acts) => {
        const hosts = [P0, P1, P2].map((id) =>
          host<number>(id, (input, fx) => {
            if (input.type === 'action') fx.record({ type: 'act', detail: { i: input.action } });
          }),
        );
        const t = run({ hosts, network: fixed(1), actions: acts.map((a, i) => ({ ...a, action: i })) });
        // Reference: a stable sort of the action list by time.
        const want = acts.map((a, i) => ({ ...a, i })).sort((a, b) => a.time - b.time);
        expect(t.events.map((e) => [e.time, e.node, e.detail?.i])).toEqual(
          want.map((a) => [a.time, a.node, a.i]),
        );
        expectWellFormed(t);
        expect(t.truncated).toBe(false);
      }),
    );
  });

  it('delivers copies at the time the network gives, earliest first', () => {
    const arrive: Record<string, number> = { 'm1@P1': 9, 'm1@P2': 3, 'm2@P1': 5 };
    const net: NetworkModel = { fate: (c) => ({ arriveAt: arrive[c.id]! }) };
    const hosts = [
      host<string>(P0, (input, fx) => {
        if (input.type === 'action')
          fx.send({
            to: input.action === 'm1' ? [P1, P2] : [P1],
            msg: msgId(input.action),
            kind: 'data',
            payload: null,
          });
      }),
      ...[P1, P2].map((id) =>
        host<string>(id, (input, fx) => {
          if (input.type === 'net') fx.record({ type: 'receive', msg: input.copy.msg, copy: input.copy.id });
        }),
      ),
    ];
    const t = run({
      hosts,
      network: net,
      actions: [
        { time: 1, node: P0, action: 'm1' },
        { time: 2, node: P0, action: 'm2' },
      ],
    });
    expect(t.events.map((e) => [e.step, e.time, e.type, e.node, e.copy ?? e.msg])).toEqual([
      [0, 1, 'send', P0, 'm1'],
      [1, 2, 'send', P0, 'm2'],
      [2, 3, 'receive', P2, 'm1@P2'],
      [3, 5, 'receive', P1, 'm2@P1'],
      [4, 9, 'receive', P1, 'm1@P1'],
    ]);
    expect(t.copies.map((c) => [c.id, c.sentStep, c.arriveAt, c.arriveStep, c.lost])).toEqual([
      ['m1@P1', 0, 9, 4, null],
      ['m1@P2', 0, 3, 2, null],
      ['m2@P1', 1, 5, 3, null],
    ]);
    expect(t.endTime).toBe(9);
  });

  it('records a send with its message, original sender, kind, destinations, label and details', () => {
    const hosts = [
      host<null>(P1, (input, fx) => {
        if (input.type === 'action')
          fx.send({
            to: [P0, P2],
            msg: msgId('m7'),
            kind: 'order',
            from: P2,
            payload: { x: 1 },
            label: '#3',
            detail: { seq: 3 },
          });
      }),
    ];
    const t = run({ hosts, network: fixed(2), actions: [{ time: 4, node: P1, action: null }] });
    expect(t.events[0]).toEqual({
      step: 0,
      time: 4,
      node: P1,
      type: 'send',
      msg: 'm7',
      from: P2,
      kind: 'order',
      detail: { to: [P0, P2], label: '#3', seq: 3 },
    });
    expect(t.copies[0]).toEqual({
      id: 'm7@P0',
      msg: 'm7',
      kind: 'order',
      from: P2,
      src: P1,
      to: P0,
      sentAt: 4,
      sentStep: 0,
      arriveAt: 6,
      arriveStep: 1,
      lost: null,
      label: '#3',
    });
  });

  it('gives a retransmission of a message to the same node its own copy id', () => {
    const hosts = [
      host<null>(P0, (input, fx) => {
        if (input.type === 'action')
          for (let i = 0; i < 3; i++) fx.send({ to: [P1], msg: msgId('m1'), kind: 'data', payload: i });
      }),
      host<null>(P1, (input, fx) => {
        if (input.type === 'net')
          fx.record({ type: 'receive', copy: input.copy.id, detail: { payload: input.payload } });
      }),
    ];
    const t = run({ hosts, network: fixed(1), actions: [{ time: 0, node: P0, action: null }] });
    expect(t.copies.map((c) => c.id)).toEqual(['m1@P1', 'm1@P1#2', 'm1@P1#3']);
    // Same arrival time: they arrive in the order they were sent, each with its own payload.
    expect(t.events.filter((e) => e.type === 'receive').map((e) => [e.copy, e.detail?.payload])).toEqual([
      ['m1@P1', 0],
      ['m1@P1#2', 1],
      ['m1@P1#3', 2],
    ]);
  });

  it('lets a prioritised copy (a "deliver now" edit) go first among arrivals at the same time', () => {
    const net: NetworkModel = {
      fate: (c) => (c.id === 'm2@P1' ? { arriveAt: 5, prio: -1 } : { arriveAt: 5 }),
    };
    const hosts = [
      host<string>(P0, (input, fx) => {
        if (input.type === 'action')
          fx.send({ to: [P1], msg: msgId(input.action), kind: 'data', payload: null });
      }),
      host<string>(P1, (input, fx) => {
        if (input.type === 'net') fx.record({ type: 'receive', msg: input.copy.msg });
      }),
    ];
    const t = run({
      hosts,
      network: net,
      actions: [
        { time: 0, node: P0, action: 'm1' },
        { time: 1, node: P0, action: 'm2' },
        { time: 2, node: P0, action: 'm3' },
      ],
    });
    expect(t.events.filter((e) => e.type === 'receive').map((e) => e.msg)).toEqual(['m2', 'm1', 'm3']);
  });

  it('never delivers a copy before it was sent, even if the network says so', () => {
    const net: NetworkModel = { fate: () => ({ arriveAt: 1 }) };
    const hosts = [
      host<null>(P0, (input, fx) => {
        if (input.type === 'action') fx.send({ to: [P1], msg: msgId('m1'), kind: 'data', payload: null });
      }),
      host<null>(P1, (input, fx) => {
        if (input.type === 'net') fx.record({ type: 'receive' });
      }),
    ];
    const t = run({ hosts, network: net, actions: [{ time: 6, node: P0, action: null }] });
    expect(t.copies[0]!.arriveAt).toBe(6);
    expect(t.events.map((e) => [e.type, e.time])).toEqual([
      ['send', 6],
      ['receive', 6],
    ]);
  });

  it('records a lost copy as a `lost` event at the loss time, without giving it to the receiver', () => {
    const net: NetworkModel = { fate: (c) => ({ lost: 'partition', at: c.sentAt + 3 }) };
    let received = 0;
    const hosts = [
      host<null>(P0, (input, fx) => {
        if (input.type === 'action')
          fx.send({ to: [P1], msg: msgId('m1'), kind: 'data', from: P2, payload: null });
      }),
      host<null>(P1, () => {
        received++;
      }),
    ];
    const t = run({ hosts, network: net, actions: [{ time: 2, node: P0, action: null }] });
    expect(received).toBe(0);
    expect(t.events[1]).toEqual({
      step: 1,
      time: 5,
      node: P1,
      type: 'lost',
      msg: 'm1',
      from: P2,
      copy: 'm1@P1',
      kind: 'data',
      detail: { reason: 'partition' },
    });
    expect(t.copies[0]).toMatchObject({ arriveAt: 5, arriveStep: 1, lost: 'partition' });
  });

  it('records `ignored` when the receiver does nothing with a copy, or there is no such node', () => {
    const hosts = [
      host<null>(P0, (input, fx) => {
        if (input.type === 'action')
          fx.send({ to: [P1, nodeId('X9')], msg: msgId('m1'), kind: 'data', payload: null });
      }),
      host<null>(P1, () => {}),
    ];
    const t = run({ hosts, network: fixed(2), actions: [{ time: 0, node: P0, action: null }] });
    expect(t.events.slice(1).map((e) => [e.step, e.time, e.type, e.node, e.copy])).toEqual([
      [1, 2, 'ignored', P1, 'm1@P1'],
      [2, 2, 'ignored', 'X9', 'm1@X9'],
    ]);
    expect(t.copies.map((c) => c.arriveStep)).toEqual([1, 2]);
    expect(t.states).toEqual([{ step: 0, node: P0, state: { acted: 1 } }]);
  });

  describe('timers', () => {
    const timerHost = (id: NodeId, onAction: (action: string, fx: Effects) => void) =>
      host<string>(id, (input, fx) => {
        if (input.type === 'action') onAction(input.action, fx);
        else if (input.type === 'timer')
          fx.record({ type: 'timer', detail: { id: input.id, data: input.data } });
      });
    const fired = (t: Trace) =>
      t.events.filter((e) => e.type === 'timer').map((e) => [e.time, e.node, e.detail?.id, e.detail?.data]);

    it('fire `after` ticks later, with their data, on the node that set them', () => {
      const hosts = [
        timerHost(P0, (_, fx) => {
          fx.setTimer('a', 5, { n: 1 });
          fx.setTimer('b', 2);
        }),
        timerHost(P1, (_, fx) => fx.setTimer('a', 1, 'p1')),
      ];
      const t = run({
        hosts,
        network: fixed(1),
        actions: [
          { time: 3, node: P0, action: 'go' },
          { time: 3, node: P1, action: 'go' },
        ],
      });
      expect(fired(t)).toEqual([
        [4, P1, 'a', 'p1'],
        [5, P0, 'b', undefined],
        [8, P0, 'a', { n: 1 }],
      ]);
      expectWellFormed(t);
    });

    it('a cancelled timer neither stretches the run nor counts as cut off by maxTime', () => {
      // An RTO armed at 0 for 100 ticks is cancelled at 5 (its ACK came): the run ends at 5.
      const hosts = [
        timerHost(P0, (action, fx) => {
          if (action === 'arm') fx.setTimer('rto', 100);
          else {
            fx.cancelTimer('rto');
            fx.record({ type: 'ack' });
          }
        }),
      ];
      const actions = [
        { time: 0, node: P0, action: 'arm' },
        { time: 5, node: P0, action: 'ack' },
      ];
      const t = run({ hosts, network: fixed(1), actions });
      expect([t.endTime, t.truncated]).toEqual([5, false]);
      const cut = run({ hosts, network: fixed(1), actions, maxTime: 50 });
      expect([cut.endTime, cut.truncated]).toEqual([5, false]);
    });

    it('do not fire once cancelled, and a timer set again replaces the pending one', () => {
      const hosts = [
        timerHost(P0, (action, fx) => {
          if (action === 'arm') {
            fx.setTimer('x', 10, 'first');
            fx.setTimer('y', 3, 'y');
          }
          if (action === 'rearm') fx.setTimer('x', 2, 'second');
          if (action === 'cancel') fx.cancelTimer('y');
        }),
      ];
      const t = run({
        hosts,
        network: fixed(1),
        actions: [
          { time: 0, node: P0, action: 'arm' },
          { time: 1, node: P0, action: 'cancel' },
          { time: 4, node: P0, action: 'rearm' },
        ],
      });
      expect(fired(t)).toEqual([[6, P0, 'x', 'second']]);
    });

    it('cancelling a timer on one node leaves the same-named timer of another node alone', () => {
      const hosts = [
        timerHost(P0, (action, fx) => (action === 'set' ? fx.setTimer('t', 5, 'P0') : fx.cancelTimer('t'))),
        timerHost(P1, (action, fx) => (action === 'set' ? fx.setTimer('t', 5, 'P1') : fx.cancelTimer('t'))),
      ];
      const t = run({
        hosts,
        network: fixed(1),
        actions: [
          { time: 0, node: P0, action: 'set' },
          { time: 0, node: P1, action: 'set' },
          { time: 1, node: P0, action: 'cancel' },
        ],
      });
      expect(fired(t)).toEqual([[5, P1, 't', 'P1']]);
    });

    it('can be set again from their own firing', () => {
      let n = 0;
      const hosts = [
        host<null>(P0, (input, fx) => {
          if (input.type === 'action') fx.setTimer('tick', 2);
          if (input.type === 'timer') {
            n++;
            fx.record({ type: 'timer', detail: { n } });
            if (n < 3) fx.setTimer('tick', 2);
          }
        }),
      ];
      const t = run({ hosts, network: fixed(1), actions: [{ time: 1, node: P0, action: null }] });
      expect(t.events.map((e) => [e.time, e.detail?.n])).toEqual([
        [3, 1],
        [5, 2],
        [7, 3],
      ]);
    });

    it('treat a negative delay as zero, and run after what was already scheduled for that time', () => {
      const hosts = [
        timerHost(P0, (action, fx) => {
          if (action === 'first') fx.setTimer('now', -4, 'n');
          else fx.record({ type: action });
        }),
      ];
      const t = run({
        hosts,
        network: fixed(1),
        actions: [
          { time: 2, node: P0, action: 'first' },
          { time: 2, node: P0, action: 'second' },
        ],
      });
      expect(t.events.map((e) => [e.time, e.type])).toEqual([
        [2, 'second'],
        [2, 'timer'],
      ]);
    });
  });

  it('records a node’s state after each input that produced events, and every node’s state before step 0', () => {
    const hosts = [
      host<string>(P0, (input, fx) => {
        if (input.type === 'action' && input.action !== 'quiet') {
          fx.record({ type: 'a' });
          fx.record({ type: 'b' });
        }
      }),
      host<string>(P1, () => {}),
    ];
    const t = run({
      hosts,
      network: fixed(1),
      actions: [
        { time: 0, node: P0, action: 'loud' },
        { time: 1, node: P0, action: 'quiet' },
        { time: 2, node: P0, action: 'loud' },
        { time: 2, node: P1, action: 'x' },
      ],
    });
    expect(t.initial).toEqual({ P0: { acted: 0 }, P1: { acted: 0 } });
    expect(t.nodes).toEqual([P0, P1]);
    expect(t.states).toEqual([
      { step: 1, node: P0, state: { acted: 1 } },
      { step: 3, node: P0, state: { acted: 3 } },
    ]);
  });

  it('records an event at another node when the host names it', () => {
    const hosts = [
      host<null>(P0, (input, fx) => {
        if (input.type === 'action') fx.record({ type: 'crash', node: P2 });
      }),
    ];
    const t = run({ hosts, network: fixed(1), actions: [{ time: 3, node: P0, action: null }] });
    expect(t.events).toEqual([{ step: 0, time: 3, node: P2, type: 'crash' }]);
  });

  it('stops at maxTime, and says the run was cut short', () => {
    const hosts = [
      host<null>(P0, (input, fx) => {
        if (input.type === 'action') fx.record({ type: 'act' });
      }),
    ];
    const actions = [0, 5, 10, 11, 20].map((time) => ({ time, node: P0, action: null }));
    const cut = run({ hosts, network: fixed(1), actions, maxTime: 10 });
    expect(cut.events.map((e) => e.time)).toEqual([0, 5, 10]);
    expect(cut.truncated).toBe(true);
    expect(cut.endTime).toBe(10);
    const whole = run({ hosts, network: fixed(1), actions, maxTime: 20 });
    expect(whole.events.map((e) => e.time)).toEqual([0, 5, 10, 11, 20]);
    expect(whole.truncated).toBe(false);
  });

  it('stops once maxEvents events are recorded, and says the run was cut short', () => {
    const hosts = [
      host<null>(P0, (_input, fx) => {
        fx.record({ type: 'tick' });
        fx.setTimer('t', 1);
      }),
    ];
    const t = run({
      hosts,
      network: fixed(1),
      actions: [{ time: 0, node: P0, action: null }],
      maxEvents: 25,
    });
    expect(t.events).toHaveLength(25);
    expect(t.truncated).toBe(true);
    expectWellFormed(t);
  });

  describe('a small gossip scenario with a seeded lossy network', () => {
    it('exercises what it should: sends, receives, losses, forwards and timers', () => {
      const t = gossipRun(7);
      const types = new Set(t.events.map((e) => e.type));
      expect([...types].sort()).toEqual(['lost', 'receive', 'send', 'timer']);
      expect(t.copies.length).toBeGreaterThan(20);
    });

    it('gives the same trace, byte for byte, on every run (property over seeds)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
          expect(JSON.stringify(gossipRun(seed))).toBe(JSON.stringify(gossipRun(seed)));
        }),
        { numRuns: 50 },
      );
    });

    it('gives a different trace for another seed', () => {
      expect(JSON.stringify(gossipRun(1))).not.toBe(JSON.stringify(gossipRun(2)));
    });

    it('numbers steps 0, 1, 2, … with non-decreasing times, and every copy points at the right steps (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
          const t = gossipRun(seed);
          expectWellFormed(t);
          expect(t.truncated).toBe(false);
          expect(t.endTime).toBe(t.events[t.events.length - 1]!.time);
          for (const c of t.copies) {
            const sent = t.events[c.sentStep]!;
            expect([sent.type, sent.node, sent.msg, sent.time]).toEqual(['send', c.src, c.msg, c.sentAt]);
            expect(c.arriveStep).not.toBeNull();
            const arrived = t.events[c.arriveStep!]!;
            expect([arrived.node, arrived.copy, arrived.time]).toEqual([c.to, c.id, c.arriveAt]);
            expect(arrived.type).toBe(c.lost === null ? 'receive' : 'lost');
            expect(c.arriveAt - c.sentAt).toBeGreaterThanOrEqual(1);
            expect(c.arriveAt - c.sentAt).toBeLessThanOrEqual(6);
          }
          for (const s of t.states) expect(t.events[s.step]!.node).toBe(s.node);
        }),
        { numRuns: 50 },
      );
    });

    it('changes only the edited copy’s fate when the user drops one', () => {
      const before = gossipRun(7);
      const target = before.copies.find((c) => c.lost === null && c.msg === 'm1')!;
      const after = gossipRun(7, [{ copy: target.id, drop: true }]);
      expect(after.copies.find((c) => c.id === target.id)).toMatchObject({
        lost: 'dropped',
        arriveAt: target.arriveAt,
      });
      // The other first-hop copies keep their latency.
      const firstHop = (t: Trace) => t.copies.filter((c) => c.kind === 'data' && c.id !== target.id);
      expect(firstHop(after).map((c) => [c.id, c.arriveAt])).toEqual(
        firstHop(before).map((c) => [c.id, c.arriveAt]),
      );
    });
  });
});
