import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './queue';

/** One operation on the queue: schedule an item, or take the next one. */
type Op = { op: 'push'; time: number; prio: number } | { op: 'pop' };

const pushOp = (prio: fc.Arbitrary<number>) =>
  fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: 0, max: 12 }), prio });
const popOp = fc.constant({ op: 'pop' as const });

/**
 * The reference model: a plain list of what is waiting, in insertion order. To pop, sort a copy by
 * time and then priority with Array.prototype.sort, which is stable, so ties keep insertion order.
 */
function replay(ops: readonly Op[]) {
  const q = new EventQueue<number>();
  const waiting: { time: number; prio: number; id: number }[] = [];
  const got: ({ time: number; prio: number; item: number } | undefined)[] = [];
  const want: ({ time: number; prio: number; item: number } | undefined)[] = [];
  let id = 0;
  for (const o of ops) {
    if (o.op === 'push') {
      q.push(o.time, id, o.prio);
      waiting.push({ time: o.time, prio: o.prio, id });
      id++;
    } else {
      const p = q.pop();
      got.push(p && { time: p.time, prio: p.prio, item: p.item });
      const next = [...waiting].sort((a, b) => a.time - b.time || a.prio - b.prio)[0];
      if (next) waiting.splice(waiting.indexOf(next), 1);
      want.push(next && { time: next.time, prio: next.prio, item: next.id });
    }
    expect(q.size).toBe(waiting.length);
  }
  // Drain what is left: it must come out in the reference order too.
  for (const w of [...waiting].sort((a, b) => a.time - b.time || a.prio - b.prio)) {
    const p = q.pop();
    got.push(p && { time: p.time, prio: p.prio, item: p.item });
    want.push({ time: w.time, prio: w.prio, item: w.id });
  }
  expect(q.pop()).toBeUndefined();
  return { got, want };
}

describe('the event queue', () => {
  it('pops by time, then insertion order, over interleaved pushes and pops (property, against a reference sort)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pushOp(fc.constant(0)), popOp), { maxLength: 200 }), (ops) => {
        const { got, want } = replay(ops);
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('orders by time, then priority, then insertion order, when priorities are used (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(pushOp(fc.integer({ min: -1, max: 1 })), popOp), { maxLength: 200 }),
        (ops) => {
          const { got, want } = replay(ops);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps FIFO order among items scheduled for the same time', () => {
    const q = new EventQueue<string>();
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    for (const n of names) q.push(5, n);
    expect(Array.from({ length: names.length }, () => q.pop()?.item)).toEqual(names);
  });

  it('keeps FIFO order for same-time items pushed after earlier pops', () => {
    const q = new EventQueue<string>();
    q.push(3, 'a');
    q.push(1, 'x');
    q.push(3, 'b');
    expect(q.pop()?.item).toBe('x');
    q.push(3, 'c');
    q.push(2, 'y');
    q.push(3, 'd');
    expect([q.pop(), q.pop(), q.pop(), q.pop(), q.pop()].map((p) => p?.item)).toEqual([
      'y',
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('puts a lower priority first at the same time, but never before an earlier time', () => {
    const q = new EventQueue<string>();
    q.push(4, 'late');
    q.push(2, 'normal');
    q.push(2, 'urgent', -1);
    q.push(1, 'first', 5);
    expect([q.pop(), q.pop(), q.pop(), q.pop()].map((p) => p?.item)).toEqual([
      'first',
      'urgent',
      'normal',
      'late',
    ]);
  });

  it('numbers items in insertion order and reports time and priority as pushed', () => {
    const q = new EventQueue<string>();
    q.push(7, 'a');
    q.push(0, 'b', 2);
    expect(q.pop()).toEqual({ time: 0, prio: 2, seq: 1, item: 'b' });
    expect(q.pop()).toEqual({ time: 7, prio: 0, seq: 0, item: 'a' });
  });

  it('is empty when new and when drained: size 0 and pop gives undefined, repeatedly', () => {
    const q = new EventQueue<number>();
    expect(q.size).toBe(0);
    expect(q.pop()).toBeUndefined();
    expect(q.pop()).toBeUndefined();
    q.push(1, 10);
    q.push(0, 20);
    expect(q.size).toBe(2);
    expect(q.pop()?.item).toBe(20);
    expect(q.pop()?.item).toBe(10);
    expect(q.size).toBe(0);
    expect(q.pop()).toBeUndefined();
    expect(q.size).toBe(0);
    q.push(9, 30);
    expect(q.size).toBe(1);
    expect(q.pop()?.item).toBe(30);
  });
});
