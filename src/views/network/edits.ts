import { type Bilingual, bi } from '../../protocols/address/text';
import type { NetworkScenario } from '../../scenarios/schema';
import { validateScenario } from '../../scenarios/validate';
import { linkId } from './layout';

/**
 * Topology edits of the network lab (issue 4 §1): add or remove hosts, routers, LANs and links,
 * change a link's latency, move a node. Each is a pure function `scenario → outcome`; the view
 * hands a successful outcome's scenario to `store.edit`, so it re-simulates, is undoable and the
 * URL follows (ARCHITECTURE.md: an intervention is an edit to the scenario). An edit that would
 * make an impossible topology is refused with a message in both languages, and the scenario the
 * student built stays as it was.
 */

export type NodeKind = 'host' | 'router' | 'lan';

export type EditOutcome =
  | { ok: true; scenario: NetworkScenario; note?: Bilingual }
  | { ok: false; problem: Bilingual };

type Topology = NetworkScenario['topology'];
type Action = NetworkScenario['actions'][number];

const ID = /^[A-Za-z][A-Za-z0-9_.-]{0,15}$/;
const MIN_LATENCY = 1;
const MAX_LATENCY = 1000;
/** The schema's coordinate range: positions are kept inside it. */
const COORD = 10_000;

const refuse = (en: string, zh: string): EditOutcome => ({ ok: false, problem: bi(en, zh) });

function kindOf(t: Topology, id: string): NodeKind | null {
  if (t.hosts.some((h) => h.id === id)) return 'host';
  if (t.routers.some((r) => r.id === id)) return 'router';
  if (t.lans.some((l) => l.id === id)) return 'lan';
  return null;
}

/** Every node id of the topology, LANs first (the order the view lists them in). */
export function nodeIds(t: Topology): { id: string; kind: NodeKind }[] {
  return [
    ...t.lans.map((l) => ({ id: l.id, kind: 'lan' as const })),
    ...t.routers.map((r) => ({ id: r.id, kind: 'router' as const })),
    ...t.hosts.map((h) => ({ id: h.id, kind: 'host' as const })),
  ];
}

const PREFIX: Record<NodeKind, string> = { host: 'H', router: 'R', lan: 'L' };

/** The first unused id of a kind: H1, H2, … (ids are unique across hosts, routers, LANs and groups). */
export function freshId(s: NetworkScenario, kind: NodeKind): string {
  const used = new Set<string>([
    ...nodeIds(s.topology).map((n) => n.id),
    ...s.groups.map((g) => g.id),
    ...s.anycast.map((a) => a.id),
  ]);
  let n = 1;
  while (used.has(`${PREFIX[kind]}${n}`)) n++;
  return `${PREFIX[kind]}${n}`;
}

/** The first /24 of 10.0.0.0/8 no LAN uses yet, for a new LAN. */
export function freshSubnet(s: NetworkScenario): string {
  const used = new Set(s.topology.lans.map((l) => l.subnet));
  for (let a = 0; a < 256; a++)
    for (let b = 0; b < 256; b++) {
      const net = `10.${a}.${b}.0/24`;
      if (!used.has(net)) return net;
    }
  return '10.255.255.0/24';
}

/** Run the scenario validator on an edited scenario; its first complaint becomes the refusal. */
export function checked(next: NetworkScenario, note?: Bilingual): EditOutcome {
  const v = validateScenario(next);
  if (!v.ok) {
    const e = v.errors[0]!;
    return refuse(
      `This change would make the scenario invalid: ${e.path}: ${e.message}.`,
      `此修改会使场景无效：${e.path}：${e.zh}。`,
    );
  }
  return { ok: true, scenario: v.value as NetworkScenario, ...(note ? { note } : {}) };
}

function badLatency(latency: number): EditOutcome | null {
  return Number.isInteger(latency) && latency >= MIN_LATENCY && latency <= MAX_LATENCY
    ? null
    : refuse(
        `A link's latency is a whole number of ticks from ${MIN_LATENCY} to ${MAX_LATENCY}.`,
        `链路时延是 ${MIN_LATENCY} 到 ${MAX_LATENCY} 之间的整数个时钟单位。`,
      );
}

function badNewId(s: NetworkScenario, id: string): EditOutcome | null {
  if (!ID.test(id))
    return refuse(
      `"${id}" is not an id: a letter, then up to 15 letters, digits, "_", "." or "-".`,
      `“${id}”不是合法的标识：以字母开头，后接最多 15 个字母、数字、“_”、“.”或“-”。`,
    );
  if (kindOf(s.topology, id) || s.groups.some((g) => g.id === id) || s.anycast.some((a) => a.id === id))
    return refuse(`There is already something called ${id}.`, `已经有名为 ${id} 的对象。`);
  return null;
}

/** Why a link between a and b cannot exist (the rules of topologyProblems, said for an editor). */
function badLink(t: Topology, a: string, b: string): EditOutcome | null {
  const ka = kindOf(t, a);
  const kb = kindOf(t, b);
  if (!ka) return refuse(`There is no node called ${a}.`, `没有名为 ${a} 的节点。`);
  if (!kb) return refuse(`There is no node called ${b}.`, `没有名为 ${b} 的节点。`);
  if (a === b)
    return refuse(
      `A link joins two different nodes, not ${a} to itself.`,
      `链路连接两个不同的节点，不能把 ${a} 连到自身。`,
    );
  if (ka === 'lan' && kb === 'lan')
    return refuse(
      'Two LANs cannot be joined directly (bridges are not modelled): connect them through a router.',
      '两个局域网不能直接相连（不模拟网桥）：请通过路由器连接。',
    );
  if ((ka === 'host' && kb !== 'lan') || (kb === 'host' && ka !== 'lan'))
    return refuse(
      'A host attaches to a LAN, not to a router or another host.',
      '主机只能连接到局域网，不能连接到路由器或其他主机。',
    );
  if (t.links.some((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a)))
    return refuse(`${a} and ${b} are already joined by a link.`, `${a} 和 ${b} 之间已经有一条链路。`);
  const host = ka === 'host' ? a : kb === 'host' ? b : null;
  const on = host ? t.links.find((l) => l.a === host || l.b === host) : undefined;
  if (host && on) {
    const lan = on.a === host ? on.b : on.a;
    return refuse(
      `${host} is already on LAN ${lan}: a host sits on one LAN. Remove that link first.`,
      `${host} 已经在局域网 ${lan} 上：一台主机只能在一个局域网上。请先删除那条链路。`,
    );
  }
  return null;
}

/** A free spot near (x, y) in scenario coordinates, stepping around so new nodes do not pile up. */
function spotNear(t: Topology, x: number, y: number, gap: number): { x: number; y: number } {
  const taken = [...t.lans, ...t.routers, ...t.hosts];
  const clamp = (v: number) => Math.max(-COORD, Math.min(COORD, v));
  for (let ring = 1; ring < 12; ring++)
    for (const [dx, dy] of [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ] as const) {
      const p = { x: clamp(x + dx * ring * gap), y: clamp(y + dy * ring * gap) };
      if (taken.every((n) => Math.hypot(n.x - p.x, n.y - p.y) >= gap * 0.75)) return p;
    }
  return { x: clamp(x + gap), y: clamp(y + gap) };
}

/** The typical distance between nodes, so a new node lands at the drawing's own scale. */
function scale(t: Topology): number {
  const d = t.links
    .map((l) => {
      const all = [...t.lans, ...t.routers, ...t.hosts];
      const a = all.find((n) => n.id === l.a);
      const b = all.find((n) => n.id === l.b);
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    })
    .filter((v) => v > 0)
    .sort((p, q) => p - q);
  return d.length ? d[Math.floor(d.length / 2)]! : 80;
}

function centre(t: Topology): { x: number; y: number } {
  const all = [...t.lans, ...t.routers, ...t.hosts];
  if (all.length === 0) return { x: 0, y: 0 };
  return {
    x: all.reduce((m, n) => m + n.x, 0) / all.length,
    y: all.reduce((m, n) => m + n.y, 0) / all.length,
  };
}

export interface AddNode {
  kind: NodeKind;
  /** Default: a fresh id (`freshId`). */
  id?: string;
  /** A host must name its LAN; a router may be linked to a LAN or router at once. */
  attachTo?: string;
  latency?: number;
}

/** Add a host (on a LAN), a router (optionally linked) or a LAN (with a fresh /24), placed near what it joins. */
export function addNode(s: NetworkScenario, a: AddNode): EditOutcome {
  const id = a.id?.trim() || freshId(s, a.kind);
  const t = s.topology;
  const latency = a.latency ?? 1;
  const bad = badNewId(s, id) ?? (a.attachTo !== undefined ? badLatency(latency) : null);
  if (bad) return bad;
  if (a.kind === 'host' && a.attachTo === undefined)
    return refuse('A host needs a LAN to sit on: choose one.', '主机需要所在的局域网：请选择一个。');
  const anchor =
    a.attachTo !== undefined
      ? [...t.lans, ...t.routers, ...t.hosts].find((n) => n.id === a.attachTo)
      : undefined;
  if (a.attachTo !== undefined && !anchor)
    return refuse(`There is no node called ${a.attachTo}.`, `没有名为 ${a.attachTo} 的节点。`);
  const gap = scale(t);
  const near = anchor ?? centre(t);
  const at = spotNear(t, near.x, near.y, a.kind === 'host' ? gap * 0.6 : gap);
  const topology: Topology =
    a.kind === 'host'
      ? { ...t, hosts: [...t.hosts, { id, ...at }] }
      : a.kind === 'router'
        ? { ...t, routers: [...t.routers, { id, ...at }] }
        : { ...t, lans: [...t.lans, { id, subnet: freshSubnet(s), ...at }] };
  if (a.attachTo !== undefined) {
    const linkBad = badLink(topology, id, a.attachTo);
    if (linkBad) return linkBad;
    return checked({
      ...s,
      topology: { ...topology, links: [...t.links, { a: id, b: a.attachTo, latency }] },
    });
  }
  return checked({ ...s, topology });
}

/** Join two nodes with a link of the given latency (host–LAN, router–LAN or router–router). */
export function addLink(s: NetworkScenario, a: string, b: string, latency: number): EditOutcome {
  const bad = badLatency(latency) ?? badLink(s.topology, a, b);
  if (bad) return bad;
  return checked({ ...s, topology: { ...s.topology, links: [...s.topology.links, { a, b, latency }] } });
}

/** Set one link's latency (what a copy takes to cross it). */
export function setLatency(s: NetworkScenario, id: string, latency: number): EditOutcome {
  const bad = badLatency(latency);
  if (bad) return bad;
  if (!s.topology.links.some((l) => linkId(l) === id))
    return refuse(`There is no link called ${id}.`, `没有名为 ${id} 的链路。`);
  return checked({
    ...s,
    topology: {
      ...s.topology,
      links: s.topology.links.map((l) => (linkId(l) === id ? { ...l, latency } : l)),
    },
  });
}

/** Remove one link; a host's only link cannot go (a host sits on a LAN): remove the host instead. */
export function removeLink(s: NetworkScenario, id: string): EditOutcome {
  const link = s.topology.links.find((l) => linkId(l) === id);
  if (!link) return refuse(`There is no link called ${id}.`, `没有名为 ${id} 的链路。`);
  const host = [link.a, link.b].find((n) => kindOf(s.topology, n) === 'host');
  if (host)
    return refuse(
      `${id} is how ${host} sits on its LAN: a host must be on one LAN. Remove ${host} instead.`,
      `${id} 是 ${host} 接入其局域网的链路：主机必须在一个局域网上。请改为删除 ${host}。`,
    );
  return checked({
    ...s,
    topology: { ...s.topology, links: s.topology.links.filter((l) => l !== link) },
  });
}

/** Does an action name this node (as sender, receiver, joining host, or a directed broadcast's LAN)? */
function actionUses(a: Action, id: string): boolean {
  switch (a.type) {
    case 'send':
      return a.from === id || a.to === id || a.lan === id;
    case 'join':
    case 'leave':
      return a.host === id;
    case 'stream':
      return a.from === id;
    case 'igmp-raw':
      return a.node === id;
  }
}

/**
 * Remove a node and its links. What else names it goes with it — the actions it takes part in,
 * its group memberships and anycast replicas — and the note says so (Undo brings them back).
 * Refused when the rest could not stand without it: a LAN with hosts on it, the rendezvous
 * point, a group's coordinator.
 */
export function removeNode(s: NetworkScenario, id: string): EditOutcome {
  const t = s.topology;
  const kind = kindOf(t, id);
  if (!kind) return refuse(`There is no node called ${id}.`, `没有名为 ${id} 的节点。`);
  if (kind === 'lan') {
    const hosts = t.links
      .filter((l) => l.a === id || l.b === id)
      .map((l) => (l.a === id ? l.b : l.a))
      .filter((n) => kindOf(t, n) === 'host');
    if (hosts.length)
      return refuse(
        `${hosts.join(', ')} ${hosts.length === 1 ? 'sits' : 'sit'} on ${id}: remove ${hosts.length === 1 ? 'it' : 'them'} first, or ${hosts.length === 1 ? 'it' : 'they'} would be on no LAN.`,
        `${hosts.join('、')} 在 ${id} 上：请先删除它们，否则它们将不在任何局域网上。`,
      );
  }
  if (s.pim?.rp === id)
    return refuse(
      `${id} is the rendezvous point of PIM sparse mode: it cannot be removed.`,
      `${id} 是 PIM 稀疏模式的汇聚点（RP）：不能删除。`,
    );
  const coordinated = s.groups.find(
    (g) => g.coordinator === id || g.subgroups?.some((sub) => sub.coordinator === id),
  );
  if (coordinated)
    return refuse(
      `${id} coordinates group ${coordinated.id}: it cannot be removed.`,
      `${id} 是组 ${coordinated.id} 的协调者：不能删除。`,
    );
  const links = t.links.filter((l) => l.a !== id && l.b !== id);
  const anycast = s.anycast
    .map((a) => ({ ...a, replicas: a.replicas.filter((r) => r !== id) }))
    .filter((a) => a.replicas.length > 0);
  // Removing the last replica of an anycast service removes the service, and so the sends to it.
  const services = new Set(anycast.map((a) => a.id));
  const actions = s.actions.filter(
    (a) => !actionUses(a, id) && (a.type !== 'send' || a.anycast === undefined || services.has(a.anycast)),
  );
  const dropped = s.actions.length - actions.length;
  const memberships = s.groups.filter((g) => g.members.includes(id)).length;
  const next: NetworkScenario = {
    ...s,
    topology: {
      lans: t.lans.filter((n) => n.id !== id),
      routers: t.routers.filter((n) => n.id !== id),
      hosts: t.hosts.filter((n) => n.id !== id),
      links,
    },
    groups: s.groups.map((g) =>
      g.members.includes(id) || g.subgroups
        ? {
            ...g,
            members: g.members.filter((m) => m !== id),
            ...(g.subgroups
              ? {
                  subgroups: g.subgroups.map((sub) => ({
                    ...sub,
                    members: sub.members.filter((m) => m !== id),
                  })),
                }
              : {}),
          }
        : g,
    ),
    anycast,
    actions,
    ...(s.pim?.preference && id in s.pim.preference
      ? {
          pim: {
            ...s.pim,
            preference: Object.fromEntries(Object.entries(s.pim.preference).filter(([r]) => r !== id)),
          },
        }
      : {}),
  };
  const removedLinks = t.links.length - links.length;
  const note =
    dropped + memberships > 0
      ? bi(
          `Removed ${id}, ${removedLinks} link(s), ${dropped} action(s) and ${memberships} group membership(s) that named it. Undo brings them back.`,
          `已删除 ${id}、${removedLinks} 条链路、${dropped} 个动作和 ${memberships} 个组成员关系。撤销可恢复。`,
        )
      : undefined;
  return checked(next, note);
}

/** Move a node to (x, y) in scenario coordinates (drag, or the position fields). */
export function moveNode(s: NetworkScenario, id: string, x: number, y: number): EditOutcome {
  if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > COORD || Math.abs(y) > COORD)
    return refuse(
      `A position is a number from −${COORD} to ${COORD}.`,
      `位置坐标是 −${COORD} 到 ${COORD} 之间的数。`,
    );
  const kind = kindOf(s.topology, id);
  if (!kind) return refuse(`There is no node called ${id}.`, `没有名为 ${id} 的节点。`);
  // One decimal is finer than a pixel at any zoom and keeps the share link short.
  const p = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  const t = s.topology;
  const move = <N extends { id: string; x: number; y: number }>(list: N[]) =>
    list.map((n) => (n.id === id ? { ...n, ...p } : n));
  const topology =
    kind === 'host'
      ? { ...t, hosts: move(t.hosts) }
      : kind === 'router'
        ? { ...t, routers: move(t.routers) }
        : { ...t, lans: move(t.lans) };
  return checked({ ...s, topology });
}

/** The most ticks a packet may be held back by one edit. */
export const MAX_DELAY = 1000;

/** The scenario's interventions with `copy`'s replaced by `edit`: one edit per copy, the latest. */
const withIntervention = (
  s: NetworkScenario,
  edit: NetworkScenario['interventions'][number],
): NetworkScenario => ({
  ...s,
  interventions: [...s.interventions.filter((i) => i.copy !== edit.copy), edit],
});

/** The network loses this copy (an intervention `{copy, drop}`, as in the process lab's copy menu). */
export function dropCopy(s: NetworkScenario, copy: string): EditOutcome {
  return checked(withIntervention(s, { copy, drop: true }));
}

/**
 * The copy arrives `ticks` later than it is now due at `arriveAt` (an intervention
 * `{copy, deliverAt}`); a second delay of the same copy replaces the first.
 */
export function delayCopy(s: NetworkScenario, copy: string, arriveAt: number, ticks: number): EditOutcome {
  if (!Number.isInteger(ticks) || ticks < 1 || ticks > MAX_DELAY)
    return refuse(
      `A delay is a whole number of ticks from 1 to ${MAX_DELAY}.`,
      `延迟须是 1 到 ${MAX_DELAY} 之间的整数个时钟单位。`,
    );
  return checked(withIntervention(s, { copy, deliverAt: arriveAt + ticks }));
}
