import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random } from './random';

const TWO_32 = 2 ** 32;

/**
 * An independent rewrite of the documented algorithm, in BigInt arithmetic (no Math.imul, no
 * `>>>` tricks): FNV-1a over the key's UTF-16 code units, starting from the offset basis xor the
 * seed, then the mulberry32 output function.
 */
const M32 = 0xffffffffn;
function refHash(seed: number, key: string): bigint {
  let h = (0x811c9dc5n ^ BigInt(seed)) & M32;
  for (let i = 0; i < key.length; i++) {
    h ^= BigInt(key.charCodeAt(i));
    h = (h * 0x01000193n) & M32;
  }
  return h;
}
function refMix(a: bigint): bigint {
  let t = (a + 0x6d2b79f5n) & M32;
  t = ((t ^ (t >> 15n)) * (t | 1n)) & M32;
  t = (t ^ ((t + (((t ^ (t >> 7n)) * (t | 61n)) & M32)) & M32)) & M32;
  return (t ^ (t >> 14n)) & M32;
}
const refFloat = (seed: number, key: string) => Number(refMix(refHash(seed, key))) / TWO_32;

const seedArb = fc.integer({ min: 0, max: 0xffffffff });

describe('the seeded, keyed random generator', () => {
  it('gives the values the algorithm defines, worked out by hand (FNV-1a, then the mulberry32 finaliser)', () => {
    // FNV-1a("a") with the standard offset basis is the published 0xe40c292c; seed 0 leaves the
    // basis unchanged. The outputs below were computed outside this code base.
    expect(refHash(0, 'a')).toBe(0xe40c292cn);
    expect(new Random(0).float('')).toBe(2625274932 / TWO_32);
    expect(new Random(0).float('a')).toBe(2670119670 / TWO_32);
    expect(new Random(1).float('a')).toBe(1517335213 / TWO_32);
    expect(new Random(42).float('lat:m1@P1')).toBe(3594663319 / TWO_32);
    expect(new Random(42).float('lat:m1@P2')).toBe(322614109 / TWO_32);
    expect(new Random(7).float('loss:m1@P1')).toBe(806506738 / TWO_32);
    expect(new Random(4294967295).float('x')).toBe(516856303 / TWO_32);
    // int(lo, hi) = lo + floor(float * (hi - lo + 1)): 0.8369… * 10 → 8, 0.0751… * 10 → 0.
    expect(new Random(42).int('lat:m1@P1', 1, 10)).toBe(9);
    expect(new Random(42).int('lat:m1@P2', 1, 10)).toBe(1);
    // chance(p) is float < p.
    expect(new Random(7).chance('loss:m1@P1', 0.18)).toBe(false);
    expect(new Random(7).chance('loss:m1@P1', 0.19)).toBe(true);
  });

  it('matches an independent rewrite of the algorithm for any seed and key (property)', () => {
    fc.assert(
      fc.property(seedArb, fc.string({ unit: 'binary', maxLength: 30 }), (seed, key) => {
        expect(new Random(seed).float(key)).toBe(refFloat(seed, key));
      }),
      { numRuns: 500 },
    );
  });

  it('keyed(prefix) draws what the joined key prefix + key draws, by the independent rewrite (property)', () => {
    const small = fc.integer({ min: -50, max: 50 });
    fc.assert(
      fc.property(
        seedArb,
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        small,
        small,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, prefix, key, a, b, p) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const f = refFloat(seed, prefix + key);
          const r = new Random(seed).keyed(prefix);
          expect(r.int(key, lo, hi)).toBe(hi <= lo ? lo : lo + Math.floor(f * (hi - lo + 1)));
          expect(r.chance(key, p)).toBe(p > 0 && f < p);
        },
      ),
      { numRuns: 500 },
    );
    // The worked values above, through the network's prefixes.
    expect(new Random(42).keyed('lat:').int('m1@P1', 1, 10)).toBe(9);
    expect(new Random(7).keyed('loss:').chance('m1@P1', 0.19)).toBe(true);
  });

  it('is deterministic: the same seed gives the same values, whatever was drawn before (property)', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 20 }),
        (seed, keys) => {
          const a = new Random(seed);
          const b = new Random(seed);
          const first = keys.map((k) => a.float(k));
          // b draws the same keys in the opposite order, twice: values depend only on (seed, key).
          const reversed = [...keys].reverse().map((k) => b.float(k));
          reversed.reverse();
          expect(reversed).toEqual(first);
          expect(keys.map((k) => b.float(k))).toEqual(first);
        },
      ),
    );
  });

  it('gives different sequences for different seeds (property)', () => {
    const keys = Array.from({ length: 8 }, (_, i) => `lat:m${i}@P1`);
    fc.assert(
      fc.property(seedArb, seedArb, (s, t) => {
        fc.pre(s !== t);
        const a = keys.map((k) => new Random(s).float(k));
        const b = keys.map((k) => new Random(t).float(k));
        expect(a).not.toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it('gives different values for neighbouring seeds and neighbouring keys', () => {
    const values = new Set<number>();
    for (let seed = 0; seed < 50; seed++)
      for (let m = 0; m < 20; m++) values.add(new Random(seed).float(`m${m}`));
    // 1,000 draws of a 32-bit generator: no two should coincide.
    expect(values.size).toBe(1000);
  });

  it('keeps floats in [0, 1) and ints in [lo, hi], inclusive and whole (property)', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.string({ maxLength: 12 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.nat(1_000_000),
        (seed, key, lo, width) => {
          const r = new Random(seed);
          const f = r.float(key);
          expect(f).toBeGreaterThanOrEqual(0);
          expect(f).toBeLessThan(1);
          const n = r.int(key, lo, lo + width);
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(lo);
          expect(n).toBeLessThanOrEqual(lo + width);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reaches both ends of a small integer range', () => {
    const r = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(r.int(`k${i}`, 2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('gives lo for an empty or one-value range', () => {
    const r = new Random(11);
    expect(r.int('k', 4, 4)).toBe(4);
    expect(r.int('k', 4, 3)).toBe(4);
  });

  it('spreads ints evenly over a range (chi-square, fixed seed, loose bound)', () => {
    const r = new Random(20240601);
    const buckets = new Array<number>(10).fill(0);
    const n = 10_000;
    for (let i = 0; i < n; i++) buckets[r.int(`lat:m${i}@P${i % 7}`, 0, 9)]!++;
    const expected = n / 10;
    const chi2 = buckets.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: the 99.9th percentile is 27.9. A bias would show far above it.
    expect(chi2).toBeLessThan(40);
  });

  it('is true about p of the time for chance(p), never for p = 0, always for p = 1 (fixed seed)', () => {
    const r = new Random(99);
    const n = 10_000;
    const count = (p: number) => {
      let c = 0;
      for (let i = 0; i < n; i++) if (r.chance(`loss:m${i}@P1`, p)) c++;
      return c;
    };
    // Binomial(10,000, 0.3): standard deviation about 46; 6 deviations is a loose bound.
    expect(Math.abs(count(0.3) - 3000)).toBeLessThan(280);
    expect(count(0)).toBe(0);
    expect(count(1)).toBe(n);
  });

  it('keeps keyed draws independent: drawing other keys never changes a key’s value (property)', () => {
    fc.assert(
      fc.property(
        seedArb,
        fc.string({ maxLength: 12 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 30 }),
        (seed, key, others) => {
          const fresh = new Random(seed).float(key);
          const busy = new Random(seed);
          for (const o of others) {
            busy.float(o);
            busy.int(o, 0, 100);
            busy.chance(o, 0.5);
          }
          expect(busy.float(key)).toBe(fresh);
        },
      ),
    );
  });
});
