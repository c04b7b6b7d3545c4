import {
  type KeyboardEvent,
  memo,
  type PointerEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../checks/types';
import type { Highlight } from '../../scenarios/lessons/types';
import { timeAt } from '../../store/lab';
import { useLab } from '../../store/react';
import { guaranteeName, reasonText, type Tx, violationText } from '../text';
import { checksFor, promisedBy } from '../verdicts';
import { arrowSpan, type Bucket, bucketCursor, bucketize, bucketLive, markSpan, spanSpan } from './buckets';
import { FaultLayer } from './FaultLayer';
import { faultModelFor } from './faults';
import {
  type CopyStatus,
  canIntervene,
  copyStatus,
  flightPoint,
  markShown,
  spanEndX,
  summaryAt,
  summaryIndex,
} from './frame';
import { GroupLayer } from './GroupLayer';
import { type ArrowGeo, layout, type MarkGeo, type Size, type SpanGeo, type TimeWindow } from './geometry';
import { useLaneMenu } from './LaneMenu';
import { type Arrow, modelFor } from './model';
import { fitWindow, follow, initialWindow, pan, zoom } from './zoom';

export interface SpaceTimeDiagramProps {
  /** What the current lesson step asks the student to look at. */
  highlight?: Highlight;
  className?: string;
}

const SIZES = {
  normal: { laneGap: 58, mark: 15, arrowhead: 10 },
  presenter: { laneGap: 78, mark: 21, arrowhead: 14 },
};

/** Acknowledgements: drawn, but labelled only when pointed at (issue 3: feedback implosion crowds the lanes). */
const QUIET_KINDS = new Set(['ack', 'nack', 'done']);

/** Packets in flight all sit on the cursor line; beyond this many their labels would pile up. */
const LABELLED_PACKETS = 8;

/** What a packet in flight carries: the message and its header (a protocol message's label says both). */
function packetLabel(a: Arrow): string {
  if (!a.label) return a.msg;
  return a.kind === 'data' ? `${a.msg} ${a.label}` : a.label;
}

/** Follows the element's width, so the time axis fills whatever room the shell gives it. */
function useWidth(ref: React.RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

const kindClass = (kind: string) => `k-${kind.replace(/[^A-Za-z0-9_-]/g, '_')}`;

interface ArrowViewProps {
  g: ArrowGeo;
  /** Sent garbled or equivocated by a byzantine process. */
  corrupt: boolean;
  status: CopyStatus;
  /** The copy's position while in flight. */
  px: number;
  py: number;
  open: boolean;
  /** Whether the packet shows its label (few in flight, or this one is pointed at). */
  labelled: boolean;
  highlighted: boolean;
  selected: boolean;
  marker: string;
  t: Tx;
  onOpen(id: string): void;
}

const ArrowView = memo(function ArrowView({
  g,
  corrupt,
  status,
  px,
  py,
  open,
  labelled,
  highlighted,
  selected,
  marker,
  t,
  onOpen,
}: ArrowViewProps) {
  const a = g.arrow;
  // Translated once per status: a copy in flight re-renders every step as it moves.
  const name = useMemo(
    () =>
      t(`diagram.copy.${status}`, {
        msg: a.msg,
        kind: a.kind,
        src: a.src,
        to: a.to,
        time: a.arriveAt,
        reason: a.lost ?? '',
      }),
    [t, a, status],
  );
  // The action after the copy's name, with the sentence break of the language (". " or "。").
  const act = useMemo(() => t('diagram.copy.sep') + t('diagram.copy.act'), [t]);
  const cls = [
    'mv-arrow',
    status,
    kindClass(a.kind),
    a.lost !== null ? 'lossy' : '',
    corrupt ? 'corrupt' : '',
    highlighted ? 'hl' : '',
    selected ? 'selected' : '',
    open ? 'open' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      onOpen(a.id);
    }
  };
  const interactive = open
    ? {
        role: 'button',
        tabIndex: 0,
        'aria-label': `${name}${act}`,
        'aria-haspopup': 'dialog' as const,
        'aria-expanded': selected,
        onClick: () => onOpen(a.id),
        onKeyDown,
      }
    : { 'aria-hidden': true };
  const cross = 6;
  return (
    <g className={cls} data-copy={a.id} {...interactive}>
      <title>{name}</title>
      <line className="mv-hit" x1={g.x1} y1={g.y1} x2={g.x2} y2={g.y2} />
      <line
        className="mv-line"
        x1={g.x1}
        y1={g.y1}
        x2={g.x2}
        y2={g.y2}
        markerEnd={status === 'arrived' ? `url(#${marker})` : undefined}
      />
      {a.lost !== null && (
        <path
          className="mv-cross"
          d={`M${g.x2 - cross},${g.y2 - cross}L${g.x2 + cross},${g.y2 + cross}M${g.x2 - cross},${g.y2 + cross}L${g.x2 + cross},${g.y2 - cross}`}
        />
      )}
      {status === 'flight' && (
        <>
          <line className="mv-travelled" x1={g.x1} y1={g.y1} x2={px} y2={py} />
          <circle className="mv-packet" cx={px} cy={py} r={6} />
          {labelled && (
            <text className="mv-packet-label" x={px + 9} y={py - 7}>
              {packetLabel(a)}
            </text>
          )}
        </>
      )}
    </g>
  );
});

interface MarkViewProps {
  g: MarkGeo;
  shown: boolean;
  /** An ACK's send: its label only when pointed at, so ACKs do not bury the messages they answer. */
  quiet: boolean;
  size: number;
  violation: 'second' | 'first' | null;
  highlighted: boolean;
  t: Tx;
}

const MarkView = memo(function MarkView({ g, shown, quiet, size, violation, highlighted, t }: MarkViewProps) {
  const m = g.mark;
  const cls = ['mv-mark', m.type, shown ? 'past' : 'future', m.own ? 'own' : '', highlighted ? 'hl' : '']
    .concat(violation ? [`violation-${violation}`] : [])
    .filter(Boolean)
    .join(' ');
  const args = { node: m.node, msg: m.msg, time: m.time, n: m.n };
  if (m.type === 'send')
    return (
      <g className={cls}>
        <title>{t('diagram.mark.send', args)}</title>
        <circle cx={g.x} cy={g.y} r={size / 3.2} />
        {(!quiet || highlighted) && (
          <text className="mv-mark-label" x={g.x} y={g.y - size / 2 - 4} textAnchor="middle">
            {m.label ? `${m.msg} ${m.label}` : m.msg}
          </text>
        )}
      </g>
    );
  if (m.type === 'discard')
    return (
      <g className={cls}>
        <title>{t('diagram.mark.discard', args)}</title>
        <circle cx={g.x} cy={g.y} r={size / 3} />
        <line x1={g.x - size / 3} y1={g.y + size / 3} x2={g.x + size / 3} y2={g.y - size / 3} />
      </g>
    );
  const h = size / 2;
  return (
    <g className={cls}>
      <title>
        {`${t(m.own ? 'diagram.mark.own' : 'diagram.mark.deliver', args)}${violation === 'second' ? ` (${t('diagram.violation')})` : ''}`}
      </title>
      <rect x={g.x - h} y={g.y - h} width={size} height={size} rx={m.own ? h : 2} />
      <text className="mv-mark-n" x={g.x} y={g.y} textAnchor="middle" dominantBaseline="central">
        {m.n}
      </text>
      {!m.own && (
        // Its own message is named by the send beside it.
        <text className="mv-mark-label" x={g.x} y={g.y - h - 4} textAnchor="middle">
          {violation === 'second' ? `! ${m.msg}` : m.msg}
        </text>
      )}
    </g>
  );
});

interface SpanViewProps {
  g: SpanGeo;
  endX: number | null;
  offset: number;
  highlighted: boolean;
  pattern: string;
  t: Tx;
}

const SpanView = memo(function SpanView({ g, endX, offset, highlighted, pattern, t }: SpanViewProps) {
  if (endX === null) return null;
  const s = g.span;
  const x2 = Math.max(endX, g.x1 + 4);
  const y = g.y + offset;
  const name =
    s.endTime === null
      ? t('diagram.mark.heldOpen', { node: s.node, msg: s.msg, t0: s.startTime })
      : t('diagram.mark.held', { node: s.node, msg: s.msg, t0: s.startTime, t1: s.endTime });
  return (
    <g className={`mv-span${highlighted ? ' hl' : ''}`}>
      <title>{`${name}: ${reasonText(t, s.reason)}`}</title>
      <rect x={g.x1} y={y} width={x2 - g.x1} height={7} fill={`url(#${pattern})`} />
      <path d={`M${g.x1},${y - 3}V${y + 10}M${x2},${y - 3}V${y + 10}`} />
    </g>
  );
});

type Flagged = ReturnType<typeof violationMarks>;

/**
 * A run of marks (buckets.ts): `cursor` is the run's own view of it, so a step outside the run's
 * steps leaves its props, and every mark in it, as they were.
 */
const MarkGroup = memo(function MarkGroup({
  b,
  cursor,
  quietMsgs,
  size,
  flagged,
  hlMsgs,
  t,
}: {
  b: Bucket<MarkGeo>;
  cursor: number;
  quietMsgs: ReadonlySet<string>;
  size: number;
  flagged: Flagged;
  hlMsgs: ReadonlySet<string>;
  t: Tx;
}) {
  return b.items.map((g) => {
    const m = g.mark;
    const violation = flagged.second.has(`${m.node}\u0000${m.step}`)
      ? 'second'
      : m.type === 'deliver' && flagged.first.has(`${m.node}\u0000${m.msg}`)
        ? 'first'
        : null;
    return (
      <MarkView
        key={m.key}
        g={g}
        shown={markShown(m, cursor)}
        quiet={quietMsgs.has(m.msg)}
        size={size}
        violation={violation}
        highlighted={hlMsgs.has(m.msg)}
        t={t}
      />
    );
  });
});

/** A run of copies: the time (and how many are in flight) reaches it only while one of them may be in flight. */
const ArrowGroup = memo(function ArrowGroup({
  b,
  cursor,
  tNow,
  fewInFlight,
  corrupt,
  hlCopies,
  hlMsgs,
  selectedCopy,
  marker,
  t,
  onOpen,
}: {
  b: Bucket<ArrowGeo>;
  cursor: number;
  tNow: number;
  fewInFlight: boolean;
  corrupt: ReadonlySet<string>;
  hlCopies: ReadonlySet<string>;
  hlMsgs: ReadonlySet<string>;
  selectedCopy: string | undefined;
  marker: string;
  t: Tx;
  onOpen(id: string): void;
}) {
  return b.items.map((g) => {
    const status = copyStatus(g.arrow, cursor);
    const p = status === 'flight' ? flightPoint(g, tNow) : null;
    const highlighted = hlCopies.has(g.arrow.id) || hlMsgs.has(g.arrow.msg);
    const selected = g.arrow.id === selectedCopy;
    return (
      <ArrowView
        key={g.arrow.id}
        g={g}
        corrupt={corrupt.has(`${g.arrow.src} ${g.arrow.msg}`)}
        status={status}
        px={p?.x ?? 0}
        py={p?.y ?? 0}
        open={canIntervene(g.arrow, cursor)}
        // Shown only in flight, so only then does it depend on the others in flight.
        labelled={
          status === 'flight' && ((fewInFlight && !QUIET_KINDS.has(g.arrow.kind)) || highlighted || selected)
        }
        highlighted={highlighted}
        selected={selected}
        marker={marker}
        t={t}
        onOpen={onOpen}
      />
    );
  });
});

/** A run of hold-back spans: the cursor's x reaches it only while one of them may still be growing. */
const SpanGroup = memo(function SpanGroup({
  b,
  cursor,
  xNow,
  offset,
  hlMsgs,
  hlNodes,
  pattern,
  t,
}: {
  b: Bucket<SpanGeo>;
  cursor: number;
  xNow: number;
  offset: number;
  hlMsgs: ReadonlySet<string>;
  hlNodes: ReadonlySet<string>;
  pattern: string;
  t: Tx;
}) {
  return b.items.map((g) => (
    <SpanView
      key={g.span.key}
      g={g}
      endX={spanEndX(g, cursor, xNow)}
      offset={offset}
      highlighted={hlMsgs.has(g.span.msg) || hlNodes.has(g.span.node)}
      pattern={pattern}
      t={t}
    />
  ));
});

/** Marks the checkers flag: the delivery that broke a guarantee, and the one it overtook. */
function violationMarks(checks: readonly CheckResult[]) {
  const second = new Set<string>();
  const first = new Map<string, string>();
  for (const c of checks) {
    const v = c.violation;
    if (!v) continue;
    second.add(`${v.node}\u0000${v.step}`);
    first.set(`${v.node}\u0000${v.first}`, v.guarantee);
  }
  return { second, first };
}

export function SpaceTimeDiagram({ highlight, className }: SpaceTimeDiagramProps) {
  const { t } = useTranslation('views');
  const tx = t as unknown as Tx;
  const trace = useLab((s) => s.trace);
  const cursor = useLab((s) => s.cursor);
  const presenter = useLab((s) => s.presenter);
  const selectedCopy = useLab((s) => s.selection.copy);
  const select = useLab((s) => s.select);
  const ordering = useLab((s) => (s.scenario.lab === 'process' ? s.scenario.ordering : null));
  const sequencer = useLab((s) =>
    s.scenario.lab === 'process' && s.scenario.ordering === 'total' ? (s.scenario.sequencer ?? 'S') : null,
  );

  const ids = useId().replace(/:/g, '');
  const marker = `mv-arrowhead-${ids}`;
  const pattern = `mv-hatch-${ids}`;
  const clip = `mv-clip-${ids}`;
  const wrapRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLElement>(null);
  const width = useWidth(wrapRef, 960);

  const model = modelFor(trace);
  const faults = faultModelFor(trace);
  const checks = useMemo(() => checksFor(trace), [trace]);
  const summaries = useMemo(() => summaryIndex(model), [model]);
  const flagged = useMemo(() => violationMarks(checks), [checks]);
  const tNow = timeAt(trace, cursor);

  // The window: fitted or zoomed, kept across re-simulation unless it was fitted; follows the cursor.
  const [view, setView] = useState(() => ({
    model,
    win: initialWindow(model.endTime, model.steps, tNow),
    fitted: model.steps <= 600,
    t: tNow,
  }));
  let win = view.win;
  if (view.model !== model || view.t !== tNow) {
    const base = view.model !== model && view.fitted ? fitWindow(model.endTime) : view.win;
    win = follow(base, tNow);
    setView({ model, win, fitted: view.fitted && win === base, t: tNow });
  }
  const setWin = useCallback(
    (next: TimeWindow, fitted = false) => setView((v) => ({ ...v, win: next, fitted })),
    [],
  );

  const sizes = presenter ? SIZES.presenter : SIZES.normal;
  const size: Size = useMemo(
    () => ({ width, ...(presenter ? SIZES.presenter : SIZES.normal) }),
    [width, presenter],
  );
  const geo = useMemo(() => layout(model, size, win), [model, size, win]);
  const xNow = geo.x(tNow);
  const quietMsgs = useMemo(
    () => new Set(model.arrows.filter((a) => QUIET_KINDS.has(a.kind)).map((a) => a.msg)),
    [model],
  );
  const lane = useLaneMenu(geo, size.laneGap, tNow);

  const onOpen = useCallback((copy: string) => select({ copy }), [select]);
  // Drag the background to pan; Ctrl/⌘ + wheel zooms around the pointer.
  const drag = useRef<{ x: number; win: TimeWindow } | null>(null);
  const pxPerT = (geo.plotRight - geo.plotLeft) / Math.max(1e-9, win.t1 - win.t0);
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    (e.target as Element).setPointerCapture?.(e.pointerId);
    drag.current = { x: e.clientX, win };
    if (selectedCopy) select({});
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    const d = drag.current;
    if (d) setWin(pan(d.win, -(e.clientX - d.x) / pxPerT));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const zoomState = useRef({ win, pxPerT, left: geo.plotLeft, endTime: model.endTime });
  zoomState.current = { win, pxPerT, left: geo.plotLeft, endTime: model.endTime };
  useEffect(() => {
    const el = plotRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const z = zoomState.current;
      const at = z.win.t0 + (e.clientX - el.getBoundingClientRect().left - z.left) / z.pxPerT;
      setWin(zoom(z.win, e.deltaY > 0 ? 1.25 : 0.8, at, z.endTime));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [setWin]);

  // The same sets while the highlight says the same (a lesson step's highlight may be a new object each render).
  const hlKey = JSON.stringify([highlight?.nodes ?? [], highlight?.msgs ?? [], highlight?.copies ?? []]);
  const { hlNodes, hlMsgs, hlCopies } = useMemo(() => {
    const [nodes, msgs, copies] = JSON.parse(hlKey) as [string[], string[], string[]];
    return { hlNodes: new Set(nodes), hlMsgs: new Set(msgs), hlCopies: new Set(copies) };
  }, [hlKey]);
  const markRuns = useMemo(
    () =>
      bucketize(
        geo.marks,
        (g) => g.mark.key,
        (g) => markSpan(g.mark),
      ),
    [geo],
  );
  const arrowRuns = useMemo(
    () =>
      bucketize(
        geo.arrows,
        (g) => g.arrow.id,
        (g) => arrowSpan(g.arrow),
      ),
    [geo],
  );
  const spanRuns = useMemo(
    () =>
      bucketize(
        geo.spans,
        (g) => g.span.key,
        (g) => spanSpan(g.span),
      ),
    [geo],
  );
  const summary = summaryAt(summaries, cursor);
  const fewInFlight = summary.flight <= LABELLED_PACKETS;
  const label = t('diagram.summary', {
    lanes: model.lanes.length,
    step: cursor,
    total: model.steps,
    time: tNow,
    ...summary,
  });

  const violations = checks.filter((c) => c.violation && cursor > c.violation.step);
  // The list below the diagram changes only when the cursor passes a violation.
  const violationKey = violations.map((c) => c.guarantee).join('\u0000');
  const violationList = useMemo(
    () =>
      violationKey === '' ? null : (
        <ul className="mv-violations" aria-live="polite">
          {checks
            .filter((c) => violationKey.split('\u0000').includes(c.guarantee))
            .map((c) => {
              const promised = ordering !== null && promisedBy(ordering).includes(c.guarantee);
              return (
                <li key={c.guarantee} className={promised ? undefined : 'unpromised'}>
                  <span className="mv-violation-icon" aria-hidden="true">
                    {promised ? '!' : 'i'}
                  </span>{' '}
                  <strong>{guaranteeName(tx, c.guarantee)}:</strong>{' '}
                  {c.violation ? violationText(tx, c.violation) : null}
                  {!promised && <span className="mv-unpromised"> ({tx('diagram.notPromised')})</span>}
                </li>
              );
            })}
        </ul>
      ),
    [violationKey, checks, ordering, tx],
  );
  // The tool bar's words change with the language only, not with the step.
  const words = useMemo(
    () => ({
      axis: t('diagram.axis'),
      panLeft: t('diagram.panLeft'),
      panRight: t('diagram.panRight'),
      zoomIn: t('diagram.zoomIn'),
      zoomOut: t('diagram.zoomOut'),
      fit: t('diagram.fit'),
      fitHint: t('diagram.fitHint'),
      sequencer: t('diagram.sequencer'),
    }),
    [t],
  );
  const span = win.t1 - win.t0;
  const r0 = Math.round(Math.max(0, win.t0));
  const r1 = Math.round(win.t1);
  const range = useMemo(() => t('diagram.range', { t0: r0, t1: r1 }), [t, r0, r1]);
  const cursorText = useMemo(() => t('diagram.cursor', { time: tNow }), [t, tNow]);

  return (
    <div ref={wrapRef} className={['mv-diagram', className].filter(Boolean).join(' ')}>
      <div className="mv-toolbar" role="toolbar" aria-label={words.axis}>
        <button type="button" onClick={() => setWin(pan(win, -span / 3))} aria-label={words.panLeft}>
          ◀
        </button>
        <button
          type="button"
          onClick={() => setWin(zoom(win, 0.6, tNow, model.endTime))}
          aria-label={words.zoomIn}
          title={words.zoomIn}
        >
          +
        </button>
        <button
          type="button"
          onClick={() => setWin(zoom(win, 1 / 0.6, tNow, model.endTime))}
          aria-label={words.zoomOut}
          title={words.zoomOut}
        >
          −
        </button>
        <button type="button" onClick={() => setWin(fitWindow(model.endTime), true)} title={words.fitHint}>
          {words.fit}
        </button>
        <button type="button" onClick={() => setWin(pan(win, span / 3))} aria-label={words.panRight}>
          ▶
        </button>
        <span className="mv-range">{range}</span>
      </div>
      <figure ref={plotRef} className="mv-plot" tabIndex={-1} aria-label={label}>
        <svg
          width={geo.width}
          height={geo.height}
          viewBox={`0 0 ${geo.width} ${geo.height}`}
          {...lane.svgProps}
        >
          <defs>
            <marker
              id={marker}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth={sizes.arrowhead}
              markerHeight={sizes.arrowhead}
              orient="auto"
            >
              <path d="M0,0L10,5L0,10z" className="mv-arrowhead" />
            </marker>
            <pattern
              id={pattern}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" className="mv-hatch-bg" />
              <line x1="0" y1="0" x2="0" y2="6" className="mv-hatch-line" />
            </pattern>
            <clipPath id={clip}>
              <rect
                x={geo.plotLeft - 12}
                y={0}
                width={geo.plotRight - geo.plotLeft + 24}
                height={geo.height}
              />
            </clipPath>
          </defs>
          <rect
            className="mv-bg"
            x={0}
            y={0}
            width={geo.width}
            height={geo.height}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
          />
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an svg group is not focusable; the event log is the text twin of these shapes */}
          <g className="mv-decor" aria-hidden="true">
            <g className="mv-axis">
              {geo.ticks.map((k) => (
                <g key={k.t}>
                  <line x1={k.x} x2={k.x} y1={22} y2={geo.height - 20} />
                  <text x={k.x} y={16} textAnchor="middle">
                    {k.t}
                  </text>
                </g>
              ))}
            </g>
            {geo.lanes.map((l) => (
              <g key={l.node} className={`mv-lane${hlNodes.has(l.node) ? ' hl' : ''}`}>
                <line x1={geo.plotLeft - 8} x2={geo.plotRight + 8} y1={l.y} y2={l.y} />
                <text x={geo.plotLeft - 14} y={l.y} textAnchor="end" dominantBaseline="central">
                  {l.node}
                </text>
                {l.node === sequencer && (
                  <text className="mv-lane-role" x={geo.plotLeft - 14} y={l.y + 14} textAnchor="end">
                    {words.sequencer}
                  </text>
                )}
              </g>
            ))}
            <g clipPath={`url(#${clip})`}>
              <FaultLayer fm={faults} geo={geo} cursor={cursor} tNow={tNow} gap={size.laneGap} t={tx} />
              {spanRuns.map((b) => (
                <SpanGroup
                  key={b.key}
                  b={b}
                  cursor={bucketCursor(b, cursor)}
                  xNow={bucketLive(b, cursor) ? xNow : 0}
                  offset={size.mark / 2 + 3}
                  hlMsgs={hlMsgs}
                  hlNodes={hlNodes}
                  pattern={pattern}
                  t={tx}
                />
              ))}
            </g>
          </g>
          <g className="mv-arrows" clipPath={`url(#${clip})`}>
            {arrowRuns.map((b) => {
              const live = bucketLive(b, cursor);
              return (
                <ArrowGroup
                  key={b.key}
                  b={b}
                  cursor={bucketCursor(b, cursor)}
                  tNow={live ? tNow : 0}
                  fewInFlight={live && fewInFlight}
                  corrupt={faults.corrupt}
                  hlCopies={hlCopies}
                  hlMsgs={hlMsgs}
                  selectedCopy={selectedCopy}
                  marker={marker}
                  t={tx}
                  onOpen={onOpen}
                />
              );
            })}
          </g>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an svg group is not focusable; the event log is the text twin of these shapes */}
          <g className="mv-decor" aria-hidden="true" clipPath={`url(#${clip})`}>
            {markRuns.map((b) => (
              <MarkGroup
                key={b.key}
                b={b}
                cursor={bucketCursor(b, cursor)}
                quietMsgs={quietMsgs}
                size={size.mark}
                flagged={flagged}
                hlMsgs={hlMsgs}
                t={tx}
              />
            ))}
            <GroupLayer trace={trace} geo={geo} cursor={cursor} tNow={tNow} gap={size.laneGap} t={tx} />
            {xNow >= geo.plotLeft - 1 && xNow <= geo.plotRight + 1 && (
              <g className="mv-cursor">
                <line x1={xNow} x2={xNow} y1={22} y2={geo.height - 8} />
                <text x={xNow} y={geo.height - 6} textAnchor="middle">
                  {cursorText}
                </text>
              </g>
            )}
          </g>
          {lane.targets}
        </svg>
      </figure>
      {lane.menu}
      {violationList}
    </div>
  );
}
