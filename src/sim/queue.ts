/**
 * The discrete-event queue: a binary min-heap ordered by (time, priority, sequence).
 * `seq` is the insertion counter, so events at the same time and priority keep the order in
 * which they were scheduled and the simulation is deterministic.
 */
export interface Scheduled<T> {
  time: number;
  /** Lower runs first among events at the same time (a "deliver next" intervention uses -1). */
  prio: number;
  seq: number;
  item: T;
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.prio !== b.prio) return a.prio < b.prio;
  return a.seq < b.seq;
}

export class EventQueue<T> {
  private heap: Scheduled<T>[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, item: T, prio = 0): void {
    const h = this.heap;
    h.push({ time, prio, seq: this.counter++, item });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const child = h[i]!;
      const parent = h[p]!;
      if (!before(child, parent)) break;
      h[i] = parent;
      h[p] = child;
      i = p;
    }
  }

  pop(): Scheduled<T> | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        const t = h[i]!;
        h[i] = h[m]!;
        h[m] = t;
        i = m;
      }
    }
    return top;
  }
}
