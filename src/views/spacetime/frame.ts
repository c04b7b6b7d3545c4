import { bisectLeft } from 'd3-array';
import type { ArrowGeo, SpanGeo } from './geometry';
import type { Arrow, DiagramModel, Mark } from './model';

/**
 * What each piece of the diagram looks like at a cursor. The cursor counts the events shown, so
 * an event at step s has happened once `cursor > s`. Cheap per piece, so moving the cursor only
 * re-reads what is on screen.
 */

export type CopyStatus = 'future' | 'flight' | 'arrived' | 'lost';

export function copyStatus(a: Arrow, cursor: number): CopyStatus {
  if (cursor <= a.sentStep) return 'future';
  if (a.arriveStep === null || cursor <= a.arriveStep) return 'flight';
  return a.lost === null ? 'arrived' : 'lost';
}

/** A user may still change a copy's fate while it has not arrived (or been lost). */
export function canIntervene(a: Arrow, cursor: number): boolean {
  return a.arriveStep === null || cursor <= a.arriveStep;
}

/**
 * How far along its arrow a copy in flight is: (now − sent) / (arrive − sent), RaftScope's idea,
 * so stepping backwards moves it back. A copy due at the moment it was sent sits at its end.
 */
export function flightFraction(a: Arrow, tNow: number): number {
  const d = a.arriveAt - a.sentAt;
  if (d <= 0) return 1;
  return Math.max(0, Math.min(1, (tNow - a.sentAt) / d));
}

export function flightPoint(g: ArrowGeo, tNow: number): { x: number; y: number; f: number } {
  const f = flightFraction(g.arrow, tNow);
  return { x: g.x1 + (g.x2 - g.x1) * f, y: g.y1 + (g.y2 - g.y1) * f, f };
}

/**
 * Where a hold-back span ends on screen at a cursor: null before the message is held back; the
 * cursor's x while it still waits (the span grows as time passes); the delivery's x once delivered.
 */
export function spanEndX(s: SpanGeo, cursor: number, xNow: number): number | null {
  if (cursor <= s.span.startStep) return null;
  if (s.span.endStep !== null && cursor > s.span.endStep) return s.x2;
  return xNow;
}

export function markShown(m: Mark, cursor: number): boolean {
  return cursor > m.step;
}

/** Step lists sorted once per model, so the spoken summary is a few binary searches per cursor. */
export interface SummaryIndex {
  sent: number[];
  arrived: number[];
  heldFrom: number[];
  heldUntil: number[];
  delivered: number[];
}

const sorted = (xs: number[]) => xs.sort((a, b) => a - b);

export function summaryIndex(model: DiagramModel): SummaryIndex {
  return {
    sent: sorted(model.arrows.map((a) => a.sentStep)),
    arrived: sorted(model.arrows.flatMap((a) => (a.arriveStep === null ? [] : [a.arriveStep]))),
    heldFrom: sorted(model.spans.map((s) => s.startStep)),
    heldUntil: sorted(model.spans.flatMap((s) => (s.endStep === null ? [] : [s.endStep]))),
    delivered: sorted(model.marks.filter((m) => m.type === 'deliver').map((m) => m.step)),
  };
}

/** How many of the sorted steps have happened by the cursor (step < cursor). */
const happened = (steps: number[], cursor: number) => bisectLeft(steps, cursor);

/** Counts for the diagram's spoken summary: copies in flight, messages held back, deliveries so far. */
export function summaryAt(index: SummaryIndex, cursor: number) {
  return {
    flight: happened(index.sent, cursor) - happened(index.arrived, cursor),
    held: happened(index.heldFrom, cursor) - happened(index.heldUntil, cursor),
    delivered: happened(index.delivered, cursor),
  };
}
