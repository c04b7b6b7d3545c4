import type { z } from 'zod';
import { en, zhCN } from 'zod/locales';

/**
 * The Chinese of every validation message (FieldError.zh). English stays the messages' own
 * language (the CLI and the schemas speak it); this file is the one place their Chinese lives.
 *
 * - zod's built-in messages: worded here for the issue kinds a scenario produces (zod's zh-CN
 *   locale leaves type names such as `number` and `array` in English and drops the expected
 *   values of a bad `type`/`lab`); zod's zh-CN locale words any other kind.
 * - The project's own messages (schema.ts, process-ext.ts, network-schema.ts, topology.ts,
 *   ipv4.ts, url.ts): the table CUSTOM below, keyed by the English text, `{{name}}` standing
 *   for a part that varies (an id, an address, a path). validate-zh.test.ts fails if a message
 *   has no entry. Field paths, JSON keys and values stay as they are in both languages.
 */

const CUSTOM: readonly (readonly [en: string, zh: string])[] = [
  // Ids and titles (schema.ts)
  [
    'an id: a letter, then up to 15 letters, digits, "_", "." or "-"',
    '应为一个 id：以字母开头，其后最多 15 个字母、数字、“_”、“.”或“-”',
  ],
  ['a bilingual title needs "en", "zh" or both', '双语标题至少需要 "en" 或 "zh" 之一'],
  [
    'a title is a string, or { "en": "…", "zh": "…" } with a string in each language given',
    '标题应为一个字符串，或 { "en": "…", "zh": "…" }，给出的每种语言都是一个字符串',
  ],
  ['a copy id: msg@node or msg@node#n', '应为一个副本 id：msg@node 或 msg@node#n'],
  ['give exactly one of deliverAt or drop', 'deliverAt 和 drop 必须给出且只能给出其中一个'],
  // The process lab (schema.ts)
  ['duplicate process id "{{id}}"', '进程 id "{{id}}" 重复'],
  ['"{{id}}" is not one of processes', '"{{id}}" 不在 processes 之中'],
  ['message id "{{id}}" is used twice', '消息 id "{{id}}" 被使用了两次'],
  ['min latency is greater than max', '最小时延大于最大时延'],
  // Reliability, groups and faults (process-ext.ts)
  ['ACK optimizations need scheme "reliable" or "vsync"', 'ACK 优化需要 scheme 为 "reliable" 或 "vsync"'],
  ['cumulative and piggybacked ACKs need ackDelay > 0', '累积 ACK 和搭载 ACK 需要 ackDelay > 0'],
  [
    'negative ACKs replace ACKs: leave window, cumulative and piggyback off',
    'NACK（否定确认）取代了 ACK：不要同时设置 window、cumulative 和 piggyback',
  ],
  ['virtual synchrony needs positive ACKs', '虚拟同步需要肯定确认（ACK），不能使用 NACK'],
  ['virtual synchrony sends every message at once: no window', '虚拟同步会立即发送每条消息：不使用发送窗口'],
  ['group actions need "groups"', '组操作需要先定义 "groups"'],
  ['no group "{{group}}"; the group is "{{id}}"', '没有组 "{{group}}"；本场景的组是 "{{id}}"'],
  [
    'with groups messages never wait for a window: leave it at 1',
    '定义了组时消息从不等待发送窗口：请保持 window 为 1',
  ],
  ['atomic multicast needs a peer group: its ACKs are end to end', '原子组播需要对等组：它的 ACK 是端到端的'],
  ['"{{id}}" is in two subgroups', '"{{id}}" 同时属于两个子组'],
  ['root and subgroups need structure "hierarchical"', 'root 和 subgroups 需要 structure 为 "hierarchical"'],
  ['restart must come after the crash', '重启必须发生在崩溃之后'],
  ['the window must end after it starts', '时间窗口的结束时间必须晚于开始时间'],
  ['a receive omission at "{{node}}" names a copy sent to it', '"{{node}}" 处的接收遗漏只能指定发往它的副本'],
  ['"{{id}}" is in two sub-groups', '"{{id}}" 同时属于两个分区子组'],
  ['"{{id}}" is in no sub-group', '"{{id}}" 不属于任何分区子组'],
  // The network lab (network-schema.ts)
  ['"{{id}}" is not one of topology.hosts', '"{{id}}" 不在 topology.hosts 之中'],
  ['"{{id}}" is not one of topology.routers', '"{{id}}" 不在 topology.routers 之中'],
  ['"{{id}}" is not one of topology.lans', '"{{id}}" 不在 topology.lans 之中'],
  ['"{{id}}" is not one of groups', '"{{id}}" 不在 groups 之中'],
  ['"{{id}}" is not one of anycast', '"{{id}}" 不在 anycast 之中'],
  [
    'no rendezvous point configured: sparse mode needs `pim.rp`, one of topology.routers',
    '没有配置汇聚点（RP）：稀疏模式需要 `pim.rp`，它应是 topology.routers 中的一台路由器',
  ],
  ['dense mode has no rendezvous point: remove `pim.rp`', '密集模式没有汇聚点（RP）：请删除 `pim.rp`'],
  ['the SPT switch is a sparse-mode setting', 'SPT 切换是稀疏模式的设置'],
  ['State Refresh is a dense-mode setting', '状态刷新（State Refresh）是密集模式的设置'],
  ['duplicate group id "{{id}}"', '组 id "{{id}}" 重复'],
  [
    '{{address}} is not a class D address: its first four bits must be 1110 (224.0.0.0/4)',
    '{{address}} 不是 D 类地址：D 类地址的前四位必须是 1110（224.0.0.0/4）',
  ],
  ['groups[{{n}}] has this address already', 'groups[{{n}}] 已经使用了这个地址'],
  ['a hierarchy needs a root `coordinator`', '层次结构需要一个根 `coordinator`（协调者）'],
  [
    '"{{id}}" is in no subgroup: the hierarchy of coordinators would never reach it',
    '"{{id}}" 不属于任何子组：协调者层次结构永远无法到达它',
  ],
  ['duplicate anycast id "{{id}}"', '任播 id "{{id}}" 重复'],
  [
    'an anycast address is a unicast address, not class D or broadcast',
    '任播地址是单播地址，不能是 D 类地址或广播地址',
  ],
  [
    'message ids starting with query., report. or leave. are kept for IGMP messages (and pim. for PIM messages)',
    '以 query.、report. 或 leave. 开头的消息 id 保留给 IGMP 消息（以 pim. 开头的保留给 PIM 消息）',
  ],
  ['message id "{{id}}" is used twice (also {{where}})', '消息 id "{{id}}" 被使用了两次（另见 {{where}}）'],
  ['a {{mode}} send needs `{{field}}`', '{{mode}} 发送需要 `{{field}}`'],
  ['a {{mode}} send has no `{{field}}`', '{{mode}} 发送没有 `{{field}}` 字段'],
  ['a host does not send to itself', '主机不能发送给自己'],
  ['"{{id}}" is itself a replica of {{service}}', '"{{id}}" 本身就是 {{service}} 的一个副本'],
  ['group "{{id}}" has no coordinator', '组 "{{id}}" 没有协调者（coordinator）'],
  ['group "{{id}}" has no subgroups', '组 "{{id}}" 没有子组（subgroups）'],
  // Topology (protocols/net/topology.ts)
  ['duplicate id "{{id}}" (also {{where}})', 'id "{{id}}" 重复（另见 {{where}}）'],
  ['duplicate link id "{{id}}" (also links[{{n}}])', '链路 id "{{id}}" 重复（另见 links[{{n}}]）'],
  ['"{{id}}" is not a host, router or LAN', '"{{id}}" 不是主机、路由器或局域网'],
  ['a link joins "{{id}}" to itself', '链路把 "{{id}}" 连到了它自身'],
  [
    'a link cannot join two LANs (bridges are not modelled): connect them through a router',
    '链路不能直接连接两个局域网（不模拟网桥）：请通过路由器连接',
  ],
  [
    'host "{{id}}" attaches to a LAN, not to a router or host',
    '主机 "{{id}}" 只能连接到局域网，不能连接到路由器或其他主机',
  ],
  [
    '"{{a}}" and "{{b}}" are already joined by links[{{n}}]',
    '"{{a}}" 和 "{{b}}" 之间已经有链路 links[{{n}}]',
  ],
  [
    'host "{{id}}" is already on LAN "{{lan}}" (links[{{n}}]); a host sits on one LAN',
    '主机 "{{id}}" 已经在局域网 "{{lan}}" 上（links[{{n}}]）；一台主机只能在一个局域网上',
  ],
  [
    "give a point-to-point link's addresses with `subnet`, not `ip`",
    '点对点链路的地址用 `subnet` 给出，而不是 `ip`',
  ],
  [
    "only a point-to-point link has a `subnet`; a LAN's is on the LAN",
    '只有点对点链路才有 `subnet`；局域网的子网写在局域网上',
  ],
  [
    'host "{{id}}" is not attached to any LAN: add a link from it to a LAN',
    '主机 "{{id}}" 没有连接到任何局域网：请添加一条从它到局域网的链路',
  ],
  ["{{net}} overlaps {{what}}'s {{other}}", '{{net}} 与 {{what}} 的 {{other}} 重叠'],
  [
    'a /{{prefix}} has no room for stations: use /30 or shorter',
    '/{{prefix}} 子网容纳不下站点：请使用 /30 或更短的前缀',
  ],
  ['a point-to-point link needs a /30 or /31 subnet', '点对点链路需要 /30 或 /31 子网'],
  ['no free /30 left in 172.16.0.0/12 for this link', '172.16.0.0/12 中已没有空闲的 /30 可分配给这条链路'],
  ["{{ip}} is not in {{lan}}'s {{net}}", '{{ip}} 不在 {{lan}} 的 {{net}} 之内'],
  [
    "{{ip}} is {{lan}}'s network or broadcast address, not a station's",
    '{{ip}} 是 {{lan}} 的网络地址或广播地址，不能分配给站点',
  ],
  ['{{ip}} is already used on {{lan}} ({{where}})', '{{ip}} 在 {{lan}} 上已被使用（{{where}}）'],
  [
    '{{lan}}\'s {{net}} has no free address left for "{{id}}"',
    '{{lan}} 的 {{net}} 中已没有空闲地址可分配给 "{{id}}"',
  ],
  // Address parsing (protocols/address/ipv4.ts, whose own Chinese these repeat)
  ['type an address such as 224.10.8.5', '请输入一个地址，例如 224.10.8.5'],
  [
    'an IPv4 address has 4 octets separated by dots; "{{text}}" has {{n}}',
    'IPv4 地址由 4 个用点分隔的八位组组成；"{{text}}" 有 {{n}} 个',
  ],
  ['octet {{n}} is empty', '第 {{n}} 个八位组为空'],
  ['"{{part}}" is not a number (octet {{n}})', '"{{part}}" 不是数字（第 {{n}} 个八位组）'],
  [
    '"{{part}}" has a leading zero (octet {{n}}); write it without',
    '"{{part}}" 以 0 开头（第 {{n}} 个八位组）；请去掉前导 0',
  ],
  ['{{part}} is not an octet: an octet is 0–255', '{{part}} 不是一个八位组：八位组的取值为 0–255'],
  ['"{{text}}" has no prefix length: write it as 10.0.1.0/24', '"{{text}}" 缺少前缀长度：请写成 10.0.1.0/24'],
  ['"/{{p}}" is not a prefix length (0–32)', '"/{{p}}" 不是前缀长度（0–32）'],
  ['{{text}} has host bits set; the network is {{net}}', '{{text}} 的主机位不为 0；网络地址应为 {{net}}'],
  // Share links (url.ts)
  ['missing: the scenario', '缺少场景（scenario）'],
  ['a lesson id: letters, digits, "_", "." or "-"', '应为一个课程 id：由字母、数字、“_”、“.”或“-”组成'],
  [
    'a panel: details, modes, igmp, cards, address, edit or pim',
    '应为一个面板：details、modes、igmp、cards、address、edit 或 pim',
  ],
  ['a PIM tab: topology, control or compare', '应为一个 PIM 标签页：topology、control 或 compare'],
];

const HOLE = /\{\{(\w+)\}\}/g;

interface Entry {
  en: string;
  zh: string;
  pattern: RegExp;
  names: string[];
}

function compile(en: string, zh: string): Entry {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of en.matchAll(HOLE)) {
    source += `${literalRe(en.slice(last, m.index))}([\\s\\S]*?)`;
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  source += literalRe(en.slice(last));
  return { en, zh, pattern: new RegExp(`^${source}$`), names };
}

const literalRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ENTRIES: readonly Entry[] = CUSTOM.map(([e, z]) => compile(e, z));

/** The English templates (`{{name}}` for a varying part) with their Chinese, for tests. */
export const CUSTOM_MESSAGES: readonly (readonly [en: string, zh: string])[] = CUSTOM;

/** The Chinese of one of the project's own English messages, or null when the table lacks it. */
export function customZh(message: string): string | null {
  for (const e of ENTRIES) {
    const m = e.pattern.exec(message);
    if (!m) continue;
    const value = new Map(e.names.map((n, i) => [n, m[i + 1]!]));
    return e.zh.replace(HOLE, (_, n: string) => value.get(n) ?? '');
  }
  return null;
}

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const EN = en().localeError;
const ZH_CN = zhCN().localeError;

function localeText(map: z.core.$ZodErrorMap, issue: Issue): string | undefined {
  const r = map(issue as unknown as RawIssue);
  return typeof r === 'string' ? r : (r?.message ?? undefined);
}

const TYPE: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  bigint: '大整数',
  boolean: '布尔值',
  object: '对象',
  record: '对象',
  array: '数组',
  tuple: '数组',
  null: 'null',
  undefined: '空值',
  nan: 'NaN',
  symbol: '符号',
  function: '函数',
};

const typeName = (t: string) => TYPE[t] ?? t;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan';
  return typeof v;
}

const literal = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** zod's built-in message of `issue`, in Chinese. */
function builtInZh(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      if (!('input' in issue) || issue.input === undefined) return `缺少此字段：应为${expected}`;
      if (issue.expected === 'int' && typeof issue.input === 'number')
        return `类型错误：应为整数，实际为 ${issue.input}`;
      return `类型错误：应为${expected}，实际为${typeName(typeOf(issue.input))}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `取值无效：应为 ${literal(issue.values[0])}`
        : `取值无效：应为以下之一：${issue.values.map(literal).join(' | ')}`;
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = String(small ? issue.minimum : issue.maximum);
      const sized =
        issue.origin === 'array' || issue.origin === 'set'
          ? { what: '数组', unit: '项' }
          : issue.origin === 'string'
            ? { what: '字符串', unit: '个字符' }
            : null;
      if (sized) {
        const { what, unit } = sized;
        const problem = `${what}${small ? '太短' : '太长'}`;
        if (issue.exact) return `${problem}：应恰好有 ${bound} ${unit}`;
        if (small && issue.inclusive && bound === '1' && what === '字符串') return '不能为空字符串';
        if (small)
          return `${problem}：${issue.inclusive ? `至少需要 ${bound}` : `需要多于 ${bound}`} ${unit}`;
        return `${problem}：${issue.inclusive ? `最多 ${bound}` : `需要少于 ${bound}`} ${unit}`;
      }
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        const op = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
        return `数值${small ? '过小' : '过大'}：应 ${op} ${bound}`;
      }
      break;
    }
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.map((k) => JSON.stringify(k)).join('、')}`;
    case 'invalid_key':
      return '对象中有无效的键';
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options) && options.length > 0)
        return `取值无效：应为以下之一：${options.map((o) => `'${String(o)}'`).join(' | ')}`;
      if (issue.inclusive === false) return '同时符合多种形式，无法确定是哪一种';
      return '不符合任何一种允许的形式';
    }
  }
  return localeText(ZH_CN, issue) ?? '输入无效';
}

/**
 * The Chinese of a zod issue's message: a built-in message (the issue's message is zod's own
 * English for it) is worded from the issue; the project's own messages come from CUSTOM, and
 * one the table lacks stays in English rather than being lost. The issue needs its `input`
 * (parse with `reportInput: true`) to name the type a value had.
 */
export function issueZh(issue: Issue): string {
  if (localeText(EN, issue) === issue.message) return builtInZh(issue);
  return customZh(issue.message) ?? issue.message;
}
