import { type Bilingual, bi } from '../address/text';
import { components } from '../net/topology';
import type { World } from '../net/world';
import type { PimConfig } from './config';
import { rpf } from './rpf';

/**
 * What is wrong, or worth knowing, about a network before PIM runs on it: machine-readable codes
 * with the explanation in both languages, for the lab to show beside the topology rather than
 * leave a student with a silent or broken tree.
 */
export type DiagnosticCode = 'no-rp' | 'rp-unreachable' | 'source-disconnected' | 'equal-cost-rpf';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning' | 'info';
  text: Bilingual;
  /** The router, source or RP it is about. */
  router?: string;
  target?: string;
  /** `equal-cost-rpf`: the upstream neighbour taken and the equal-cost ones not taken. */
  chosen?: string | null;
  others?: (string | null)[];
}

/**
 * `sources`: hosts that send to a group (the scenario's multicast senders). Every router's RPF
 * toward each source, and in sparse mode toward the RP, is examined.
 */
export function pimDiagnostics(w: World, cfg: PimConfig, sources: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const routers = [...w.net.routers.keys()].sort();
  if (cfg.mode === 'sparse' && !cfg.rp)
    out.push({
      code: 'no-rp',
      severity: 'error',
      text: bi(
        'No rendezvous point configured: in sparse mode receivers join toward the RP and sources register with it, so without one no packet can reach anybody. Choose one of the routers as the RP.',
        '没有配置汇聚点（RP）：稀疏模式下接收者向 RP 加入、源向 RP 注册，没有 RP 任何分组都无法送达。请选择一台路由器作为 RP。',
      ),
    });
  const parts = components(w.net);
  const partOf = new Map<string, number>();
  parts.forEach((p, i) => {
    for (const v of p) partOf.set(v, i);
  });
  if (cfg.mode === 'sparse' && cfg.rp)
    for (const r of routers)
      if (partOf.get(r) !== partOf.get(cfg.rp))
        out.push({
          code: 'rp-unreachable',
          severity: 'warning',
          router: r,
          target: cfg.rp,
          text: bi(
            `${r} has no path to the rendezvous point ${cfg.rp}: receivers behind it can never join the shared tree.`,
            `${r} 没有到汇聚点 ${cfg.rp} 的路径：它后面的接收者永远无法加入共享树。`,
          ),
        });
  for (const s of [...new Set(sources)].sort()) {
    const cut = [...w.net.hosts.keys()].filter((h) => h !== s && partOf.get(h) !== partOf.get(s)).sort();
    const members = new Set(w.groups.flatMap((g) => g.members));
    const lost = cut.filter((h) => members.has(h) || w.igmp);
    if (lost.length > 0)
      out.push({
        code: 'source-disconnected',
        severity: 'warning',
        target: s,
        text: bi(
          `Source ${s} is cut off from ${lost.join(', ')}: no router has a route toward ${s} from there, so every RPF check for ${s} fails on that side and its packets never arrive.`,
          `源 ${s} 与 ${lost.join('、')} 不连通：那一侧的路由器没有通往 ${s} 的路由，针对 ${s} 的 RPF 检查全部失败，它的分组永远到不了。`,
        ),
      });
  }
  const targets = [...new Set([...sources, ...(cfg.mode === 'sparse' && cfg.rp ? [cfg.rp] : [])])].sort();
  for (const r of routers)
    for (const t of targets) {
      const x = rpf(w.net, w.routing, r, t);
      if (!x.reachable || x.ties.length === 0) continue;
      // No RPF neighbour: the target is directly connected, on `via` (rpf.ts).
      const name = (n: string | null, via: string | null) =>
        bi(n ?? `${t} (on ${via})`, n ?? `${t}（在 ${via} 上）`);
      const others = x.ties.map((c) => name(c.neighbour, c.via));
      const chosen = name(x.neighbour, x.via);
      out.push({
        code: 'equal-cost-rpf',
        severity: 'info',
        router: r,
        target: t,
        chosen: x.neighbour,
        others: x.ties.map((c) => c.neighbour),
        text: bi(
          `${r} has ${x.ties.length + 1} equal-cost paths toward ${t}. It takes ${chosen.en} as its RPF neighbour (the lowest id, the same rule unicast routing uses), so exactly one interface passes the RPF check; packets from ${t} arriving via ${others.map((o) => o.en).join(', ')} are dropped.`,
          `${r} 到 ${t} 有 ${x.ties.length + 1} 条等价路径。它选择 ${chosen.zh} 作为 RPF 邻居（编号最小者，与单播路由的规则相同），因此只有一个接口能通过 RPF 检查；经由 ${others.map((o) => o.zh).join('、')} 到达的来自 ${t} 的分组会被丢弃。`,
        ),
      });
    }
  return out;
}

/** Why a router dropped a packet in PIM (`discard` events with `detail.stage: "pim"`, and `rpf-fail`). */
export const PIM_REASONS = {
  'rpf-fail': bi(
    'RPF check failed: the packet did not arrive on the interface of the shortest path back to the source (or to the RP)',
    'RPF 检查失败：分组不是从通往源（或 RP）的最短路径所在接口到达的',
  ),
  'pim-pruned': bi(
    "this router has pruned itself off the source's tree: nobody downstream wants it",
    '本路由器已从源树上剪枝：下游没有人需要它',
  ),
  'no-downstream': bi(
    'no interface in the outgoing list: no member and no router downstream wants it',
    '出接口列表为空：下游没有成员也没有路由器需要它',
  ),
  'no-rp': bi('no rendezvous point configured', '没有配置汇聚点（RP）'),
  'ttl-expired': bi('time to live reached 0', '生存时间（TTL）减到 0'),
  'no-route': bi('no route toward the destination router', '没有通往目标路由器的路由'),
} satisfies Record<string, Bilingual>;
export type PimReason = keyof typeof PIM_REASONS;
