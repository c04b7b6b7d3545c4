import { bisector } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { Arrow, DiagramModel, HoldSpan, Mark } from './model';

/**
 * Pixels for the diagram at one size and one time window (memoized on those by the component).
 * Only what overlaps the window is laid out, so a 2,000-event trace draws a few hundred shapes.
 */

export interface Size {
  width: number;
  /** Vertical distance between lanes. */
  laneGap: number;
  /** Side of a delivery mark; marks at the same time sit this far (plus a gap) apart. */
  mark: number;
}

/** The visible stretch of virtual time. */
export interface TimeWindow {
  t0: number;
  t1: number;
}

export const MARGIN = { left: 64, right: 28, top: 34, bottom: 26 };
/** A lost copy's line stops short of the receiver's lane, ending in a cross. */
export const LOST_GAP = 0.82;

export interface LaneGeo {
  node: string;
  y: number;
}

export interface ArrowGeo {
  arrow: Arrow;
  x1: number;
  y1: number;
  /** Where the line ends: the receiver's lane, or the cross of a lost copy. */
  x2: number;
  y2: number;
}

export interface SpanGeo {
  span: HoldSpan;
  x1: number;
  /** Null while (or if) the message is never delivered: the span reaches the cursor or the run's end. */
  x2: number | null;
  y: number;
}

export interface MarkGeo {
  mark: Mark;
  x: number;
  y: number;
}

export interface Geometry {
  width: number;
  height: number;
  /** Virtual time → x. */
  x: (t: number) => number;
  lanes: LaneGeo[];
  arrows: ArrowGeo[];
  spans: SpanGeo[];
  marks: MarkGeo[];
  ticks: { t: number; x: number }[];
  plotLeft: number;
  plotRight: number;
}

const bySent = bisector((a: Arrow) => a.sentAt).left;
const byTime = bisector((m: Mark) => m.time).left;

export function laneY(lane: number, size: Size): number {
  return MARGIN.top + size.laneGap / 2 + lane * size.laneGap;
}

/** Arrows that are on the wire at some moment of the window (binary search, then a short scan). */
export function arrowsIn(model: DiagramModel, win: TimeWindow): Arrow[] {
  const out: Arrow[] = [];
  const from = bySent(model.arrows, win.t0 - model.maxFlight);
  for (let i = from; i < model.arrows.length; i++) {
    const a = model.arrows[i]!;
    if (a.sentAt > win.t1) break;
    if (a.arriveAt >= win.t0) out.push(a);
  }
  return out;
}

export function marksIn(model: DiagramModel, win: TimeWindow): Mark[] {
  const out: Mark[] = [];
  for (let i = byTime(model.marks, win.t0); i < model.marks.length; i++) {
    const m = model.marks[i]!;
    if (m.time > win.t1) break;
    out.push(m);
  }
  return out;
}

export function spansIn(model: DiagramModel, win: TimeWindow): HoldSpan[] {
  return model.spans.filter(
    (s) => s.startTime <= win.t1 && (s.endTime ?? Number.POSITIVE_INFINITY) >= win.t0,
  );
}

export function layout(model: DiagramModel, size: Size, win: TimeWindow): Geometry {
  const plotLeft = MARGIN.left;
  const plotRight = Math.max(plotLeft + 10, size.width - MARGIN.right);
  const scale = scaleLinear().domain([win.t0, win.t1]).range([plotLeft, plotRight]);
  const x = (t: number) => scale(t);
  const y = (lane: number) => laneY(lane, size);
  const slotX = (m: Mark) => x(m.time) + m.slot * (size.mark + 3);

  const arrows = arrowsIn(model, win).map((a): ArrowGeo => {
    const x1 = x(a.sentAt);
    const y1 = y(a.srcLane);
    const xe = x(a.arriveAt);
    const ye = y(a.toLane);
    if (a.lost === null) return { arrow: a, x1, y1, x2: xe, y2: ye };
    return { arrow: a, x1, y1, x2: x1 + (xe - x1) * LOST_GAP, y2: y1 + (ye - y1) * LOST_GAP };
  });
  const spans = spansIn(model, win).map(
    (s): SpanGeo => ({
      span: s,
      x1: x(s.startTime),
      x2: s.endTime === null ? null : x(s.endTime),
      y: y(s.lane),
    }),
  );
  const marks = marksIn(model, win).map((m): MarkGeo => ({ mark: m, x: slotX(m), y: y(m.lane) }));
  const ticks = scale
    .ticks(Math.max(2, Math.floor((plotRight - plotLeft) / 90)))
    .filter((t) => Number.isInteger(t))
    .map((t) => ({ t, x: x(t) }));

  return {
    width: size.width,
    height: MARGIN.top + model.lanes.length * size.laneGap + MARGIN.bottom,
    x,
    lanes: model.lanes.map((node, i) => ({ node, y: y(i) })),
    arrows,
    spans,
    marks,
    ticks,
    plotLeft,
    plotRight,
  };
}
