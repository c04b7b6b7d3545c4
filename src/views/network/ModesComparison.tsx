import { scaleBand, scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { type ModeStats, modeStats } from '../../protocols/net/stats';
import { MODE_INFO, type Mode } from '../../protocols/net/vocabulary';
import type { NetworkScenario } from '../../scenarios/schema';
import type { Trace } from '../../sim/trace';
import { useLab } from '../../store/react';
import { fill, useNetText } from './strings';

/**
 * The communication modes side by side (lecture, "Modes of communication"): for each message a
 * scenario sends, what the source sent, the link traversals it cost, copies per link, and the
 * hosts that received it or had to discard it — as a table and as a bar chart. Counted over the
 * whole run, so the numbers do not move with the cursor.
 */
export interface ModeRow extends ModeStats {
  mode: Mode;
}

/** The scenario's `send` messages with their statistics, in the order they were sent. */
export function modeRows(scenario: NetworkScenario, trace: Trace): ModeRow[] {
  const modeOf = new Map<string, Mode>();
  for (const a of scenario.actions) if (a.type === 'send') modeOf.set(a.msg, a.mode as Mode);
  return modeStats(trace)
    .filter((s) => modeOf.has(s.msg))
    .map((s) => ({ ...s, mode: modeOf.get(s.msg)! }));
}

/** A scenario compares modes when it sends in at least two different ones. */
export function comparesModes(scenario: NetworkScenario): boolean {
  return new Set(scenario.actions.flatMap((a) => (a.type === 'send' ? [a.mode] : []))).size >= 2;
}

const W = 520;
const BAR_H = 14;
const LEFT = 150;

export function ModesComparison({
  scenario,
  trace,
  highlight = [],
}: {
  scenario: NetworkScenario;
  trace: Trace;
  /** Messages a lesson step points at: their rows are marked. */
  highlight?: readonly string[];
}) {
  const t = useNetText();
  const lang = useLab((s) => s.lang);
  const rows = useMemo(() => modeRows(scenario, trace), [scenario, trace]);
  const name = (r: ModeRow) => MODE_INFO[r.mode]?.name[lang] ?? r.mode;
  const h = rows.length * (2 * BAR_H + 10) + 24;
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.msg))
    .range([0, h - 24])
    .paddingInner(0.2);
  const max = Math.max(
    1,
    ...rows.map((r) => Math.max(r.linkTraversals, r.discarded.length + r.filteredByCard.length)),
  );
  const x = scaleLinear()
    .domain([0, max])
    .range([0, W - LEFT - 40])
    .nice();
  const summary = fill(t.modes.chartSummary, {
    rows: rows
      .map((r) => fill(t.modes.chartRow, { mode: name(r), t: r.linkTraversals, d: r.discarded.length }))
      .join('; '),
  });
  return (
    <section className="nl-modes" aria-labelledby="nl-modes-title" data-testid="modes">
      <h2 id="nl-modes-title">{t.modes.title}</h2>
      <div className="nl-modes-body">
        <table className="nl-table" data-testid="modes-table">
          <caption>{t.modes.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.modes.mode}</th>
              <th scope="col" className="nl-col-detail">
                {t.modes.msg}
              </th>
              <th scope="col">{t.modes.sent}</th>
              <th scope="col">{t.modes.traversals}</th>
              <th scope="col" className="nl-col-detail">
                {t.modes.perLink}
              </th>
              <th scope="col">{t.modes.received}</th>
              <th scope="col">{t.modes.discarded}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.msg} data-msg={r.msg} className={highlight.includes(r.msg) ? 'hl' : undefined}>
                <th scope="row" title={MODE_INFO[r.mode]?.about[lang]}>
                  {name(r)}
                </th>
                <td className="nl-col-detail">{r.msg}</td>
                <td data-col="sent">{r.sentBySource}</td>
                <td data-col="traversals">{r.linkTraversals}</td>
                <td className="nl-perlink nl-col-detail">
                  {Object.entries(r.perLink).map(([l, n]) => (
                    <span key={l}>
                      {l}×{n}
                    </span>
                  ))}
                </td>
                <td data-col="received">
                  {r.received.length} <span className="nl-dim">{r.received.join(' ')}</span>
                </td>
                <td data-col="discarded">
                  {r.discarded.length} <span className="nl-dim">{r.discarded.join(' ')}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <svg
          className="nl-chart"
          viewBox={`0 0 ${W} ${h}`}
          role="img"
          aria-label={`${t.modes.chart}. ${summary}`}
        >
          {rows.map((r) => {
            const y0 = y(r.msg) ?? 0;
            return (
              <g key={r.msg} transform={`translate(0,${y0})`}>
                <text
                  x={LEFT - 8}
                  y={BAR_H}
                  textAnchor="end"
                  dominantBaseline="middle"
                  className="nl-chart-label"
                >
                  {name(r)}
                </text>
                <rect
                  className="bar-traversals"
                  x={LEFT}
                  y={2}
                  width={x(r.linkTraversals)}
                  height={BAR_H - 2}
                />
                <text
                  x={LEFT + x(r.linkTraversals) + 4}
                  y={BAR_H / 2 + 1}
                  dominantBaseline="middle"
                  className="nl-chart-num"
                >
                  {r.linkTraversals}
                </text>
                <rect
                  className="bar-discarded"
                  x={LEFT}
                  y={BAR_H + 1}
                  width={x(r.discarded.length)}
                  height={BAR_H - 2}
                />
                <text
                  x={LEFT + x(r.discarded.length) + 4}
                  y={BAR_H * 1.5}
                  dominantBaseline="middle"
                  className="nl-chart-num"
                >
                  {r.discarded.length}
                </text>
              </g>
            );
          })}
          <g transform={`translate(${LEFT},${h - 10})`} className="nl-chart-key">
            <rect className="bar-traversals" width={10} height={8} y={-7} />
            <text x={14}>{t.modes.traversals}</text>
            <rect className="bar-discarded" x={150} width={10} height={8} y={-7} />
            <text x={164}>{t.modes.discarded}</text>
          </g>
        </svg>
        <dl className="nl-mode-list" data-testid="mode-list">
          {[...new Set(rows.map((r) => r.mode))].map((m) => (
            <div key={m}>
              <dt>
                {MODE_INFO[m]?.name[lang] ?? m} <span className="nl-dim">{MODE_INFO[m]?.pattern[lang]}</span>
              </dt>
              <dd>{MODE_INFO[m]?.about[lang]}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
