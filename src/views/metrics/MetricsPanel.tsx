import { scaleBand, scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { reliabilityMetrics } from '../../protocols/reliability/metrics';
import { useLab } from '../../store/react';

const W = 300;
const H = 110;
const M = { left: 26, right: 6, top: 8, bottom: 20 };

/**
 * What the reliability setting cost in this run (lecture, "Optimizing Acknowledgements"):
 * messages, ACKs, NACKs, retransmissions, delivery latency and the largest retransmission
 * buffer, and a chart of ACKs reaching the senders per time unit, the feedback implosion,
 * with a table as its text twin.
 */
export function MetricsPanel({ className }: { className?: string }) {
  const { t } = useTranslation('views');
  const trace = useLab((s) => s.trace);
  const m = useMemo(() => reliabilityMetrics(trace), [trace]);
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  const rows: [string, string][] = [
    ['messages', String(m.messages)],
    ['acks', m.piggybacked ? t('metrics.withPiggy', { n: m.acks, p: m.piggybacked }) : String(m.acks)],
    ['nacks', String(m.nacks)],
    ['control', String(m.control)],
    ['retransmissions', String(m.retransmissions)],
    ['giveups', String(m.giveups)],
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
  const times = data.map((d) => d.time);
  const x = scaleBand<number>()
    .domain(times)
    .range([M.left, W - M.right])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(1, m.peakAckRate)])
    .range([H - M.bottom, M.top]);
  const every = Math.max(1, Math.ceil(times.length / 8));
  return (
    <section className={['mv-metrics', className].filter(Boolean).join(' ')} aria-label={t('metrics.title')}>
      <h3>{t('metrics.title')}</h3>
      <dl className="mv-metrics-list" data-testid="metrics">
        {rows.map(([k, v]) => (
          <div key={k} data-metric={k}>
            <dt>{t(`metrics.${k}`)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('metrics.chart')}</h4>
      {data.length === 0 ? (
        <p className="mv-muted">{t('metrics.noAcks')}</p>
      ) : (
        <>
          <svg
            className="mv-metrics-chart"
            width="100%"
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-label={t('metrics.chartLabel', { peak: m.peakAckRate, n: m.acks })}
          >
            <line
              x1={M.left}
              x2={W - M.right}
              y1={H - M.bottom}
              y2={H - M.bottom}
              className="mv-chart-axis"
            />
            {y.ticks(3).map((v) => (
              <text key={v} x={M.left - 4} y={y(v)} textAnchor="end" dominantBaseline="central">
                {v}
              </text>
            ))}
            {data.map((d, i) => (
              <g key={d.time}>
                <rect
                  className="mv-chart-bar"
                  x={x(d.time)}
                  y={y(d.count)}
                  width={x.bandwidth()}
                  height={H - M.bottom - y(d.count)}
                />
                {i % every === 0 && (
                  <text x={(x(d.time) ?? 0) + x.bandwidth() / 2} y={H - 6} textAnchor="middle">
                    {d.time}
                  </text>
                )}
              </g>
            ))}
          </svg>
          <details>
            <summary>{t('metrics.table')}</summary>
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
          </details>
        </>
      )}
    </section>
  );
}
