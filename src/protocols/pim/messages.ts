import { formatIpv4 } from '../address/ipv4';
import { type Bilingual, bi } from '../address/text';
import type { IpPacket } from '../net/world';

/**
 * PIM messages as they travel in the lab: JSON with the fields of RFC 7761 §4.9 (and RFC 3973
 * §4.7 for the dense-mode-only Graft, Graft-Ack and State Refresh) that the protocol reads.
 * One message carries one group; a Join/Prune may list several sources (joins and prunes).
 */

/** ALL-PIM-ROUTERS (RFC 7761 §4.9; IANA 224.0.0.13): link-local, TTL 1. */
export const ALL_PIM_ROUTERS = 0xe000000d;

/** A source in a Join/Prune: `S` (a host id) or `*` for the RP tree; `rpt` marks (S,G,rpt). */
export interface JpSource {
  source: string | '*';
  rpt?: boolean;
}

interface Common {
  group: number;
}

/** Join/Prune (type 3), Graft (6), Graft-Ack (7): the same layout (RFC 3973 §4.7.5–4.7.6). */
export interface JoinPruneMsg extends Common {
  type: 'join-prune' | 'graft' | 'graft-ack';
  /** Upstream Neighbor Address: the router the message is meant for. */
  upstream: number;
  /** That router's id, so the lab can name it. */
  upstreamId: string;
  holdtime: number;
  joins: JpSource[];
  prunes: JpSource[];
}

/** Assert (type 5, RFC 3973 §4.7.7, RFC 7761 §4.9.6). */
export interface AssertMsg extends Common {
  type: 'assert';
  source: string;
  rpt: boolean;
  preference: number;
  metric: number;
  /** The sender's address on the LAN, the last tie-breaker. */
  addr: number;
}

/** State Refresh (type 9, RFC 3973 §4.7.8). */
export interface StateRefreshMsg extends Common {
  type: 'state-refresh';
  source: string;
  originator: number;
  preference: number;
  metric: number;
  ttl: number;
  /** Prune Indicator: set when the sending interface is Pruned. */
  prune: boolean;
  /** Interval, in ticks. */
  interval: number;
  /** The sender's address on this link (the IP source of the message). */
  addr: number;
}

/** Register (type 1, RFC 7761 §4.9.3): a data packet encapsulated for the RP. */
export interface RegisterMsg extends Common {
  type: 'register';
  source: string;
  /** Null-Register (N bit): a probe without data. */
  nullRegister: boolean;
  inner: IpPacket | null;
  /** The DR that sent it and the RP it is for (router ids, for hop-by-hop unicast in the lab). */
  from: string;
  to: string;
}

/** Register-Stop (type 2, RFC 7761 §4.9.4), unicast from the RP to the DR. */
export interface RegisterStopMsg extends Common {
  type: 'register-stop';
  source: string;
  from: string;
  to: string;
}

export type PimMessage = JoinPruneMsg | AssertMsg | StateRefreshMsg | RegisterMsg | RegisterStopMsg;

/** PIM message types (RFC 7761 §4.9; 9 is RFC 3973's State Refresh). */
export const PIM_TYPE: Record<PimMessage['type'], number> = {
  register: 1,
  'register-stop': 2,
  'join-prune': 3,
  assert: 5,
  graft: 6,
  'graft-ack': 7,
  'state-refresh': 9,
};

/** The trace copy kinds of PIM messages (views colour by them). */
export const PIM_COPY_KINDS = [
  'pim-hello',
  'pim-join',
  'pim-prune',
  'pim-join-prune',
  'pim-graft',
  'pim-graft-ack',
  'pim-assert',
  'pim-register',
  'pim-register-stop',
  'pim-state-refresh',
] as const;
export type PimCopyKind = (typeof PIM_COPY_KINDS)[number];

/** A Join/Prune with only joins is drawn as a Join, only prunes as a Prune, both as Join/Prune. */
export function pimCopyKind(m: PimMessage): PimCopyKind {
  switch (m.type) {
    case 'join-prune':
      return m.prunes.length === 0 ? 'pim-join' : m.joins.length === 0 ? 'pim-prune' : 'pim-join-prune';
    case 'graft':
      return 'pim-graft';
    case 'graft-ack':
      return 'pim-graft-ack';
    case 'assert':
      return 'pim-assert';
    case 'state-refresh':
      return 'pim-state-refresh';
    case 'register':
      return 'pim-register';
    case 'register-stop':
      return 'pim-register-stop';
  }
}

const entry = (s: JpSource, g: string) =>
  s.source === '*' ? `(*,${g})` : `(${s.source},${g}${s.rpt ? ',rpt' : ''})`;

/** The short header drawn on a PIM copy's arrow: `Prune (S1,G)`, `Join (*,G)`. */
export function pimLabel(m: PimMessage, group: string): string {
  switch (m.type) {
    case 'join-prune':
    case 'graft':
    case 'graft-ack': {
      const name = { 'join-prune': '', graft: 'Graft ', 'graft-ack': 'Graft-Ack ' }[m.type];
      const parts = [
        ...m.joins.map((s) => `${m.type === 'join-prune' ? 'Join ' : ''}${entry(s, group)}`),
        ...m.prunes.map((s) => `Prune ${entry(s, group)}`),
      ];
      return `${name}${parts.join(' ')}`.trim();
    }
    case 'assert':
      return `Assert (${m.source},${group}) [${m.preference},${m.metric}]`;
    case 'state-refresh':
      return `State Refresh (${m.source},${group})${m.prune ? ' P' : ''}`;
    case 'register':
      return m.nullRegister ? `Null-Register (${m.source},${group})` : `Register (${m.source},${group})`;
    case 'register-stop':
      return `Register-Stop (${m.source},${group})`;
  }
}

/** A message field's value as the trace keeps it (JSON). */
export type PimFieldValue = string | number | boolean;

/**
 * The fields a student reads when opening a PIM message, named as the RFC's packet formats name
 * them (RFC 7761 §4.9, RFC 3973 §4.7); recorded in the trace so views need nothing else.
 * Times (Holdtime, Interval) are in the lab's ticks.
 */
export function pimFields(m: PimMessage, group: string): Record<string, PimFieldValue> {
  const common = { type: PIM_TYPE[m.type], group };
  switch (m.type) {
    case 'join-prune':
    case 'graft':
    case 'graft-ack':
      return {
        ...common,
        upstream: `${formatIpv4(m.upstream)} (${m.upstreamId})`,
        holdtime: m.holdtime,
        joins: m.joins.map((s) => entry(s, group)).join(' '),
        prunes: m.prunes.map((s) => entry(s, group)).join(' '),
      };
    case 'assert':
      return {
        ...common,
        source: m.source,
        rpt: m.rpt,
        preference: m.preference,
        metric: m.metric,
        addr: formatIpv4(m.addr),
      };
    case 'state-refresh':
      return {
        ...common,
        source: m.source,
        originator: formatIpv4(m.originator),
        preference: m.preference,
        metric: m.metric,
        ttl: m.ttl,
        prune: m.prune,
        interval: m.interval,
      };
    case 'register':
      return {
        ...common,
        source: m.source,
        nullRegister: m.nullRegister,
        inner: m.inner?.id ?? '',
        from: m.from,
        to: m.to,
      };
    case 'register-stop':
      return { ...common, source: m.source, from: m.from, to: m.to };
  }
}

/** What each copy kind is, for a legend. */
export const PIM_KIND_INFO: Record<PimCopyKind, Bilingual> = {
  'pim-hello': bi(
    'Hello: a router announces itself to its PIM neighbours',
    'Hello：路由器向 PIM 邻居通告自己',
  ),
  'pim-join': bi(
    'Join: "send me this traffic" toward the source or the RP',
    'Join（加入）：向源或 RP 请求“把流量发给我”',
  ),
  'pim-prune': bi('Prune: "stop sending me this traffic"', 'Prune（剪枝）：“停止向我发送这些流量”'),
  'pim-join-prune': bi(
    'Join/Prune: joins and prunes in one message',
    'Join/Prune：一个消息中同时包含加入与剪枝',
  ),
  'pim-graft': bi(
    'Graft: re-attach a pruned branch (dense mode)',
    'Graft（嫁接）：重新接上被剪掉的分支（密集模式）',
  ),
  'pim-graft-ack': bi('Graft-Ack: the upstream router confirms a Graft', 'Graft-Ack：上游路由器确认嫁接'),
  'pim-assert': bi(
    'Assert: two routers forward onto one LAN; the better one keeps forwarding',
    'Assert（断言）：两台路由器向同一局域网转发，更优者继续转发',
  ),
  'pim-register': bi(
    "Register: the source's DR unicasts data, encapsulated, to the RP",
    'Register（注册）：源的 DR 把数据封装后单播给 RP',
  ),
  'pim-register-stop': bi(
    'Register-Stop: the RP tells the DR to stop encapsulating',
    'Register-Stop（注册停止）：RP 通知 DR 停止封装',
  ),
  'pim-state-refresh': bi(
    'State Refresh: the first-hop router keeps prunes alive (dense mode)',
    'State Refresh（状态刷新）：第一跳路由器维持剪枝状态（密集模式）',
  ),
};
