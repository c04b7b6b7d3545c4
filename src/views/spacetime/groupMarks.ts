import type { Trace } from '../../sim/trace';

/**
 * What the diagram shows of a group (lecture, "Groups", "Design issues"), read from the trace's
 * `view`, `refused` and `membership` events alone: while each process is a member, where each
 * member installs each view (so a student sees a join or leave fall at the same point of every
 * member's message stream), which messages a closed group refused, and the answers to
 * query_membership.
 */

/** A stretch of a lane during which the process is a member, from installing a view with it to one without. */
export interface MemberBand {
  node: string;
  t0: number;
  step0: number;
  t1: number | null;
  step1: number | null;
}

/** A member installs a view (not the group's first view, which every member starts in). */
export interface ViewInstall {
  node: string;
  t: number;
  step: number;
  id: number;
  members: string[];
}

/**
 * A refusal: a closed group's member refuses a non-member's message (lecture: "Closed: only group
 * members can send messages"), or the membership layer refuses a join by a member or a leave by a
 * non-member.
 */
export interface Refusal {
  node: string;
  t: number;
  step: number;
  msg: string;
  from: string;
  /** `closed-group`, `already-member` or `not-member`. */
  reason: string;
}

/** The answer to query_membership: the members of a view, as the asker learns them. */
export interface MembershipAnswer {
  node: string;
  t: number;
  step: number;
  id: number;
  members: string[];
}

export interface GroupMarks {
  bands: MemberBand[];
  installs: ViewInstall[];
  refusals: Refusal[];
  answers: MembershipAnswer[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function groupMarks(trace: Trace): GroupMarks {
  const bands: MemberBand[] = [];
  const open = new Map<string, MemberBand>();
  const installs: ViewInstall[] = [];
  const refusals: Refusal[] = [];
  const answers: MembershipAnswer[] = [];
  for (const e of trace.events) {
    const d = e.detail ?? {};
    if (e.type === 'view' && typeof d.id === 'number') {
      const members = strings(d.members);
      if (d.initial !== true) installs.push({ node: e.node, t: e.time, step: e.step, id: d.id, members });
      const band = open.get(e.node);
      if (members.includes(e.node) && !band) {
        const b: MemberBand = { node: e.node, t0: e.time, step0: e.step, t1: null, step1: null };
        bands.push(b);
        open.set(e.node, b);
      } else if (!members.includes(e.node) && band) {
        band.t1 = e.time;
        band.step1 = e.step;
        open.delete(e.node);
      }
    } else if (e.type === 'refused' && e.msg !== undefined)
      refusals.push({
        node: e.node,
        t: e.time,
        step: e.step,
        msg: e.msg,
        from: e.from ?? e.node,
        reason: typeof d.reason === 'string' ? d.reason : '',
      });
    else if (e.type === 'membership' && typeof d.id === 'number')
      answers.push({ node: e.node, t: e.time, step: e.step, id: d.id, members: strings(d.members) });
  }
  return { bands, installs, refusals, answers };
}

const cache = new WeakMap<Trace, GroupMarks>();

/** One reading per trace: the diagram re-renders at every step, the trace changes only on an edit. */
export function groupMarksFor(trace: Trace): GroupMarks {
  let m = cache.get(trace);
  if (!m) {
    m = groupMarks(trace);
    cache.set(trace, m);
  }
  return m;
}
