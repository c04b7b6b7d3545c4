/**
 * The simulation's only source of randomness: one seeded, *keyed* generator.
 *
 * Every random choice is drawn from a hash of (seed, key), where the key names what is being
 * decided ("latency of copy m1@P2"). So a user's intervention, which re-simulates the scenario,
 * changes only the draws it really touches: dropping one copy does not reshuffle the latency of
 * every later copy, and the diagram stays recognisable between edits.
 */

/** 32-bit FNV-1a of a string, mixed with the seed. */
function hash(seed: number, key: string): number {
  return extend((0x811c9dc5 ^ seed) >>> 0, key);
}

/** FNV-1a state `h` carried on over `key`: hash(seed, a + b) is extend(hash(seed, a), b). */
function extend(h: number, key: string): number {
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32 finaliser: turns a 32-bit state into a well-mixed 32-bit output. */
function mix(a: number): number {
  let t = (a + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

export class Random {
  constructor(readonly seed: number) {}

  /** A uniform float in [0, 1) for this key. */
  float(key: string): number {
    return mix(hash(this.seed, key)) / 4294967296;
  }

  /** A uniform integer in [lo, hi] (inclusive) for this key. */
  int(key: string, lo: number, hi: number): number {
    if (hi <= lo) return lo;
    return lo + Math.floor(this.float(key) * (hi - lo + 1));
  }

  /** True with probability p for this key. */
  chance(key: string, p: number): boolean {
    return p > 0 && this.float(key) < p;
  }

  /**
   * A family of keys sharing a prefix (`lat:` + copy id): `keyed(prefix).int(id, lo, hi)` draws
   * exactly what `int(prefix + id, lo, hi)` does, without building the joined string per draw.
   */
  keyed(prefix: string): KeyedRandom {
    const start = hash(this.seed, prefix);
    const float = (key: string) => mix(extend(start, key)) / 4294967296;
    return {
      int: (key, lo, hi) => (hi <= lo ? lo : lo + Math.floor(float(key) * (hi - lo + 1))),
      chance: (key, p) => p > 0 && float(key) < p,
    };
  }
}

/** Draws for the keys `prefix + key` (see `Random.keyed`). */
export interface KeyedRandom {
  int(key: string, lo: number, hi: number): number;
  chance(key: string, p: number): boolean;
}
