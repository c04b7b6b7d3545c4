import { describe, expect, it } from 'vitest';
import { handTrace } from '../sim/hand-trace';
import { type MsgId, msgId, type NodeId, nodeId } from '../sim/ids';
import type { Trace, TraceEvent } from '../sim/trace';
import { checkAll, checkCausal, checkFifo, checkSync, checkTotal } from '.';
import { history } from './history';

/**
 * The checkers judged on small traces written by hand, independent of any protocol: each line
 * is `P0 send m1`, `P0 send y sync` (a sync message), `P1 receive m1` or `P1 deliver m1`.
 */
function trace(...lines: string[]): Trace {
  const senders = new Map<MsgId, NodeId>();
  const nodes: NodeId[] = [];
  const events: TraceEvent[] = lines.map((line, step) => {
    const [node, type, msg, kind] = line.split(' ') as [string, string, string, string | undefined];
    if (!nodes.includes(nodeId(node))) nodes.push(nodeId(node));
    if (type === 'send') senders.set(msgId(msg), nodeId(node));
    const from = senders.get(msgId(msg)) ?? nodeId(node);
    return {
      step,
      time: step,
      type,
      node: nodeId(node),
      msg: msgId(msg),
      from,
      ...(type === 'send' ? { kind: kind ?? 'data' } : {}),
    };
  });
  return handTrace(nodes, events);
}

describe('history: happens-before from the trace alone', () => {
  it("numbers each sender's multicasts and counts, per node, those that happen before each send", () => {
    const h = history(trace('P0 send a', 'P0 send b', 'P1 deliver a', 'P1 send c', 'P1 deliver b'));
    const c = h.multicasts.get(msgId('c'))!;
    expect([h.multicasts.get(msgId('b'))!.no, c.no]).toEqual([2, 1]);
    // c follows a (delivered at P1 first) but not b (delivered after c was sent).
    expect([...c.before]).toEqual([1, 1]);
  });

  it('a message that arrived but was not delivered yet creates no happens-before', () => {
    const h = history(trace('P0 send a', 'P1 receive a', 'P1 send b'));
    expect([...h.multicasts.get(msgId('b'))!.before]).toEqual([0, 1]);
  });

  it('a message that went nowhere is sent where its sender delivers it', () => {
    const h = history(trace('P0 deliver a', 'P0 send b'));
    expect(h.multicasts.get(msgId('a'))).toMatchObject({ sender: 'P0', no: 1, step: 0 });
  });
});

describe('checkFifo (lecture: "Single Source FIFO")', () => {
  it("holds when each sender's messages are delivered in the order sent", () => {
    expect(checkFifo(trace('P0 send a', 'P0 send b', 'P1 deliver a', 'P1 deliver b'))).toEqual({
      guarantee: 'fifo',
      holds: true,
    });
  });

  it('points at the first delivery of a later message before an earlier one from the same sender', () => {
    const r = checkFifo(trace('P0 send a', 'P0 send b', 'P1 deliver b', 'P1 deliver a'));
    expect(r).toEqual({
      guarantee: 'fifo',
      holds: false,
      violation: { guarantee: 'fifo', node: 'P1', first: 'a', second: 'b', step: 2, rule: 'sender-order' },
    });
  });

  it('counts an earlier message never delivered as missing', () => {
    expect(checkFifo(trace('P0 send a', 'P0 send b', 'P1 deliver b')).violation?.first).toBe('a');
  });

  it('is vacuous when no sender multicast twice', () => {
    expect(checkFifo(trace('P0 send a', 'P1 send b', 'P2 deliver b', 'P2 deliver a')).vacuous).toBe(true);
  });
});

describe('checkCausal (lecture: "Causal ordering")', () => {
  it("catches the lecture's example delivered unordered: m1 depends on m0, P2 delivers m1 first", () => {
    const r = checkCausal(
      trace('P0 send m0', 'P1 deliver m0', 'P1 send m1', 'P2 deliver m1', 'P2 deliver m0'),
    );
    expect(r.violation).toEqual({
      guarantee: 'causal',
      node: 'P2',
      first: 'm0',
      second: 'm1',
      step: 3,
      rule: 'happens-before',
    });
  });

  it('follows chains: a → b → c, so c may not be delivered before a', () => {
    const r = checkCausal(
      trace(
        'P0 send a',
        'P1 deliver a',
        'P1 send b',
        'P2 deliver a',
        'P2 deliver b',
        'P2 send c',
        'P3 deliver c',
      ),
    );
    // P3 has delivered neither a nor b; the earliest missing one is reported.
    expect(r.violation).toMatchObject({ node: 'P3', first: 'a', second: 'c', step: 6 });
  });

  it('lets concurrent messages be delivered in any order', () => {
    const r = checkCausal(
      trace('P0 send a', 'P1 send b', 'P2 deliver b', 'P2 deliver a', 'P3 deliver a', 'P3 deliver b'),
    );
    expect(r).toEqual({ guarantee: 'causal', holds: true, vacuous: true });
  });

  it("sees FIFO as part of causality: a sender's own order counts", () => {
    expect(checkCausal(trace('P0 send a', 'P0 send b', 'P1 deliver b')).holds).toBe(false);
  });
});

describe('checkTotal (lecture: "Total ordering", rule 2)', () => {
  it('holds when every process delivers in one order, even if some have not delivered the last ones yet', () => {
    const r = checkTotal(
      trace(
        'P0 send a',
        'P1 send b',
        'P0 deliver a',
        'P0 deliver b',
        'P1 deliver a',
        'P1 deliver b',
        'P2 deliver a',
      ),
    );
    expect(r).toEqual({ guarantee: 'total', holds: true });
  });

  it('points at two processes that delivered a pair the other way round', () => {
    const r = checkTotal(
      trace('P0 send a', 'P1 send b', 'P2 deliver a', 'P2 deliver b', 'P3 deliver b', 'P3 deliver a'),
    );
    // The contradiction is complete once both have delivered b: P3 at step 4 (without a before it).
    expect(r.violation).toMatchObject({ first: 'a', second: 'b', step: 4, rule: 'order-differs' });
    expect(new Set([r.violation?.node, r.violation?.other])).toEqual(new Set(['P2', 'P3']));
  });

  it("counts a message delivered elsewhere before m'' but never here as out of order", () => {
    const r = checkTotal(trace('P0 send a', 'P1 send b', 'P2 deliver a', 'P2 deliver b', 'P3 deliver b'));
    expect(r.violation).toMatchObject({
      node: 'P3',
      first: 'a',
      second: 'b',
      rule: 'missing-earlier',
      other: 'P2',
    });
  });

  it('is vacuous when nobody delivered two messages', () => {
    expect(checkTotal(trace('P0 send a', 'P1 deliver a', 'P2 deliver a')).vacuous).toBe(true);
  });
});

describe('checkSync (lecture: "Sync ordering")', () => {
  const before = ['P0 send a', 'P1 deliver a', 'P1 send y sync', 'P1 send b'];

  it('catches a post-sync message delivered before a pre-sync one', () => {
    const r = checkSync(trace(...before, 'P2 deliver b', 'P2 deliver a'));
    expect(r.violation).toEqual({
      guarantee: 'sync',
      node: 'P2',
      first: 'a',
      second: 'b',
      step: 4,
      rule: 'sync-barrier',
      sync: 'y',
    });
  });

  it('holds when everything sent before the sync is delivered first, and leaves concurrent messages free', () => {
    const r = checkSync(
      trace(...before, 'P3 send c', 'P2 deliver c', 'P2 deliver a', 'P2 deliver y', 'P2 deliver b'),
    );
    expect(r).toEqual({ guarantee: 'sync', holds: true });
  });

  it('is vacuous without a sync', () => {
    expect(checkSync(trace('P0 send a', 'P0 send b', 'P1 deliver b', 'P1 deliver a')).vacuous).toBe(true);
  });
});

describe('checkAll', () => {
  it('returns FIFO, causal, total and sync, in that order', () => {
    const r = checkAll(trace('P0 send a', 'P1 deliver a'));
    expect(r.map((x) => x.guarantee)).toEqual(['fifo', 'causal', 'total', 'sync']);
  });
});
