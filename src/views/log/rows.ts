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

/**
 * Room for text in the log's fixed columns, in em (views.css: the column's width less the cell's
 * 12px padding, and a button's padding and border, at the smallest font, 13px). Keep in step with
 * the `.mv-col-*` widths.
 */
export const LOG_ROOM = { step: 3.3, time: 3.5, node: 3.5, type: 6, msg: 4.3, from: 3.5 } as const;

/**
 * An upper bound on a character's width in em, bold, in the sans-serif fonts the app names (DejaVu
 * Sans Bold, the widest of them: digits 0.70, lower case up to 0.72 but m 1.04 and w 0.92, capitals
 * up to 0.85 but M 1.00 and W 1.10).
 */
function charEm(ch: string): number {
  if (ch >= '0' && ch <= '9') return 0.7;
  if (ch >= 'a' && ch <= 'z') return ch === 'm' || ch === 'w' ? 1.15 : 0.72;
  if (ch >= 'A' && ch <= 'Z') return ch === 'M' || ch === 'W' ? 1.15 : 0.86;
  if ('.,:;\'!|()[]{}/-_*"'.includes(ch)) return 0.6;
  return ch.charCodeAt(0) < 0x80 ? 0.9 : 1.15;
}

/** Chinese, Japanese and Korean ideographs: a line may break before each. */
const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Whether a cell's text may be wider than its column (`room` em): its longest unbreakable run,
 * measured with `charEm`'s upper bounds. Only such cells clip with an ellipsis; a clip is a paint
 * chunk of its own, and clipping every cell of the listed rows cost ~0.8 ms of a step's frame.
 */
export function mayOverflow(text: string, room: number): boolean {
  let run = 0;
  for (const ch of text) {
    if (ch === ' ') {
      run = 0;
      continue;
    }
    if (IDEOGRAPH.test(ch)) run = 0;
    run += charEm(ch);
    if (run > room) return true;
  }
  return false;
}
