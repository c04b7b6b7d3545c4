import { useMemo } from 'react';
import { useLab } from '../../store/react';
import { GROUP_OPS, type GroupOp, groupEdit, groupProblem, membersAtTime } from './groupEdits';
import type { LaneSectionProps } from './LaneMenu';

/** What each primitive looks like in the menu. */
const ICONS: Record<GroupOp, string> = { join: '+', leave: '−', send: '→', query: '?' };

/**
 * The lane menu's "Group" section (lecture, "Groups": join_group, leave_group, send_to_group,
 * query_membership): the process calls a primitive at the menu's time. A member cannot join
 * again, nor a non-member leave (the membership layer would refuse it), so those are disabled
 * with the reason; a non-member may still send, and a closed group then refuses the message.
 */
export function GroupSection({ node, time, scenario, edit, t }: LaneSectionProps) {
  const trace = useLab((s) => s.trace);
  const members = useMemo(() => membersAtTime(scenario, trace, time), [scenario, trace, time]);
  const group = scenario.groups?.id ?? 'G';
  const member = members.has(node);
  const why = (op: GroupOp): string | null => {
    if (op === 'join' && member) return t('laneGroup.why.member', { node, group });
    if (op === 'leave' && !member) return t('laneGroup.why.notMember', { node, group });
    return groupProblem(scenario, { op, node, at: time });
  };
  return (
    <>
      <p className="mv-lane-note">
        {t(member ? 'laneGroup.isMember' : 'laneGroup.notMember', { node, group, time })}
      </p>
      {GROUP_OPS.map((op) => {
        const problem = why(op);
        return (
          <button
            key={op}
            type="button"
            disabled={problem !== null}
            onClick={() => edit(groupEdit({ op, node, at: time }))}
            data-testid={`lane-group-${op}`}
          >
            <span className="mv-menu-icon" aria-hidden="true">
              {ICONS[op]}
            </span>
            {t(`laneGroup.op.${op}`)}
            <small>{problem ?? t(`laneGroup.hint.${op}`, { node, group, time })}</small>
          </button>
        );
      })}
    </>
  );
}
