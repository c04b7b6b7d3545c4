import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import type { NetworkScenario } from '../../scenarios/schema';
import type { Trace } from '../../sim/trace';
import { useLab } from '../../store/react';
import { fill } from '../network/strings';
import { compareModes, type ModeComparison, type ModeFigures } from './compare';
import { type PimText, usePimText } from './strings';

/**
 * Dense vs sparse mode side by side on the scenario's own topology, source and receivers: a
 * table of the figures (its text twin) and a bar chart, one pair of bars per measure, each
 * measure on its own scale since they count different things.
 */
export interface ModeCompareProps {
  scenario: NetworkScenario;
  trace: Trace;
}

/** One extra simulation per scenario: a student flipping tabs or stepping does not pay again. */
const cache = new WeakMap<Trace, ModeComparison | null>();
function comparisonOf(scenario: NetworkScenario, trace: Trace): ModeComparison | null {
  if (!cache.has(trace)) cache.set(trace, compareModes(scenario, trace));
  return cache.get(trace) ?? null;
}

interface Row {
  key: string;
  label: string;
  dense: number | null;
  sparse: number | null;
}

/** The longest a new receiver waited, or null when none joined or one never got the stream. */
function worstWait(f: ModeFigures): number | null {
  if (f.receivers.length === 0 || f.receivers.some((r) => r.latency === null)) return null;
  return Math.max(...f.receivers.map((r) => r.latency!));
}

function rows(t: PimText, c: ModeComparison): Row[] {
  const out: Row[] = [
    { key: 'data', label: t.compare.dataCopies, dense: c.dense.dataCopies, sparse: c.sparse.dataCopies },
    {
      key: 'control',
      label: t.compare.control,
      dense: c.dense.controlMessages,
      sparse: c.sparse.controlMessages,
    },
    { key: 'state', label: t.compare.state, dense: c.dense.stateTotal, sparse: c.sparse.stateTotal },
  ];
  if (c.dense.receivers.length > 0)
    out.push({
      key: 'latency',
      label: t.compare.latency,
      dense: worstWait(c.dense),
      sparse: worstWait(c.sparse),
    });
  out.push({
    key: 'delivered',
    label: t.compare.delivered,
    dense: c.dense.delivered,
    sparse: c.sparse.delivered,
  });
  return out;
}

const W = 500;
const LABEL = 220;
const BAR = 13;

function Chart({ t, data, own }: { t: PimText; data: Row[]; own: 'dense' | 'sparse' }) {
  const rowH = 2 * BAR + 14;
  const h = data.length * rowH + 26;
  const num = (v: number | null) => (v === null ? t.compare.never : String(v));
  const summary = fill(t.compare.chartSummary, {
    rows: data
      .map((r) => fill(t.compare.chartRow, { metric: r.label, dense: num(r.dense), sparse: num(r.sparse) }))
      .join('; '),
  });
  return (
    <svg
      className="pim-chart"
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-label={`${t.compare.chart}. ${summary}`}
      data-testid="pim-compare-chart"
    >
      {data.map((r, i) => {
        const x = scaleLinear()
          .domain([0, Math.max(1, r.dense ?? 0, r.sparse ?? 0)])
          .range([0, W - LABEL - 46]);
        return (
          <g key={r.key} transform={`translate(0,${i * rowH})`}>
            <text
              x={LABEL - 8}
              y={BAR + 1}
              textAnchor="end"
              dominantBaseline="middle"
              className="pim-chart-label"
            >
              {r.label}
            </text>
            {(['dense', 'sparse'] as const).map((m, j) => {
              const v = r[m];
              return (
                <g key={m} transform={`translate(${LABEL},${j * BAR + 2})`}>
                  <rect className={`bar-${m}${m === own ? ' own' : ''}`} width={x(v ?? 0)} height={BAR - 2} />
                  <text
                    x={x(v ?? 0) + 4}
                    y={(BAR - 2) / 2}
                    dominantBaseline="middle"
                    className="pim-chart-num"
                  >
                    {num(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <g transform={`translate(${LABEL},${h - 10})`} className="pim-chart-key">
        <rect className="bar-dense" width={10} height={8} y={-7} />
        <text x={14}>{t.compare.dense}</text>
        <rect className="bar-sparse" x={120} width={10} height={8} y={-7} />
        <text x={134}>{t.compare.sparse}</text>
      </g>
    </svg>
  );
}

export function ModeCompare({ scenario, trace }: ModeCompareProps) {
  const t = usePimText();
  const lang = useLab((s) => s.lang);
  const c = useMemo(() => comparisonOf(scenario, trace), [scenario, trace]);
  if (!c || !scenario.pim) return <p>{t.compare.noPim}</p>;
  const own = scenario.pim.mode;
  const data = rows(t, c);
  const num = (v: number | null) => (v === null ? t.compare.never : String(v));
  const routers = [
    ...new Set([...Object.keys(c.dense.statePerRouter), ...Object.keys(c.sparse.statePerRouter)]),
  ].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const head = (m: 'dense' | 'sparse') => (
    <th scope="col" className={m === own ? 'own' : undefined}>
      {m === 'dense' ? t.compare.dense : t.compare.sparse}
      {m === own && <span className="nl-dim"> ({t.compare.thisRun})</span>}
    </th>
  );
  const kinds = (f: ModeFigures) =>
    Object.entries(f.controlByKind)
      .map(([k, n]) => `${(t.kind as Record<string, string>)[k] ?? k} ${n}`)
      .join(', ');
  return (
    <section
      className="pim-compare"
      aria-labelledby="pim-compare-title"
      data-testid="pim-compare"
      lang={lang}
    >
      <h2 id="pim-compare-title">{t.compare.title}</h2>
      <p className="pim-hint">{t.compare.caption}</p>
      {c.rp && (
        <p className="pim-hint">{fill(c.rpChosen ? t.compare.rpChosen : t.compare.rpOwn, { rp: c.rp })}</p>
      )}
      <div className="pim-compare-body">
        <div>
          <table className="nl-table" data-testid="pim-compare-table">
            <thead>
              <tr>
                <th scope="col">{t.compare.metric}</th>
                {head('dense')}
                {head('sparse')}
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={r.key} data-row={r.key}>
                  <th scope="row">{r.label}</th>
                  <td data-mode="dense">{num(r.dense)}</td>
                  <td data-mode="sparse">{num(r.sparse)}</td>
                </tr>
              ))}
              <tr data-row="kinds">
                <th scope="row">{t.compare.byKind}</th>
                <td className="nl-dim">{kinds(c.dense)}</td>
                <td className="nl-dim">{kinds(c.sparse)}</td>
              </tr>
              {c.dense.receivers.map((r) => {
                const s = c.sparse.receivers.find(
                  (x) => x.host === r.host && x.group === r.group && x.joinedAt === r.joinedAt,
                );
                return (
                  <tr key={`${r.host}|${r.group}|${r.joinedAt}`} data-row="receiver">
                    <th scope="row">
                      {fill(t.compare.receiver, { host: r.host, group: r.group, at: r.joinedAt })}
                    </th>
                    <td>{num(r.latency)}</td>
                    <td>{num(s?.latency ?? null)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {c.dense.receivers.length === 0 && <p className="pim-hint">{t.compare.noJoins}</p>}
        </div>
        <Chart t={t} data={data} own={own} />
      </div>
      <table className="nl-table pim-per-router" data-testid="pim-compare-routers">
        <caption>{t.compare.perRouter}</caption>
        <thead>
          <tr>
            <th scope="col">{t.compare.router}</th>
            {head('dense')}
            {head('sparse')}
          </tr>
        </thead>
        <tbody>
          {routers.map((r) => (
            <tr key={r} data-router={r}>
              <th scope="row">{r}</th>
              <td data-mode="dense">{c.dense.statePerRouter[r] ?? 0}</td>
              <td data-mode="sparse">{c.sparse.statePerRouter[r] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
