/**
 * The diagram's shapes in runs of a few, each run drawn by one memoized group. A shape looks the
 * same for every cursor up to the first step at which it changes (`lo`) and for every cursor from
 * the last (`hi`) on; so does a run, over its shapes' widest such interval. A step gives new props
 * only to the runs it falls inside, and React skips every other run whole, comparing one run's
 * props instead of each of its shapes' (on a 2,326-event trace, ~350 comparisons a step → ~25).
 */
export const BUCKET = 16;

export interface Bucket<T> {
  /** The first shape's key: a run keeps its identity while the window holds the same shapes. */
  key: string;
  items: readonly T[];
  /** Every shape looks the same for all cursors ≤ lo, and for all cursors ≥ hi. */
  lo: number;
  hi: number;
}

/**
 * Consecutive runs of `size` shapes (the order is kept, so the drawing is unchanged). `span` gives
 * a shape's [lo, hi]: the cursors at and outside which it no longer changes (hi may be Infinity).
 */
export function bucketize<T>(
  items: readonly T[],
  key: (item: T) => string,
  span: (item: T) => readonly [number, number],
  size = BUCKET,
): Bucket<T>[] {
  const out: Bucket<T>[] = [];
  for (let i = 0; i < items.length; i += size) {
    const run = items.slice(i, i + size);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const item of run) {
      const [a, b] = span(item);
      lo = Math.min(lo, a);
      hi = Math.max(hi, b);
    }
    out.push({ key: key(run[0]!), items: run, lo, hi });
  }
  return out;
}

/** The cursor as a run sees it: one value for all cursors ≤ lo, one for all ≥ hi. */
export function bucketCursor(b: { lo: number; hi: number }, cursor: number): number {
  return Math.min(b.hi, Math.max(b.lo, cursor));
}

/** Whether a shape of the run may be mid-change at the cursor (a copy in flight, a hold-back span growing), so it follows the time. */
export function bucketLive(b: { lo: number; hi: number }, cursor: number): boolean {
  return cursor > b.lo && cursor < b.hi;
}

/** A mark changes as the cursor passes its step (markShown: cursor > step). */
export const markSpan = (m: { step: number }): [number, number] => [m.step, m.step + 1];

/** A copy: future up to its send, in flight until it arrives (or is lost), and fixed after. */
export const arrowSpan = (a: { sentStep: number; arriveStep: number | null }): [number, number] => [
  a.sentStep,
  a.arriveStep === null ? Number.POSITIVE_INFINITY : a.arriveStep + 1,
];

/** A hold-back span: absent up to its start, growing while held, fixed once delivered. */
export const spanSpan = (s: { startStep: number; endStep: number | null }): [number, number] => [
  s.startStep,
  s.endStep === null ? Number.POSITIVE_INFINITY : s.endStep + 1,
];
