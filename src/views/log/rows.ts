/**
 * Which events the log lists at a cursor: the run so far (at least the latest `before` of it, so
 * a long run stays light) and the next few, faded. The current row is the event just shown.
 */
// 30, not more: every listed row is laid out and painted on each step, and a row above the
// visible few is read only by scrolling back (the "earlier events" button lists the rest). On a
// 2,326-event trace, 80 → 30 took 2.6 ms off a step's main-thread time (19.0 → 16.4 ms).
export const LOG_BEFORE = 30;
/** At least this many upcoming events are listed, faded… */
export const LOG_AFTER = 6;
/** …and the last row listed moves in steps of this many, so most steps add no row (and the table keeps its height). */
export const LOG_AFTER_CHUNK = 10;
/** The first row listed moves in steps of this many, so one cursor step changes two rows, not the whole table. */
export const LOG_CHUNK = 20;

export interface LogWindow {
  /** First and one-past-last step listed. */
  from: number;
  to: number;
  /** The step of the current row (the event just shown), or -1 before the first event. */
  current: number;
}

export function logWindow(cursor: number, total: number, before = LOG_BEFORE, after = LOG_AFTER): LogWindow {
  const c = Math.max(0, Math.min(total, cursor));
  const from = Math.max(0, Math.floor((c - before) / LOG_CHUNK) * LOG_CHUNK);
  return {
    from,
    to: Math.min(total, Math.ceil((c + after) / LOG_AFTER_CHUNK) * LOG_AFTER_CHUNK),
    current: c - 1,
  };
}

/** Clicking a row shows the run just after that event. */
export function cursorAfter(step: number): number {
  return step + 1;
}

/**
 * The listed events in runs of `LOG_CHUNK` by step (the window starts on a multiple of it), each
 * its own table body: a step changes the rows of one or two runs, and the rest stay as painted.
 */
export function logChunks<E extends { step: number }>(events: readonly E[]): E[][] {
  const out: E[][] = [];
  let key = Number.NaN;
  for (const e of events) {
    const k = Math.floor(e.step / LOG_CHUNK);
    if (k !== key) {
      out.push([]);
      key = k;
    }
    out[out.length - 1]!.push(e);
  }
  return out;
}
