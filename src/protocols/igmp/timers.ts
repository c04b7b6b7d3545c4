import { type Bilingual, bi } from '../address/text';

/**
 * IGMPv2's timers and variables (RFC 2236 §8), in seconds, and their conversion to the
 * simulation's integer ticks.
 *
 * Classroom time. The RFC's values are kept exactly, in seconds; a scenario says how many ticks
 * make one second (`ticksPerSecond`, default 8: 1 tick = 1/8 s). Every timer is converted with
 * the same factor, so their ratios stay the RFC's (Query Interval : Query Response Interval =
 * 125 : 10 at any scale). Link latencies are in ticks, so a smaller `ticksPerSecond` makes the
 * protocol's seconds pass quickly compared with the packets, which is what a class can watch.
 * At 8 ticks per second every §8 default is a whole number of ticks (31.25 s = 250 ticks).
 */

/** The variables a network administrator may set (RFC 2236 §8). */
export interface IgmpVariables {
  /** §8.1 Robustness Variable: how many lost packets IGMP tolerates. */
  robustness: number;
  /** §8.2 Query Interval, seconds between General Queries. */
  queryInterval: number;
  /** §8.3 Query Response Interval: Max Response Time of General Queries, seconds. */
  queryResponseInterval: number;
  /** §8.8 Last Member Query Interval: Max Response Time of Group-Specific Queries, seconds. */
  lastMemberQueryInterval: number;
  /** §8.10 Unsolicited Report Interval, seconds between a host's initial reports. */
  unsolicitedReportInterval: number;
  /** §8.11 Version 1 Router Present Timeout, seconds. */
  version1RouterPresentTimeout: number;
}

export const RFC2236_DEFAULTS: IgmpVariables = {
  robustness: 2,
  queryInterval: 125,
  queryResponseInterval: 10,
  lastMemberQueryInterval: 1,
  unsolicitedReportInterval: 10,
  version1RouterPresentTimeout: 400,
};

/** Every §8 value, the derived ones computed with the RFC's formulas. */
export interface IgmpTimers extends IgmpVariables {
  /** §8.4 Group Membership Interval = Robustness × Query Interval + Query Response Interval. */
  groupMembershipInterval: number;
  /** §8.5 Other Querier Present Interval = Robustness × Query Interval + Query Response Interval / 2. */
  otherQuerierPresentInterval: number;
  /** §8.6 Startup Query Interval = Query Interval / 4. */
  startupQueryInterval: number;
  /** §8.7 Startup Query Count = Robustness. */
  startupQueryCount: number;
  /** §8.9 Last Member Query Count = Robustness. */
  lastMemberQueryCount: number;
}

export function igmpTimers(v: IgmpVariables = RFC2236_DEFAULTS): IgmpTimers {
  return {
    ...v,
    groupMembershipInterval: v.robustness * v.queryInterval + v.queryResponseInterval,
    otherQuerierPresentInterval: v.robustness * v.queryInterval + v.queryResponseInterval / 2,
    startupQueryInterval: v.queryInterval / 4,
    startupQueryCount: v.robustness,
    lastMemberQueryCount: v.robustness,
  };
}

/** RFC 1112 Appendix I: an IGMPv1 host delays its report by a random time in (0, D], D = 10 s. */
export const IGMPV1_REPORT_DELAY = 10;

/** The timers in ticks. Counts stay counts; intervals are rounded to whole ticks, at least 1. */
export interface IgmpTicks {
  ticksPerSecond: number;
  robustness: number;
  queryInterval: number;
  queryResponseInterval: number;
  lastMemberQueryInterval: number;
  unsolicitedReportInterval: number;
  version1RouterPresentTimeout: number;
  groupMembershipInterval: number;
  otherQuerierPresentInterval: number;
  startupQueryInterval: number;
  startupQueryCount: number;
  lastMemberQueryCount: number;
  v1ReportDelay: number;
  /** The Max Resp Time fields of General and Group-Specific Queries, in 1/10 s (RFC 2236 §2.2). */
  queryResponseTenths: number;
  lastMemberQueryTenths: number;
}

export function toTicks(t: IgmpTimers, ticksPerSecond: number): IgmpTicks {
  const k = (s: number) => Math.max(1, Math.round(s * ticksPerSecond));
  return {
    ticksPerSecond,
    robustness: t.robustness,
    queryInterval: k(t.queryInterval),
    queryResponseInterval: k(t.queryResponseInterval),
    lastMemberQueryInterval: k(t.lastMemberQueryInterval),
    unsolicitedReportInterval: k(t.unsolicitedReportInterval),
    version1RouterPresentTimeout: k(t.version1RouterPresentTimeout),
    groupMembershipInterval: k(t.groupMembershipInterval),
    otherQuerierPresentInterval: k(t.otherQuerierPresentInterval),
    startupQueryInterval: k(t.startupQueryInterval),
    startupQueryCount: t.startupQueryCount,
    lastMemberQueryCount: t.lastMemberQueryCount,
    v1ReportDelay: k(IGMPV1_REPORT_DELAY),
    queryResponseTenths: Math.min(255, Math.round(t.queryResponseInterval * 10)),
    lastMemberQueryTenths: Math.min(255, Math.round(t.lastMemberQueryInterval * 10)),
  };
}

/** A Max Resp Time field (1/10 s) in ticks; 0 is an IGMPv1 query, which hosts treat as 10 s (RFC 2236 §4). */
export function maxRespTicks(tenths: number, ticksPerSecond: number): number {
  const t = tenths === 0 ? 100 : tenths;
  return Math.max(1, Math.floor((t * ticksPerSecond) / 10));
}

/** What IGMPv3 changes (RFC 3376), for the lab's note beside the v1/v2 machines. */
export const IGMPV3_NOTE: Bilingual[] = [
  bi(
    'Source filtering: a host says which sources it wants (INCLUDE mode, a source list) or which it does not (EXCLUDE mode). This is what source-specific multicast (232.0.0.0/8) needs.',
    '源过滤：主机声明想接收哪些源（INCLUDE 模式及源列表）或不想接收哪些源（EXCLUDE 模式）。特定源组播（232.0.0.0/8）正依赖于此。',
  ),
  bi(
    'Reports are type 0x22 and carry group records (several groups in one report); they are sent to 224.0.0.22, the IGMPv3 routers, not to the group.',
    '报告的类型为 0x22，携带多个组记录（一个报告可包含多个组）；报告发往 224.0.0.22（IGMPv3 路由器），而不是发往组地址。',
  ),
  bi(
    'No report suppression: because reports go to 224.0.0.22, hosts no longer hear each other, and the router learns every member.',
    '没有报告抑制：由于报告发往 224.0.0.22，主机之间互相听不到，路由器可以了解每一个成员。',
  ),
  bi(
    "Queries gain group-and-source-specific queries, and carry the querier's Robustness Variable and Query Interval so that every router uses the same values.",
    '查询增加了“特定组和源查询”，并携带查询器的健壮性变量和查询间隔，使所有路由器使用相同的取值。',
  ),
  bi(
    'There is no Leave message: a host reports a change of its filter (for example to INCLUDE with an empty list) instead.',
    '没有离开消息：主机改为报告其过滤状态的变化（例如变为源列表为空的 INCLUDE 模式）。',
  ),
];
