import type { EntryState, PimState } from './state';

/**
 * The outgoing interface lists, as RFC 3973 §4.1.3 and RFC 7761 §4.1.6 define them, computed
 * from a router's plain state: the router forwards by these and the tables show them.
 */

const sorted = (s: Iterable<string>) => [...new Set(s)].sort();

/** Interfaces with local members of the group (IGMP or static). */
export function localMembers(st: PimState, group: number): string[] {
  return st.members[String(group)] ?? [];
}

// ─── Dense mode (RFC 3973 §4.1.3) ─────────────────────────────────────────────────────────

/**
 * immediate_olist(S,G) = pim_nbrs (-) prunes(S,G) (+) pim_include(*,G) (-) lost_assert(S,G);
 * a Pruned interface still gets the data if it has local members; an Assert Loser never does.
 */
export function denseImmediateOlist(st: PimState, e: EntryState): string[] {
  const members = new Set(localMembers(st, e.group));
  const out: string[] = [];
  for (const i of st.ifaces) {
    const nbr = i.neighbours.length > 0 && e.down[i.link] !== 'Pruned';
    if (!nbr && !members.has(i.link)) continue;
    if (e.assert[i.link] === 'I am Assert Loser') continue;
    out.push(i.link);
  }
  return out;
}

/** olist(S,G) = immediate_olist(S,G) (-) RPF_interface(S). */
export function denseOlist(st: PimState, e: EntryState): string[] {
  const iif = st.rpf[e.source]?.iface ?? null;
  return denseImmediateOlist(st, e).filter((l) => l !== iif);
}

// ─── Sparse mode (RFC 7761 §4.1.6) ─────────────────────────────────────────────────────────

const joined = (s: string | undefined) => s === 'Join' || s === 'Prune-Pending';

/** joins(*,G) or joins(S,G): interfaces whose downstream machine is in Join or Prune-Pending. */
export function joins(e: EntryState | undefined): string[] {
  if (!e) return [];
  return sorted(
    Object.entries(e.down)
      .filter(([, s]) => joined(s))
      .map(([l]) => l),
  );
}

/** pim_include(*,G): the DR includes its LANs with local members. */
export function pimInclude(st: PimState, group: number): string[] {
  const dr = new Set(st.ifaces.filter((i) => i.dr).map((i) => i.link));
  return localMembers(st, group).filter((l) => dr.has(l));
}

/** immediate_olist(*,G) = joins(*,G) (+) pim_include(*,G). */
export function starImmediateOlist(st: PimState, star: EntryState | undefined, group: number): string[] {
  return sorted([...joins(star), ...pimInclude(st, group)]);
}

/** prunes(S,G,rpt): interfaces whose (S,G,rpt) downstream machine is in Prune (or PruneTmp). */
export function rptPrunes(sg: EntryState | undefined): string[] {
  if (!sg) return [];
  return Object.entries(sg.rptDown)
    .filter(([, s]) => s === 'Prune' || s === 'PruneTmp')
    .map(([l]) => l);
}

/** inherited_olist(S,G,rpt) = (joins(*,G) (-) prunes(S,G,rpt)) (+) pim_include(*,G). */
export function inheritedOlistRpt(
  st: PimState,
  star: EntryState | undefined,
  sg: EntryState | undefined,
  group: number,
): string[] {
  const pruned = new Set(rptPrunes(sg));
  return sorted([...joins(star).filter((l) => !pruned.has(l)), ...pimInclude(st, group)]);
}

/** inherited_olist(S,G) = inherited_olist(S,G,rpt) (+) joins(S,G). */
export function inheritedOlist(
  st: PimState,
  star: EntryState | undefined,
  sg: EntryState | undefined,
  group: number,
): string[] {
  return sorted([...inheritedOlistRpt(st, star, sg, group), ...joins(sg)]);
}
