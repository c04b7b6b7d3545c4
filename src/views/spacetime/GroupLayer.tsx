import { memo } from 'react';
import type { Trace } from '../../sim/trace';
import type { Tx } from '../text';
import type { Geometry } from './geometry';
import { groupMarksFor } from './groupMarks';

interface GroupLayerProps {
  trace: Trace;
  geo: Geometry;
  /** Events shown (the cursor) and the time they reach: marks appear as the run reaches them. */
  cursor: number;
  tNow: number;
  gap: number;
  t: Tx;
}

/**
 * The group on the space-time diagram (lecture, "Groups"): a band under each lane while the
 * process is a member; a tick labelled with the view's number where each member installs a new
 * view, so a join or leave can be seen to fall at the same point of every member's stream; a
 * no-entry sign where a closed group refuses a non-member's message; and the members a
 * query_membership answer names, at the asker. Decoration only: the event log is its text twin.
 */
export const GroupLayer = memo(function GroupLayer({ trace, geo, cursor, tNow, gap, t }: GroupLayerProps) {
  const gm = groupMarksFor(trace);
  if (gm.installs.length === 0 && gm.refusals.length === 0 && gm.answers.length === 0) return null;
  const y = new Map(geo.lanes.map((l) => [l.node, l.y]));
  const clampX = (time: number) => Math.max(geo.plotLeft - 8, Math.min(geo.plotRight + 8, geo.x(time)));
  const tick = gap * 0.3;
  const r = 7;
  return (
    <g className="mv-group">
      {gm.bands
        .filter((b) => b.step0 < cursor && y.has(b.node))
        .map((b) => {
          const ly = y.get(b.node)!;
          const x0 = clampX(b.t0);
          const x1 = clampX(b.t1 !== null && b.step1 !== null && b.step1 < cursor ? b.t1 : tNow);
          return (
            <rect
              key={`b${b.step0}`}
              className="mv-member-band"
              x={x0}
              y={ly + 3}
              width={Math.max(0, x1 - x0)}
              height={4}
            />
          );
        })}
      {gm.installs
        .filter((v) => v.step < cursor && y.has(v.node))
        .map((v) => {
          const ly = y.get(v.node)!;
          const vx = clampX(v.t);
          return (
            <g key={`v${v.step}`} className="mv-view-install">
              <title>
                {t('diagram.group.install', { node: v.node, id: v.id, members: v.members.join(', ') })}
              </title>
              <line x1={vx} x2={vx} y1={ly - tick} y2={ly + tick} />
              <text x={vx + 3} y={ly - tick + 2}>
                {t('diagram.group.view', { id: v.id })}
              </text>
            </g>
          );
        })}
      {gm.refusals
        .filter((f) => f.step < cursor && y.has(f.node))
        .map((f) => {
          const ly = y.get(f.node)!;
          const fx = clampX(f.t);
          return (
            <g key={`r${f.step}`} className="mv-refused">
              <title>
                {t(`diagram.group.refused.${f.reason === 'closed-group' ? 'closed' : 'request'}`, {
                  node: f.node,
                  msg: f.msg,
                  from: f.from,
                })}
              </title>
              <circle cx={fx} cy={ly} r={r} />
              <line x1={fx - r * 0.6} x2={fx + r * 0.6} y1={ly} y2={ly} />
              <text x={fx + r + 3} y={ly + r + 10}>
                {t('diagram.group.refusedLabel', { msg: f.msg })}
              </text>
            </g>
          );
        })}
      {gm.answers
        .filter((a) => a.step < cursor && y.has(a.node))
        .map((a) => {
          const ly = y.get(a.node)!;
          const ax = clampX(a.t);
          return (
            <g key={`a${a.step}`} className="mv-members-answer">
              <title>
                {t('diagram.group.answer', { node: a.node, id: a.id, members: a.members.join(', ') })}
              </title>
              <text x={ax + 4} y={ly + 18}>
                {t('diagram.group.answerLabel', { id: a.id, members: a.members.join(',') })}
              </text>
            </g>
          );
        })}
    </g>
  );
});
