import { type Title, titleIn } from '../schema';
import atomic1 from './atomic-example1.json';
import atomic1Crash from './atomic-example1-crash.json';
import atomic1LostLog from './atomic-example1-lost-log.json';
import atomic1ReceiverCrash from './atomic-example1-receiver-crash.json';
import vsyncRemove from './atomic-vsync-remove.json';
import vsyncSenderCrash from './atomic-vsync-sender-crash.json';
import causalLecture from './causal-lecture.json';
import faultsByzantine from './faults-byzantine.json';
import faultsCrash from './faults-crash.json';
import faultsOmission from './faults-omission.json';
import faultsPartition from './faults-partition.json';
import fifoHoldback from './fifo-holdback.json';
import globaltimeSkew from './globaltime-skew.json';
import groupsCentralized from './groups-centralized.json';
import groupsClosed from './groups-closed.json';
import groupsDistributed from './groups-distributed.json';
import groupsHierarchical from './groups-hierarchical.json';
import groupsOpen from './groups-open.json';
import igmpInvalid from './igmp-invalid-packets.json';
import igmpQuerier from './igmp-querier-election.json';
import igmpV1 from './igmp-v1-timeout.json';
import iptvChannel from './iptv-channel-change.json';
import macCollision from './network-mac-collision.json';
import mechanisms from './network-mechanisms.json';
import modes from './network-modes.json';
import badDisconnected from './pim-bad-disconnected-source.json';
import badLoop from './pim-bad-equal-cost-loop.json';
import badRp from './pim-bad-rp-unreachable.json';
import assertLan from './pim-dense-assert-lan.json';
import floodPrune from './pim-dense-flood-prune.json';
import graft from './pim-dense-graft.json';
import pruneExpiry from './pim-dense-prune-expiry.json';
import stateRefresh from './pim-dense-state-refresh.json';
import pimIptv from './pim-iptv.json';
import register from './pim-sparse-register.json';
import rpTree from './pim-sparse-rp-tree.json';
import sptSwitch from './pim-sparse-spt-switch.json';
import reliabilityCumulative from './reliability-cumulative.json';
import reliabilityImplosion from './reliability-implosion.json';
import reliabilityNack from './reliability-nack.json';
import reliabilityPiggyback from './reliability-piggyback.json';
import reliabilityPipelining from './reliability-pipelining.json';
import reliabilityReliable from './reliability-reliable.json';
import reliabilitySenderCrash from './reliability-sender-crash.json';
import reliabilityUnreliable from './reliability-unreliable.json';
import syncBarrier from './sync-barrier.json';
import totalSequencer from './total-sequencer.json';
import unorderedDifferentOrders from './unordered-different-orders.json';

/**
 * Every built-in example (the JSON files in this folder), for the header's Examples menu in
 * every lab: grouped in sections in the lecture's order (ARCHITECTURE.md, "The lecture, as the
 * app's table of contents", and the lessons' order inside each chapter), each entry titled in
 * both languages. An entry's title is its file's `title`, unless the menu gives it a shorter
 * label (where the section's name already says what the title's prefix says). The JSON is
 * validated when one is opened, like any file. This module must not import a lab's views: the
 * shell imports it on every screen.
 */

/** A text in each of the app's languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

export interface Example {
  /** The file's name without `.json`. */
  id: string;
  /** The name of the section the menu lists it under. */
  section: Bilingual;
  /** The menu's label for it. */
  title: Bilingual;
  /** The file's contents, not yet validated. */
  data: unknown;
}

export interface ExampleSection {
  title: Bilingual;
  examples: readonly Example[];
}

/** The file's own title in both languages (a one-language title is shown in both). */
function fileTitle(data: unknown): Bilingual {
  const t = (data as { title?: Title }).title;
  return { en: titleIn(t, 'en') ?? '', zh: titleIn(t, 'zh') ?? '' };
}

type Entry = [id: string, data: unknown, label?: Bilingual];

function section(title: Bilingual, entries: Entry[]): ExampleSection {
  return {
    title,
    examples: entries.map(([id, data, label]) => ({
      id,
      section: title,
      title: label ?? fileTitle(data),
      data,
    })),
  };
}

export const EXAMPLE_SECTIONS: readonly ExampleSection[] = [
  section({ en: 'Communication modes', zh: '通信模式' }, [['network-modes', modes]]),
  // Design issues: closed vs. open, peer vs. hierarchical, managing membership.
  section({ en: 'Groups and their design issues', zh: '组及其设计问题' }, [
    ['groups-closed', groupsClosed],
    ['groups-open', groupsOpen],
    ['groups-hierarchical', groupsHierarchical],
    ['groups-centralized', groupsCentralized],
    ['groups-distributed', groupsDistributed],
  ]),
  section({ en: 'Failures', zh: '故障' }, [
    ['faults-crash', faultsCrash],
    ['faults-omission', faultsOmission],
    ['faults-byzantine', faultsByzantine],
    ['faults-partition', faultsPartition],
  ]),
  section({ en: 'Implementing group communication', zh: '组通信的实现' }, [
    ['network-mechanisms', mechanisms],
  ]),
  // The lecture's "Reliability of multicasts": atomic multicast (example 1, then example 2,
  // virtual synchrony), reliable multicast, ACK optimizations, unreliable multicast.
  section({ en: 'Reliability: atomic multicast', zh: '可靠性：原子组播' }, [
    ['atomic-example1', atomic1],
    ['atomic-example1-receiver-crash', atomic1ReceiverCrash],
    ['atomic-example1-crash', atomic1Crash],
    ['atomic-example1-lost-log', atomic1LostLog],
    ['atomic-vsync-remove', vsyncRemove],
    ['atomic-vsync-sender-crash', vsyncSenderCrash],
  ]),
  section({ en: 'Reliability: reliable and unreliable multicast', zh: '可靠性：可靠与不可靠组播' }, [
    ['reliability-reliable', reliabilityReliable],
    ['reliability-implosion', reliabilityImplosion],
    ['reliability-sender-crash', reliabilitySenderCrash],
    ['reliability-pipelining', reliabilityPipelining],
    ['reliability-cumulative', reliabilityCumulative],
    ['reliability-piggyback', reliabilityPiggyback],
    ['reliability-nack', reliabilityNack],
    ['reliability-unreliable', reliabilityUnreliable],
  ]),
  // As the lecture's "Message ordering" presents them (and the lessons follow).
  section({ en: 'Message ordering', zh: '消息排序' }, [
    ['globaltime-skew', globaltimeSkew],
    ['total-sequencer', totalSequencer],
    ['causal-lecture', causalLecture],
    ['sync-barrier', syncBarrier],
    ['fifo-holdback', fifoHoldback],
    ['unordered-different-orders', unorderedDifferentOrders],
  ]),
  section({ en: 'IP multicast addressing and LAN delivery', zh: 'IP 组播地址与局域网投递' }, [
    ['network-mac-collision', macCollision],
  ]),
  section({ en: 'IGMP', zh: 'IGMP' }, [
    ['igmp-querier-election', igmpQuerier],
    ['igmp-v1-timeout', igmpV1],
    [
      'igmp-invalid-packets',
      igmpInvalid,
      { en: 'IGMP: short and bad-checksum messages are ignored', zh: 'IGMP：过短或校验和错误的消息被忽略' },
    ],
    ['iptv-channel-change', iptvChannel],
  ]),
  section({ en: 'PIM dense mode', zh: 'PIM 密集模式' }, [
    [
      'pim-dense-flood-prune',
      floodPrune,
      { en: 'Flood, then prune where nobody listens', zh: '先泛洪，再在无人收听处剪枝' },
    ],
    [
      'pim-dense-graft',
      graft,
      { en: 'A receiver joins under a pruned branch: Graft', zh: '接收者在被剪枝的分支下加入：嫁接' },
    ],
    [
      'pim-dense-prune-expiry',
      pruneExpiry,
      {
        en: 'Without State Refresh, prunes expire and data floods again',
        zh: '没有状态刷新时，剪枝超时，数据再次泛洪',
      },
    ],
    [
      'pim-dense-state-refresh',
      stateRefresh,
      { en: 'State Refresh keeps the prunes alive', zh: '状态刷新维持剪枝状态' },
    ],
    [
      'pim-dense-assert-lan',
      assertLan,
      {
        en: 'Assert on a shared LAN, and a Join overriding a Prune',
        zh: '共享局域网上的断言，以及加入覆盖剪枝',
      },
    ],
  ]),
  section({ en: 'PIM sparse mode and IPTV', zh: 'PIM 稀疏模式与 IPTV' }, [
    [
      'pim-sparse-rp-tree',
      rpTree,
      { en: 'The RP tree grows as receivers join', zh: '随着接收者加入，RP 树不断生长' },
    ],
    ['pim-sparse-register', register, { en: 'Register and Register-Stop', zh: '注册与注册停止' }],
    [
      'pim-sparse-spt-switch',
      sptSwitch,
      { en: "Switching to the source's shortest-path tree", zh: '切换到源的最短路径树' },
    ],
    [
      'pim-iptv',
      pimIptv,
      { en: 'IPTV over a routed network: three channels', zh: '路由网络上的 IPTV：三个频道' },
    ],
  ]),
  // Issue 5 §7: networks PIM cannot serve as drawn, each explained in the lab instead of a broken tree.
  section({ en: 'PIM: bad topologies', zh: 'PIM：有问题的拓扑' }, [
    [
      'pim-bad-disconnected-source',
      badDisconnected,
      {
        en: "The source's router is cut off: every RPF check fails",
        zh: '源的路由器被隔断：每次 RPF 检查都失败',
      },
    ],
    [
      'pim-bad-rp-unreachable',
      badRp,
      { en: 'Sparse mode with a rendezvous point no router can reach', zh: '稀疏模式下汇合点（RP）无法到达' },
    ],
    [
      'pim-bad-equal-cost-loop',
      badLoop,
      { en: 'A ring of equal-cost paths: RPF must pick one', zh: '等价路径组成的环：RPF 必须选其一' },
    ],
  ]),
];

/** Every example, in the menu's order. */
export const EXAMPLES: readonly Example[] = EXAMPLE_SECTIONS.flatMap((s) => s.examples);

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
