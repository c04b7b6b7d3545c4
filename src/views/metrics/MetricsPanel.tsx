import { scaleBand, scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReliabilityMetrics, reliabilityMetrics } from '../../protocols/reliability/metrics';
import { useLab } from '../../store/react';
import type { Tx } from '../text';
import { compareSettingsMemo, type SettingRow } from './compare';
import { type ImplosionPoint, implosionSeriesMemo } from './implosion';

const W = 300;
const H = 110;
const M = { left: 26, right: 6, top: 8, bottom: 20 };

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** The columns of the comparison, each a number read from a run's metrics. */
const COLUMNS: { key: string; value(m: ReliabilityMetrics): string }[] = [
  { key: 'messages', value: (m) => String(m.messages) },
  { key: 'acks', value: (m) => String(m.acks) },
  { key: 'nacks', value: (m) => String(m.nacks) },
  { key: 'retransmissions', value: (m) => String(m.retransmissions) },
  { key: 'deliveries', value: (m) => String(m.deliveries) },
  { key: 'latency', value: (m) => (m.latency ? fmt(m.latency.mean) : '–') },
  { key: 'buffer', value: (m) => String(m.peakBuffer.size) },
];

/** A bar chart of counts, with a text twin; the bar `mark` is drawn emphasised. */
function Bars({ data, label, mark }: { data: { x: number; y: number }[]; label: string; mark?: number }) {
  const xs = data.map((d) => d.x);
  const x = scaleBand<number>()
    .domain(xs)
    .range([M.left, W - M.right])
    .padding(0.2);
  const peak = Math.max(1, ...data.map((d) => d.y));
  const y = scaleLinear()
    .domain([0, peak])
    .range([H - M.bottom, M.top]);
  const every = Math.max(1, Math.ceil(xs.length / 9));
  return (
    <svg className="mv-metrics-chart" width="100%" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="mv-chart-axis" />
      {y.ticks(3).map((v) => (
        <text key={v} x={M.left - 4} y={y(v)} textAnchor="end" dominantBaseline="central">
          {v}
        </text>
      ))}
      {data.map((d, i) => (
        <g key={d.x}>
          <rect
            className={`mv-chart-bar${d.x === mark ? ' current' : ''}`}
            x={x(d.x)}
            y={y(d.y)}
            width={x.bandwidth()}
            height={H - M.bottom - y(d.y)}
          />
          {(i % every === 0 || d.x === mark) && (
            <text x={(x(d.x) ?? 0) + x.bandwidth() / 2} y={H - 6} textAnchor="middle">
              {d.x}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

function ImplosionChart({ points, size, t }: { points: ImplosionPoint[]; size: number; t: Tx }) {
  const mine = points.find((p) => p.size === size);
  return (
    <div className="mv-implosion" data-testid="implosion">
      <h4>{t('metrics.implosion')}</h4>
      <Bars
        data={points.map((p) => ({ x: p.size, y: p.acks }))}
        mark={size}
        label={t('metrics.implosionLabel', {
          from: points[0]?.size,
          to: points[points.length - 1]?.size,
          low: points[0]?.acks,
          high: points[points.length - 1]?.acks,
        })}
      />
      <p className="mv-muted">
        {mine ? t('metrics.implosionNote', { n: size, acks: mine.acks, peak: mine.peak }) : null}
      </p>
      <details>
        <summary>{t('metrics.table')}</summary>
        <table className="mv-metrics-table">
          <thead>
            <tr>
              <th scope="col">{t('metrics.groupSize')}</th>
              <th scope="col">{t('metrics.acksBack')}</th>
              <th scope="col">{t('metrics.peakBack')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.size}>
                <td>{p.size}</td>
                <td>{p.acks}</td>
                <td>{p.peak}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function Comparison({ rows, t }: { rows: SettingRow[]; t: Tx }) {
  return (
    <div className="mv-compare">
      <h4>{t('metrics.compare')}</h4>
      <table className="mv-metrics-table mv-compare-table" data-testid="metrics-compare">
        <caption className="mv-sr">{t('metrics.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metrics.setting')}</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                <abbr title={t(`metrics.${c.key}`)}>{t(`metrics.short.${c.key}`)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.current ? 'current' : undefined} data-setting={r.id}>
              <th scope="row">
                {t(`metrics.settings.${r.id}`, {
                  window: r.reliability.window,
                  scheme: t(`metrics.schemes.${r.reliability.scheme}`),
                })}
                {r.current && <span className="mv-sr"> ({t('metrics.thisRun')})</span>}
              </th>
              {r.metrics ? (
                COLUMNS.map((c) => (
                  <td key={c.key} data-col={c.key}>
                    {c.value(r.metrics as ReliabilityMetrics)}
                  </td>
                ))
              ) : (
                <td colSpan={COLUMNS.length} className="mv-muted" title={r.problem ?? undefined}>
                  {t('metrics.notApplicable')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mv-muted">{t('metrics.compareNote')}</p>
    </div>
  );
}

/**
 * What reliability cost (lecture, "Reliability of multicasts" and "Optimizing Acknowledgements"):
 * this run's messages, ACKs, NACKs, retransmissions, delivery latency and largest retransmission
 * buffer; the feedback implosion as ACKs back at the sender against group size; the same
 * schedule run under each setting side by side; and this run's ACK arrivals over time. Every
 * chart has a table as its text twin.
 */
export function MetricsPanel({ className }: { className?: string }) {
  const { t } = useTranslation('views');
  const tx = t as unknown as Tx;
  const trace = useLab((s) => s.trace);
  const scenario = useLab((s) => s.scenario);
  const m = useMemo(() => reliabilityMetrics(trace), [trace]);
  const process = scenario.lab === 'process' ? scenario : null;
  const rows = useMemo(() => (process ? compareSettingsMemo(process) : []), [process]);
  const points = useMemo(() => (process ? implosionSeriesMemo(process) : []), [process]);
  const list: [string, string][] = [
    ['messages', String(m.messages)],
    ['acks', m.piggybacked ? t('metrics.withPiggy', { n: m.acks, p: m.piggybacked }) : String(m.acks)],
    ['nacks', String(m.nacks)],
    ['control', String(m.control)],
    ['retransmissions', String(m.retransmissions)],
    ['giveups', String(m.giveups)],
    ['deliveries', String(m.deliveries)],
    [
      'latency',
      m.latency ? t('metrics.latencyValue', { mean: fmt(m.latency.mean), max: m.latency.max }) : '–',
    ],
    [
      'buffer',
      m.peakBuffer.node ? t('metrics.bufferValue', { n: m.peakBuffer.size, node: m.peakBuffer.node }) : '0',
    ],
  ];
  const data = m.acksPerTime;
  return (
    <section className={['mv-metrics', className].filter(Boolean).join(' ')} aria-label={t('metrics.title')}>
      <h3>{t('metrics.title')}</h3>
      <dl className="mv-metrics-list" data-testid="metrics">
        {list.map(([k, v]) => (
          <div key={k} data-metric={k}>
            <dt>{t(`metrics.${k}`)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {process && <ImplosionChart points={points} size={process.processes.length} t={tx} />}
      {process && <Comparison rows={rows} t={tx} />}
      <details className="mv-acks-time">
        <summary>{t('metrics.chart')}</summary>
        {data.length === 0 ? (
          <p className="mv-muted">{t('metrics.noAcks')}</p>
        ) : (
          <>
            <Bars
              data={data.map((d) => ({ x: d.time, y: d.count }))}
              label={t('metrics.chartLabel', { peak: m.peakAckRate, n: m.acks })}
            />
            <table className="mv-metrics-table">
              <thead>
                <tr>
                  <th scope="col">{t('metrics.time')}</th>
                  <th scope="col">{t('metrics.acksAt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.map((d) => (
                  <tr key={d.time}>
                    <td>{d.time}</td>
                    <td>{d.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </details>
    </section>
  );
}
