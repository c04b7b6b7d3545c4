import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Trace } from '../../sim/trace';
import { useLab } from '../../store/react';
import { timeAtCursor } from '../network/frame';
import { fill } from '../network/strings';
import {
  arrowPhase,
  type ControlArrow,
  type ControlKind,
  controlArrows,
  controlTimeScale,
  DEFAULT_TIME_SCALE,
  routerLanes,
  type TimeScale,
} from './control';
import { MessageDetails } from './MessageDetails';
import { type PimText, usePimText } from './strings';

/**
 * The space-time diagram of PIM control messages (issue 5 §4): a lane per router (the RP
 * marked), virtual time to the right, an arrow per message hop coloured and named by kind. It
 * follows the cursor both ways; clicking an arrow opens the message's fields. The table under it
 * is its text twin.
 */
export interface ControlDiagramProps {
  trace: Trace;
  cursor: number;
  rp: string | null;
  onSelectRouter(router: string): void;
}

/** The lane-name column, and the margin before time 0 inside the scrolling plot. */
const LEFT = 84;
const PAD = 8;
const RIGHT = 20;
const TOP = 22;
const AXIS = 30;

/** A nice step between axis ticks, at least `min` ticks. */
function tickStep(min: number): number {
  for (const s of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000]) if (s >= min) return s;
  return 10_000;
}

interface Tick {
  x: number;
  t: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Axis labels: each span drawn to scale gets its first and last time (set inside it, clear of the
 * neighbouring break's ≈) and round times between where there is room; the axis starts at 0.
 */
export function axisTicks(scale: TimeScale, charW: number): Tick[] {
  const out: Tick[] = [];
  const first = scale.spans[0];
  if (first && !first.active) out.push({ x: first.x0, t: first.t0, anchor: 'start' });
  const step = tickStep(48 / scale.pxPerTick);
  const room = (t: number) => String(t).length * charW + 8;
  for (const s of scale.spans) {
    if (!s.active) continue;
    const w = s.x1 - s.x0;
    out.push({ x: s.x0, t: s.t0, anchor: 'start' });
    for (let v = Math.ceil((s.t0 + 1) / step) * step; v < s.t1; v += step) {
      const x = (v - s.t0) * scale.pxPerTick;
      if (x >= room(s.t0) + room(v) / 2 && w - x >= room(s.t1) + room(v) / 2)
        out.push({ x: s.x0 + x, t: v, anchor: 'middle' });
    }
    if (w >= room(s.t0) + room(s.t1)) out.push({ x: s.x1, t: s.t1, anchor: 'end' });
  }
  return out;
}

function ArrowMark({
  a,
  x1,
  y1,
  x2,
  y2,
  f,
  selected,
  label,
  short,
  name,
  charW,
  onSelect,
}: {
  a: ControlArrow;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  f: number;
  selected: boolean;
  label: string;
  /** The kind's name, drawn instead of the header when only that fits. */
  short: string;
  name: string;
  charW: number;
  onSelect(id: string): void;
}) {
  const stop = a.lost ? Math.min(f, 0.5) : f;
  const xe = x1 + (x2 - x1) * stop;
  const ye = y1 + (y2 - y1) * stop;
  const angle = Math.atan2(ye - y1, xe - x1);
  const deg = (angle * 180) / Math.PI;
  const len = Math.hypot(xe - x1, ye - y1);
  // The header goes along the arrow when it fits and the arrow is not too steep to read.
  const text = label.length * charW + 10 <= len ? label : short.length * charW + 10 <= len ? short : '';
  const readable = Math.abs(deg) <= 62 || Math.abs(deg) >= 118;
  const flip = Math.abs(deg) > 90;
  // Past the middle, so the headers of messages sent together from one router fan out instead of stacking.
  const mx = x1 + (xe - x1) * 0.6;
  const my = y1 + (ye - y1) * 0.6;
  const head = 7;
  const hx = (s: number) => xe - head * Math.cos(angle) + s * (head / 2) * Math.sin(angle);
  const hy = (s: number) => ye - head * Math.sin(angle) - s * (head / 2) * Math.cos(angle);
  const select = () => onSelect(a.id);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG arrow that opens its message; <button> cannot live inside SVG.
    <g
      className={`pim-arrow k-${a.kind}${selected ? ' selected' : ''}${a.lost ? ' lost' : ''}`}
      data-arrow={a.id}
      data-kind={a.kind}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={name}
      onClick={select}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select();
        }
      }}
    >
      <title>{name}</title>
      <line className="pim-arrow-hit" x1={x1} y1={y1} x2={xe} y2={ye} />
      <line className="pim-arrow-line" x1={x1} y1={y1} x2={xe} y2={ye} />
      <circle className="pim-arrow-dot" cx={x1} cy={y1} r={2.5} />
      {a.lost && stop >= 0.5 ? (
        <path
          className="pim-cross"
          d={`M${xe - 5},${ye - 5}L${xe + 5},${ye + 5}M${xe - 5},${ye + 5}L${xe + 5},${ye - 5}`}
        />
      ) : (
        len > head && (
          <polygon className="pim-arrow-head" points={`${xe},${ye} ${hx(1)},${hy(1)} ${hx(-1)},${hy(-1)}`} />
        )
      )}
      {text && readable && (
        <text
          className="pim-arrow-label"
          x={mx}
          y={my}
          dy={-4}
          textAnchor="middle"
          transform={`rotate(${flip ? deg + 180 : deg} ${mx} ${my})`}
        >
          {text}
        </text>
      )}
    </g>
  );
}

function arrowName(t: PimText, a: ControlArrow): string {
  const vals = { label: a.label, from: a.from, to: a.to, sent: a.sentAt, arrive: a.arriveAt };
  return fill(a.lost ? t.control.arrowLost : t.control.arrow, vals);
}

export function ControlDiagram({ trace, cursor, rp, onSelectRouter }: ControlDiagramProps) {
  const t = usePimText();
  const presenter = useLab((s) => s.presenter);
  const arrows = useMemo(() => controlArrows(trace), [trace]);
  const lanes = useMemo(() => routerLanes(trace), [trace]);
  const box = useRef<HTMLDivElement>(null);
  const [avail, setAvail] = useState(DEFAULT_TIME_SCALE.width + RIGHT);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setAvail(Math.max(240, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const scale = useMemo(
    () =>
      controlTimeScale(
        arrows.map((a) => ({ from: a.sentAt, to: a.arriveAt })),
        trace.endTime,
        { ...DEFAULT_TIME_SCALE, width: avail - PAD - RIGHT },
      ),
    [arrows, trace.endTime, avail],
  );
  const [selected, setSelected] = useState<string | null>(null);
  const laneH = presenter ? 52 : 40;
  const charW = presenter ? 8.4 : 6.2;
  const now = timeAtCursor(trace, cursor);
  const xOf = (time: number) => PAD + scale.x(time);
  const nowX = xOf(now);
  const width = PAD + scale.width + RIGHT;
  const plotH = lanes.length * laneH;
  const height = TOP + plotH + AXIS;
  const laneY = (r: string) => TOP + (lanes.indexOf(r) + 0.5) * laneH;
  const shown = arrows.filter((a) => a.sentStep < cursor);
  // Keep "now" in view when the diagram is wider than its box.
  useEffect(() => {
    const el = box.current;
    if (!el || el.scrollWidth <= el.clientWidth) return;
    if (nowX < el.scrollLeft + 20 || nowX > el.scrollLeft + el.clientWidth - 40)
      el.scrollLeft = Math.max(0, nowX - el.clientWidth / 2);
  }, [nowX]);
  const used = [...new Set(arrows.map((a) => a.kind))] as ControlKind[];
  const ticks = axisTicks(scale, charW);
  const selectedArrow = selected ? (arrows.find((a) => a.id === selected) ?? null) : null;
  const summary = fill(t.control.summary, { time: now, shown: shown.length, total: arrows.length });
  return (
    <section className="pim-control" aria-labelledby="pim-control-title" data-testid="pim-control">
      <div className="pim-control-head">
        <h2 id="pim-control-title">{t.control.title}</h2>
        <ul className="pim-legend" aria-label={t.control.legend}>
          {used.map((k) => (
            <li key={k} className={`k-${k}`}>
              <svg width="18" height="10" viewBox="0 0 18 10" aria-hidden="true">
                <line x1={1} y1={5} x2={13} y2={5} />
                <polygon points="17,5 11,2 11,8" />
              </svg>
              {t.kind[k]}
            </li>
          ))}
        </ul>
      </div>
      {arrows.length === 0 ? (
        <p className="pim-empty">{t.control.none}</p>
      ) : (
        <>
          <p className="pim-hint">{shown.length === 0 ? t.control.notYet : t.control.hint}</p>
          <div className="pim-control-body">
            <div className="pim-control-plot">
              {/* The lane names stay put while the time axis scrolls. */}
              {/* biome-ignore lint/a11y/useSemanticElements: SVG labels that select their router; a fieldset cannot live inside SVG. */}
              <svg
                className="pim-lane-names"
                width={LEFT}
                height={height}
                role="group"
                aria-label={t.control.lanes}
              >
                {lanes.map((r) => {
                  const y = laneY(r);
                  const isRp = r === rp;
                  const label = fill(isRp ? t.control.laneRp : t.control.lane, { id: r });
                  return (
                    // biome-ignore lint/a11y/useSemanticElements: an SVG label that selects the router; <button> cannot live inside SVG.
                    <g
                      key={r}
                      className={`pim-lane-label${isRp ? ' rp' : ''}`}
                      data-lane={r}
                      role="button"
                      tabIndex={0}
                      aria-label={label}
                      onClick={() => onSelectRouter(r)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onSelectRouter(r);
                        }
                      }}
                    >
                      <title>{label}</title>
                      <text x={6} y={y} dominantBaseline="middle">
                        {r}
                      </text>
                      {isRp && (
                        <g transform={`translate(${10 + r.length * charW * 1.3},${y})`}>
                          <rect className="pim-rp-badge" x={0} y={-9} width={26} height={18} rx={4} />
                          <text x={13} y={0} dominantBaseline="middle" textAnchor="middle">
                            RP
                          </text>
                        </g>
                      )}
                    </g>
                  );
                })}
                <text className="pim-axis-name" x={LEFT - 6} y={TOP + plotH + 16} textAnchor="end">
                  {t.control.time}
                </text>
              </svg>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling panel must be reachable by keyboard to scroll it (axe: scrollable-region-focusable). */}
              <div className="pim-control-scroll" ref={box} tabIndex={0}>
                {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing whose arrows are buttons; a fieldset cannot live inside SVG. */}
                <svg
                  width={width}
                  height={height}
                  viewBox={`0 0 ${width} ${height}`}
                  role="group"
                  aria-label={summary}
                  data-testid="pim-control-svg"
                >
                  <g className="pim-breaks">
                    {scale.spans
                      .filter((s) => !s.active)
                      .map((s) => (
                        <g key={`${s.t0}-${s.t1}`}>
                          <title>{fill(t.control.quiet, { t0: s.t0, t1: s.t1 })}</title>
                          <rect
                            className="pim-break"
                            x={xOf(s.t0)}
                            y={TOP}
                            width={s.x1 - s.x0}
                            height={plotH}
                          />
                          <text
                            className="pim-break-mark"
                            x={PAD + (s.x0 + s.x1) / 2}
                            y={TOP + plotH + 16}
                            textAnchor="middle"
                          >
                            ≈
                          </text>
                        </g>
                      ))}
                  </g>
                  <g className="pim-lanes">
                    {lanes.map((r) => (
                      <line
                        key={r}
                        className={r === rp ? 'rp' : undefined}
                        x1={0}
                        y1={laneY(r)}
                        x2={width - RIGHT}
                        y2={laneY(r)}
                      />
                    ))}
                  </g>
                  <g className="pim-axis" transform={`translate(0,${TOP + plotH})`}>
                    <line x1={0} y1={0} x2={width - RIGHT} y2={0} />
                    {ticks.map((k) => (
                      <g key={`${k.t}-${k.x}`} transform={`translate(${PAD + k.x},0)`}>
                        <line y1={0} y2={4} />
                        <text y={16} textAnchor={k.anchor}>
                          {k.t}
                        </text>
                      </g>
                    ))}
                  </g>
                  <g className="pim-arrows">
                    {arrows.map((a) => {
                      const ph = arrowPhase(a, cursor, now);
                      if (ph.phase === 'future') return null;
                      const y1 = laneY(a.from);
                      const y2 = lanes.includes(a.to) ? laneY(a.to) : y1 + laneH / 2;
                      return (
                        <ArrowMark
                          key={a.id}
                          a={a}
                          x1={xOf(a.sentAt)}
                          y1={y1}
                          x2={xOf(a.arriveAt)}
                          y2={y2}
                          f={ph.phase === 'done' ? 1 : ph.f}
                          selected={a.id === selected}
                          label={a.label}
                          short={t.kind[a.kind]}
                          name={arrowName(t, a)}
                          charW={charW}
                          onSelect={(id) => setSelected(id === selected ? null : id)}
                        />
                      );
                    })}
                  </g>
                  <g className="pim-now" transform={`translate(${nowX},0)`}>
                    <line y1={TOP - 4} y2={TOP + plotH} />
                    <text y={TOP - 8} textAnchor={nowX > width - 40 ? 'end' : 'middle'}>
                      t={now}
                    </text>
                  </g>
                </svg>
              </div>
            </div>
            {selectedArrow && (
              <MessageDetails
                arrow={selectedArrow}
                phase={arrowPhase(selectedArrow, cursor, now).phase}
                onClose={() => setSelected(null)}
              />
            )}
          </div>
        </>
      )}
      {shown.length > 0 && (
        <details className="pim-twin">
          <summary>{t.control.table}</summary>
          <table className="nl-table" data-testid="pim-control-table">
            <thead>
              <tr>
                <th scope="col">{t.control.sent}</th>
                <th scope="col">{t.control.arrives}</th>
                <th scope="col">{t.control.from}</th>
                <th scope="col">{t.control.to}</th>
                <th scope="col">{t.control.message}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id} data-row={a.id}>
                  <td>{a.sentAt}</td>
                  <td>{a.lost ? fill(t.msg.lost, { why: a.lost }) : a.arriveAt}</td>
                  <td>{a.from}</td>
                  <td>{a.to}</td>
                  <td>{a.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
