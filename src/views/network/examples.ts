import igmpInvalid from '../../scenarios/examples/igmp-invalid-packets.json';
import igmpQuerier from '../../scenarios/examples/igmp-querier-election.json';
import igmpV1 from '../../scenarios/examples/igmp-v1-timeout.json';
import iptv from '../../scenarios/examples/iptv-channel-change.json';
import macCollision from '../../scenarios/examples/network-mac-collision.json';
import mechanisms from '../../scenarios/examples/network-mechanisms.json';
import modes from '../../scenarios/examples/network-modes.json';
import badDisconnected from '../../scenarios/examples/pim-bad-disconnected-source.json';
import badLoop from '../../scenarios/examples/pim-bad-equal-cost-loop.json';
import badRp from '../../scenarios/examples/pim-bad-rp-unreachable.json';
import assertLan from '../../scenarios/examples/pim-dense-assert-lan.json';
import floodPrune from '../../scenarios/examples/pim-dense-flood-prune.json';
import graft from '../../scenarios/examples/pim-dense-graft.json';
import pruneExpiry from '../../scenarios/examples/pim-dense-prune-expiry.json';
import stateRefresh from '../../scenarios/examples/pim-dense-state-refresh.json';
import pimIptv from '../../scenarios/examples/pim-iptv.json';
import register from '../../scenarios/examples/pim-sparse-register.json';
import rpTree from '../../scenarios/examples/pim-sparse-rp-tree.json';
import sptSwitch from '../../scenarios/examples/pim-sparse-spt-switch.json';

/**
 * The network lab's built-in examples, in the lecture's order (modes → addressing and LAN
 * delivery → IGMP → PIM dense → PIM sparse → IPTV), with their titles in both languages.
 * The JSON is validated when one is opened, like any file.
 */
export interface Example {
  id: string;
  section: { en: string; zh: string };
  title: { en: string; zh: string };
  data: unknown;
}

const NET = { en: 'Networks and LAN delivery', zh: '网络与局域网投递' };
const IGMP = { en: 'IGMP', zh: 'IGMP' };
const DENSE = { en: 'PIM dense mode', zh: 'PIM 密集模式' };
const SPARSE = { en: 'PIM sparse mode and IPTV', zh: 'PIM 稀疏模式与 IPTV' };
/** Issue 5 §7: networks PIM cannot serve as drawn, each explained in the lab instead of a broken tree. */
const BAD = { en: 'PIM: bad topologies', zh: 'PIM：有问题的拓扑' };

export const NETWORK_EXAMPLES: readonly Example[] = [
  {
    id: 'network-modes',
    section: NET,
    title: { en: 'Modes of communication on one network', zh: '同一网络上的各种通信模式' },
    data: modes,
  },
  {
    id: 'network-mechanisms',
    section: NET,
    title: {
      en: 'Delivering to a group on one LAN: five mechanisms',
      zh: '在一个局域网上向组投递：五种机制',
    },
    data: mechanisms,
  },
  {
    id: 'network-mac-collision',
    section: NET,
    title: {
      en: 'Ethernet filtering: two groups share one MAC address',
      zh: '以太网过滤：两个组共享同一 MAC 地址',
    },
    data: macCollision,
  },
  {
    id: 'igmp-querier-election',
    section: IGMP,
    title: {
      en: 'IGMPv2: querier election, report suppression, leave',
      zh: 'IGMPv2：查询者选举、报告抑制、离开',
    },
    data: igmpQuerier,
  },
  {
    id: 'igmp-v1-timeout',
    section: IGMP,
    title: {
      en: 'IGMPv1: no Leave, the router times the group out',
      zh: 'IGMPv1：没有离开消息，路由器超时删除组',
    },
    data: igmpV1,
  },
  {
    id: 'igmp-invalid-packets',
    section: IGMP,
    title: {
      en: 'IGMP: short and bad-checksum messages are ignored',
      zh: 'IGMP：过短或校验和错误的消息被忽略',
    },
    data: igmpInvalid,
  },
  {
    id: 'iptv-channel-change',
    section: IGMP,
    title: { en: 'IPTV: a set-top box changes channel', zh: 'IPTV：机顶盒换台' },
    data: iptv,
  },
  {
    id: 'pim-dense-flood-prune',
    section: DENSE,
    title: { en: 'Flood, then prune where nobody listens', zh: '先泛洪，再在无人收听处剪枝' },
    data: floodPrune,
  },
  {
    id: 'pim-dense-graft',
    section: DENSE,
    title: { en: 'A receiver joins under a pruned branch: Graft', zh: '接收者在被剪枝的分支下加入：嫁接' },
    data: graft,
  },
  {
    id: 'pim-dense-prune-expiry',
    section: DENSE,
    title: {
      en: 'Without State Refresh, prunes expire and data floods again',
      zh: '没有状态刷新时，剪枝超时，数据再次泛洪',
    },
    data: pruneExpiry,
  },
  {
    id: 'pim-dense-state-refresh',
    section: DENSE,
    title: { en: 'State Refresh keeps the prunes alive', zh: '状态刷新维持剪枝状态' },
    data: stateRefresh,
  },
  {
    id: 'pim-dense-assert-lan',
    section: DENSE,
    title: {
      en: 'Assert on a shared LAN, and a Join overriding a Prune',
      zh: '共享局域网上的断言，以及加入覆盖剪枝',
    },
    data: assertLan,
  },
  {
    id: 'pim-sparse-rp-tree',
    section: SPARSE,
    title: { en: 'The RP tree grows as receivers join', zh: '随着接收者加入，RP 树不断生长' },
    data: rpTree,
  },
  {
    id: 'pim-sparse-register',
    section: SPARSE,
    title: { en: 'Register and Register-Stop', zh: '注册与注册停止' },
    data: register,
  },
  {
    id: 'pim-sparse-spt-switch',
    section: SPARSE,
    title: { en: "Switching to the source's shortest-path tree", zh: '切换到源的最短路径树' },
    data: sptSwitch,
  },
  {
    id: 'pim-iptv',
    section: SPARSE,
    title: { en: 'IPTV over a routed network: three channels', zh: '路由网络上的 IPTV：三个频道' },
    data: pimIptv,
  },
  {
    id: 'pim-bad-disconnected-source',
    section: BAD,
    title: {
      en: "The source's router is cut off: every RPF check fails",
      zh: '源的路由器被隔断：每次 RPF 检查都失败',
    },
    data: badDisconnected,
  },
  {
    id: 'pim-bad-rp-unreachable',
    section: BAD,
    title: {
      en: 'Sparse mode with a rendezvous point no router can reach',
      zh: '稀疏模式下汇合点（RP）无法到达',
    },
    data: badRp,
  },
  {
    id: 'pim-bad-equal-cost-loop',
    section: BAD,
    title: {
      en: 'A ring of equal-cost paths: RPF must pick one',
      zh: '等价路径组成的环：RPF 必须选其一',
    },
    data: badLoop,
  },
];
