import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CopyDraft } from './engine';
import { copyId, msgId, nodeId } from './ids';
import { linkModel } from './network';

const draft = (msg: string, to: string, sentAt: number, n = 1): CopyDraft => ({
  id: copyId(msg, to, n),
  msg: msgId(msg),
  kind: 'data',
  from: nodeId('P0'),
  src: nodeId('P0'),
  to: nodeId(to),
  sentAt,
});

/** 60 copies: m0…m19 to P1, P2, P3, sent at various integer times. */
const many: CopyDraft[] = Array.from({ length: 20 }, (_, m) =>
  ['P1', 'P2', 'P3'].map((p, i) => draft(`m${m}`, p, 3 * m + i)),
).flat();

const seedArb = fc.integer({ min: 0, max: 0xffffffff });
const rangeArb = fc
  .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }))
  .map(([a, b]) => [a, a + b] as const);
const draftArb = fc
  .record({
    m: fc.integer({ min: 0, max: 99 }),
    to: fc.constantFrom('P1', 'P2', 'P3', 'R7'),
    sentAt: fc.integer({ min: 0, max: 1000 }),
    n: fc.integer({ min: 1, max: 3 }),
  })
  .map((d) => draft(`m${d.m}`, d.to, d.sentAt, d.n));

describe('the link model (latency, loss, per-copy overrides)', () => {
  it('draws each copy’s latency within the scenario’s range, inclusive (property)', () => {
    fc.assert(
      fc.property(seedArb, rangeArb, draftArb, (seed, [min, max], c) => {
        const fate = linkModel({ seed, latency: [min, max], loss: 0 }).fate(c);
        expect('arriveAt' in fate).toBe(true);
        if (!('arriveAt' in fate)) return;
        expect(Number.isInteger(fate.arriveAt)).toBe(true);
        expect(fate.arriveAt - c.sentAt).toBeGreaterThanOrEqual(min);
        expect(fate.arriveAt - c.sentAt).toBeLessThanOrEqual(max);
        expect(fate.prio ?? 0).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('uses the whole latency range, ends included, over many copies', () => {
    const net = linkModel({ seed: 5, latency: [2, 6], loss: 0 });
    const seen = new Set(
      many.map((c) => {
        const f = net.fate(c);
        return 'arriveAt' in f ? f.arriveAt - c.sentAt : -1;
      }),
    );
    expect([...seen].sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('gives exactly the latency when the range is a single value', () => {
    const net = linkModel({ seed: 8, latency: [4, 4], loss: 0 });
    for (const c of many) expect(net.fate(c)).toEqual({ arriveAt: c.sentAt + 4 });
  });

  it('loses nothing at loss 0 (property)', () => {
    fc.assert(
      fc.property(seedArb, rangeArb, fc.array(draftArb, { maxLength: 50 }), (seed, latency, cs) => {
        const net = linkModel({ seed, latency, loss: 0 });
        for (const c of cs) expect('lost' in net.fate(c)).toBe(false);
      }),
    );
  });

  it('loses everything at loss 1, at the time the copy would have arrived (property)', () => {
    fc.assert(
      fc.property(seedArb, rangeArb, fc.array(draftArb, { maxLength: 50 }), (seed, latency, cs) => {
        const lossy = linkModel({ seed, latency, loss: 1 });
        const clean = linkModel({ seed, latency, loss: 0 });
        for (const c of cs) {
          const would = clean.fate(c);
          if (!('arriveAt' in would)) throw new Error('a loss-free network lost a copy');
          expect(lossy.fate(c)).toEqual({ lost: 'loss', at: would.arriveAt });
        }
      }),
    );
  });

  it('loses about the given fraction of copies (fixed seed)', () => {
    const net = linkModel({ seed: 12, latency: [1, 3], loss: 0.25 });
    const cs = Array.from({ length: 4000 }, (_, i) => draft(`m${i}`, `P${i % 5}`, i));
    const lost = cs.filter((c) => 'lost' in net.fate(c)).length;
    // Binomial(4,000, 0.25): standard deviation about 27; 6 deviations is a loose bound.
    expect(Math.abs(lost - 1000)).toBeLessThan(165);
  });

  it('drops exactly the named copy, at its drawn arrival time, and leaves every other copy alone', () => {
    const base = linkModel({ seed: 21, latency: [1, 9], loss: 0.2 });
    const target = many[17]!;
    const edited = linkModel({
      seed: 21,
      latency: [1, 9],
      loss: 0.2,
      overrides: [{ copy: target.id, drop: true }],
    });
    const latency = linkModel({ seed: 21, latency: [1, 9], loss: 0 }).fate(target);
    if (!('arriveAt' in latency)) throw new Error('a loss-free network lost a copy');
    expect(edited.fate(target)).toEqual({ lost: 'dropped', at: latency.arriveAt });
    for (const c of many) if (c !== target) expect(edited.fate(c)).toEqual(base.fate(c));
  });

  it('delivers exactly the named copy at the chosen time, ahead of others at that time, and leaves the rest alone', () => {
    const base = linkModel({ seed: 21, latency: [1, 9], loss: 0.2 });
    const target = many[30]!;
    const edited = linkModel({
      seed: 21,
      latency: [1, 9],
      loss: 0.2,
      overrides: [{ copy: target.id, deliverAt: target.sentAt + 50 }],
    });
    expect(edited.fate(target)).toEqual({ arriveAt: target.sentAt + 50, prio: -1 });
    for (const c of many) if (c !== target) expect(edited.fate(c)).toEqual(base.fate(c));
  });

  it('applies an override to any copy, and only to it (property)', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.integer({ min: 0, max: many.length - 1 }),
        fc.oneof(
          fc.constant({ drop: true as const }),
          fc.record({ deliverAt: fc.integer({ min: 0, max: 200 }) }),
        ),
        (seed, idx, edit) => {
          const target = many[idx]!;
          const opts = { seed, latency: [1, 9] as const, loss: 0.3 };
          const base = linkModel(opts);
          const edited = linkModel({ ...opts, overrides: [{ copy: target.id, ...edit }] });
          for (const c of many) {
            const f = edited.fate(c);
            if (c !== target) expect(f).toEqual(base.fate(c));
            else if ('drop' in edit) expect(f).toMatchObject({ lost: 'dropped' });
            else expect(f).toEqual({ arriveAt: Math.max(c.sentAt, edit.deliverAt), prio: -1 });
          }
        },
      ),
    );
  });

  it('never delivers an overridden copy before it was sent', () => {
    const c = draft('m1', 'P2', 40);
    const net = linkModel({ seed: 1, latency: [1, 5], loss: 0, overrides: [{ copy: c.id, deliverAt: 10 }] });
    expect(net.fate(c)).toEqual({ arriveAt: 40, prio: -1 });
  });

  it('tells a retransmission’s copy from the first transmission', () => {
    const first = draft('m1', 'P2', 0);
    const second = draft('m1', 'P2', 8, 2);
    expect(second.id).toBe('m1@P2#2');
    const base = linkModel({ seed: 3, latency: [1, 5], loss: 0 });
    const net = linkModel({
      seed: 3,
      latency: [1, 5],
      loss: 0,
      overrides: [{ copy: 'm1@P2#2', drop: true }],
    });
    expect(net.fate(first)).toEqual(base.fate(first));
    expect(net.fate(second)).toMatchObject({ lost: 'dropped' });
  });

  it('lets the later of two edits of the same copy win', () => {
    const c = draft('m4', 'P1', 2);
    const dropThenDeliver = linkModel({
      seed: 3,
      latency: [1, 5],
      loss: 0,
      overrides: [
        { copy: c.id, drop: true },
        { copy: c.id, deliverAt: 30 },
      ],
    });
    expect(dropThenDeliver.fate(c)).toEqual({ arriveAt: 30, prio: -1 });
    const deliverThenDrop = linkModel({
      seed: 3,
      latency: [1, 5],
      loss: 0,
      overrides: [
        { copy: c.id, deliverAt: 30 },
        { copy: c.id, drop: true },
      ],
    });
    expect(deliverThenDrop.fate(c)).toMatchObject({ lost: 'dropped' });
  });

  it('is deterministic for a seed, whatever order the copies are asked about (property)', () => {
    fc.assert(
      fc.property(seedArb, rangeArb, fc.double({ min: 0, max: 1, noNaN: true }), (seed, latency, loss) => {
        const a = linkModel({ seed, latency, loss });
        const b = linkModel({ seed, latency, loss });
        const forwards = many.map((c) => a.fate(c));
        const backwards = [...many].reverse().map((c) => b.fate(c));
        backwards.reverse();
        expect(backwards).toEqual(forwards);
        expect(many.map((c) => a.fate(c))).toEqual(forwards);
      }),
    );
  });

  it('draws other latencies for another seed', () => {
    const fates = (seed: number) => {
      const net = linkModel({ seed, latency: [1, 100], loss: 0 });
      return many.map((c) => net.fate(c));
    };
    expect(fates(1)).not.toEqual(fates(2));
    expect(fates(1)).toEqual(fates(1));
  });
});
