import type { Tx } from '../text';
import type { FaultModel } from './faults';
import type { Geometry } from './geometry';

interface FaultLayerProps {
  fm: FaultModel;
  geo: Geometry;
  /** Events shown (the cursor) and the time they reach: a fault the run has not reached yet is drawn faded. */
  cursor: number;
  tNow: number;
  gap: number;
  t: Tx;
}

/**
 * Failures on the space-time diagram (lecture, "Failure considerations"): a crash is a bold X
 * and its lane dashed until the restart (↻); an omission or byzantine window is a band on the
 * lane; a partition shades each lane by its sub-group between partition and heal; a view change
 * is a vertical marker with the view's id and members. Faults ahead of the cursor are drawn
 * faded, like the copies not sent yet, so a fault just injected ahead shows where it will strike.
 * Decoration only: the event log is its text twin.
 */
export function FaultLayer({ fm, geo, cursor, tNow, gap, t }: FaultLayerProps) {
  const y = new Map(geo.lanes.map((l) => [l.node, l.y]));
  const right = geo.plotRight + 8;
  const clampX = (time: number) => Math.max(geo.plotLeft - 8, Math.min(right, geo.x(time)));
  const phase = (step: number) => (step < cursor ? 'past' : 'future');
  /** Where a fault's span ends on screen: its end once reached, else the cursor (or, ahead of the cursor, the end it will have). */
  const until = (step0: number, t1: number | null, step1: number | null) => {
    if (step0 >= cursor) return t1 !== null ? clampX(t1) : right;
    return clampX(t1 !== null && (step1 === null || step1 < cursor) ? t1 : Math.max(tNow, 0));
  };
  const top = 22;
  const bottom = geo.height - 20;
  const x = 12;
  return (
    <g className="mv-faults">
      {fm.partitions.map((p) => {
        const x0 = clampX(p.t0);
        const x1 = until(p.step0, p.t1, p.step1);
        const healed = p.t1 !== null && p.step1 !== null;
        const healShown = healed && (p.step0 >= cursor || (p.step1 as number) < cursor);
        return (
          <g key={`p${p.step0}`} className={`mv-partition ${phase(p.step0)}`}>
            {p.groups.flatMap((grp, i) =>
              grp.map((n) => {
                const ly = y.get(n);
                return ly === undefined ? null : (
                  <rect
                    key={n}
                    className={`mv-part-band g${i % 4}`}
                    x={x0}
                    y={ly - gap * 0.42}
                    width={Math.max(0, x1 - x0)}
                    height={gap * 0.84}
                  />
                );
              }),
            )}
            <line className="mv-part-edge" x1={x0} x2={x0} y1={top} y2={bottom} />
            <text className="mv-fault-label" x={x0 + 4} y={top + 10}>
              {t('diagram.fault.partition', { groups: p.groups.map((g) => g.join(',')).join(' | ') })}
            </text>
            {healShown && (
              <>
                <line className="mv-part-edge heal" x1={x1} x2={x1} y1={top} y2={bottom} />
                <text className="mv-fault-label" x={x1 + 4} y={bottom - 4}>
                  {t('diagram.fault.heal')}
                </text>
              </>
            )}
          </g>
        );
      })}
      {fm.omissions.map((o) => {
        const ly = y.get(o.node);
        if (ly === undefined) return null;
        const x0 = clampX(o.t0);
        const x1 = o.copy !== null ? x0 + 10 : until(o.step0, o.t1, null);
        const dy = o.dir === 'send' ? -9 : 3;
        return (
          <g key={`o${o.step0}`} className={`mv-omission ${o.dir} ${phase(o.step0)}`}>
            <rect x={x0} y={ly + dy} width={Math.max(2, x1 - x0)} height={6} />
            <text className="mv-fault-label" x={x0 + 2} y={o.dir === 'send' ? ly - 12 : ly + 20}>
              {t(o.dir === 'send' ? 'diagram.fault.sendOmission' : 'diagram.fault.receiveOmission')}
            </text>
          </g>
        );
      })}
      {fm.byzantine.map((b) => {
        const ly = y.get(b.node);
        if (ly === undefined) return null;
        const x0 = clampX(b.t0);
        const x1 = until(b.step0, b.t1, null);
        return (
          <g key={`b${b.step0}`} className={`mv-byzantine ${b.mode} ${phase(b.step0)}`}>
            <rect x={x0} y={ly - 3} width={Math.max(2, x1 - x0)} height={6} />
            <text className="mv-fault-label" x={x0 + 2} y={ly + 20}>
              {t(
                b.mode === 'corrupt' ? 'diagram.fault.byzantineCorrupt' : 'diagram.fault.byzantineEquivocate',
              )}
              {b.msg !== null ? ` (${b.msg})` : ''}
            </text>
          </g>
        );
      })}
      {fm.outages.map((o) => {
        const ly = y.get(o.node);
        if (ly === undefined) return null;
        const x0 = clampX(o.t0);
        const x1 = until(o.step0, o.t1, o.step1);
        const restarted = o.t1 !== null && o.step1 !== null && (o.step0 >= cursor || o.step1 < cursor);
        return (
          <g key={`c${o.step0}`} className={`mv-outage ${phase(o.step0)}`} data-node={o.node}>
            <line className="mv-down" x1={x0} x2={x1} y1={ly} y2={ly} />
            <path
              className="mv-crash"
              d={`M${x0 - x},${ly - x}L${x0 + x},${ly + x}M${x0 - x},${ly + x}L${x0 + x},${ly - x}`}
            />
            <text className="mv-fault-label crash" x={x0 + x + 3} y={ly - x + 2}>
              {t('diagram.fault.crash')}
            </text>
            {restarted && (
              <g className="mv-restart">
                <circle cx={x1} cy={ly} r={7} />
                <text x={x1} y={ly} textAnchor="middle" dominantBaseline="central">
                  ↻
                </text>
                <text className="mv-fault-label" x={x1 + 10} y={ly - 9}>
                  {t(o.log ? 'diagram.fault.restart' : 'diagram.fault.restartNoLog')}
                </text>
              </g>
            )}
          </g>
        );
      })}
      {fm.views
        .filter((v) => v.step < cursor && v.t > 0)
        .map((v) => {
          const vx = clampX(v.t);
          return (
            <g key={`v${v.id}`} className="mv-view">
              <line x1={vx} x2={vx} y1={top} y2={bottom} />
              <text className="mv-fault-label" x={vx + 4} y={bottom + 12}>
                {t('diagram.fault.view', { id: v.id, members: v.members.join(',') })}
              </text>
            </g>
          );
        })}
    </g>
  );
}
