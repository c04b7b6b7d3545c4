import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCidr, parseIpv4 } from '../protocols/address/ipv4';
import crash from './examples/faults-crash.json';
import modes from './examples/network-modes.json';
import { decodeShare, encodeShare, type ShareDoc } from './url';
import { validateScenario } from './validate';
import { CUSTOM_MESSAGES, customZh } from './validate-zh';

type Json = Record<string, unknown>;
const proc = (): Json => JSON.parse(JSON.stringify(crash)) as Json;
const network = (): Json => JSON.parse(JSON.stringify(modes)) as Json;
const topo = (s: Json) => s.topology as { lans: Json[]; routers: Json[]; hosts: Json[]; links: Json[] };
const HAN = /\p{Script=Han}/u;

const errorsOf = (data: unknown) => {
  const v = validateScenario(data);
  if (v.ok) throw new Error('expected the scenario to be invalid');
  return v.errors;
};

describe('validation errors in Chinese: known cases', () => {
  it.each<[string, unknown, { path: string; message: string; zh: string }]>([
    [
      'an action by a process that is not in the group',
      { ...proc(), actions: [{ type: 'multicast', at: 0, node: 'P9', msg: 'm1' }] },
      { path: 'actions[0].node', message: '"P9" is not one of processes', zh: '"P9" 不在 processes 之中' },
    ],
    [
      'a negative seed',
      { ...proc(), seed: -1 },
      { path: 'seed', message: 'Too small: expected number to be >=0', zh: '数值过小：应 ≥ 0' },
    ],
    [
      'a seed that is a string',
      { ...proc(), seed: 'x' },
      {
        path: 'seed',
        message: 'Invalid input: expected number, received string',
        zh: '类型错误：应为数字，实际为字符串',
      },
    ],
    [
      'a missing seed',
      { ...proc(), seed: undefined },
      {
        path: 'seed',
        message: 'Invalid input: expected number, received undefined',
        zh: '缺少此字段：应为数字',
      },
    ],
    [
      'a time that is not a whole tick',
      { ...proc(), actions: [{ type: 'multicast', at: 1.5, node: 'P0', msg: 'm1' }] },
      {
        path: 'actions[0].at',
        message: 'Invalid input: expected int, received number',
        zh: '类型错误：应为整数，实际为 1.5',
      },
    ],
    [
      'an unknown lab',
      { ...proc(), lab: 'chemistry' },
      {
        path: 'lab',
        message: "Invalid discriminator value. Expected 'process' | 'network'",
        zh: "取值无效：应为以下之一：'process' | 'network'",
      },
    ],
    [
      'a field the format does not have',
      { ...proc(), colour: 'red' },
      { path: '(top level)', message: 'Unrecognized key: "colour"', zh: '未知字段："colour"' },
    ],
    [
      'one process',
      { ...proc(), processes: ['P0'], actions: [], faults: [] },
      {
        path: 'processes',
        message: 'Too small: expected array to have >=2 items',
        zh: '数组太短：至少需要 2 项',
      },
    ],
    [
      'a bad id',
      { ...proc(), processes: ['P0', '1x'] },
      {
        path: 'processes[1]',
        message: 'an id: a letter, then up to 15 letters, digits, "_", "." or "-"',
        zh: '应为一个 id：以字母开头，其后最多 15 个字母、数字、“_”、“.”或“-”',
      },
    ],
    [
      'a newer version',
      { ...proc(), version: 2 },
      {
        path: 'version',
        message: 'version 2 is not supported; this app reads version 1',
        zh: '不支持的版本：2；本应用读取版本 1',
      },
    ],
    [
      'a group address that is not class D',
      { ...network(), groups: [{ id: 'G', address: '10.1.1.1', members: ['H2'] }] },
      {
        path: 'groups[0].address',
        message: '10.1.1.1 is not a class D address: its first four bits must be 1110 (224.0.0.0/4)',
        zh: '10.1.1.1 不是 D 类地址：D 类地址的前四位必须是 1110（224.0.0.0/4）',
      },
    ],
    [
      'a group address with an octet over 255',
      { ...network(), groups: [{ id: 'G', address: '239.1.1.256', members: ['H2'] }] },
      {
        path: 'groups[0].address',
        message: '256 is not an octet: an octet is 0–255',
        zh: '256 不是一个八位组：八位组的取值为 0–255',
      },
    ],
    [
      'sparse mode without a rendezvous point',
      { ...network(), pim: { mode: 'sparse' } },
      {
        path: 'pim.rp',
        message: 'no rendezvous point configured: sparse mode needs `pim.rp`, one of topology.routers',
        zh: '没有配置汇聚点（RP）：稀疏模式需要 `pim.rp`，它应是 topology.routers 中的一台路由器',
      },
    ],
  ])('%s', (_, data, expected) => {
    expect(errorsOf(data)).toContainEqual(expected);
  });

  it('a message with several varying parts keeps each in its place', () => {
    expect(customZh('host "H1" is already on LAN "L1" (links[1]); a host sits on one LAN')).toBe(
      '主机 "H1" 已经在局域网 "L1" 上（links[1]）；一台主机只能在一个局域网上',
    );
    expect(customZh('a unicast send needs `to`')).toBe('unicast 发送需要 `to`');
  });

  it('a message the table does not know has no Chinese (the caller keeps the English)', () => {
    expect(customZh('this sentence is in no schema')).toBeNull();
  });

  it('share-link errors carry Chinese too, with the scenario path prefixed', () => {
    const doc = { scenario: { ...proc(), seed: -1 }, cursor: 0 } as unknown as ShareDoc;
    const r = decodeShare(encodeShare(doc));
    expect(r.ok ? [] : r.error.errors).toEqual([
      { path: 'scenario.seed', message: 'Too small: expected number to be >=0', zh: '数值过小：应 ≥ 0' },
    ]);
    const bad = decodeShare(encodeShare({ ...doc, scenario: proc(), cursor: -1 } as unknown as ShareDoc));
    expect(bad.ok ? [] : bad.error.errors).toEqual([
      { path: 'cursor', message: 'Too small: expected number to be >=0', zh: '数值过小：应 ≥ 0' },
    ]);
  });
});

/** Bad scenarios, each breaking one cross-field rule of the schemas. */
const BROKEN: [string, () => Json][] = [
  ['duplicate process', () => ({ ...proc(), processes: ['P0', 'P0', 'P1', 'P2', 'P3'] })],
  [
    'message id twice',
    () => ({
      ...proc(),
      actions: [
        { type: 'multicast', at: 0, node: 'P0', msg: 'm1' },
        { type: 'multicast', at: 1, node: 'P1', msg: 'm1' },
      ],
    }),
  ],
  ['latency min > max', () => ({ ...proc(), network: { latency: [5, 2], loss: 0 } })],
  [
    'intervention with both',
    () => ({ ...proc(), interventions: [{ copy: 'm1@P1', deliverAt: 3, drop: true }] }),
  ],
  ['bad copy id', () => ({ ...proc(), interventions: [{ copy: 'nope', drop: true }] })],
  ['title of neither language', () => ({ ...proc(), title: {} })],
  ['title of a number', () => ({ ...proc(), title: 5 })],
  ['clock of a stranger', () => ({ ...proc(), clocks: { P9: { offset: 0, drift: 0 } } })],
  ['nack under vsync', () => ({ ...proc(), reliability: { scheme: 'vsync', nack: true } })],
  ['window under vsync', () => ({ ...proc(), reliability: { scheme: 'vsync', window: 2 } })],
  ['cumulative with no delay', () => ({ ...proc(), reliability: { scheme: 'reliable', cumulative: true } })],
  ['ack options under best effort', () => ({ ...proc(), reliability: { scheme: 'unreliable', window: 2 } })],
  ['nack with a window', () => ({ ...proc(), reliability: { scheme: 'reliable', nack: true, window: 2 } })],
  [
    'restart before crash',
    () => ({ ...proc(), faults: [{ type: 'crash', at: 5, node: 'P1', restart: { at: 2 } }] }),
  ],
  [
    'window ends before start',
    () => ({ ...proc(), faults: [{ type: 'send-omission', at: 5, node: 'P1', until: 3 }] }),
  ],
  [
    'receive omission of a copy to another',
    () => ({ ...proc(), faults: [{ type: 'receive-omission', at: 5, node: 'P1', copy: 'm1@P2' }] }),
  ],
  [
    'partition leaving one out, one twice',
    () => ({
      ...proc(),
      faults: [
        {
          type: 'partition',
          at: 5,
          groups: [
            ['P0', 'P1'],
            ['P1', 'P2'],
          ],
        },
      ],
    }),
  ],
  ['net: unknown link end', () => withTopo((t) => t.links.push({ a: 'R1', b: 'R7', latency: 1 }))],
  ['net: duplicate node id', () => withTopo((t) => t.routers.push({ id: 'H1', x: 0, y: 0 }))],
  ['net: link to itself', () => withTopo((t) => t.links.push({ a: 'R1', b: 'R1', latency: 1 }))],
  ['net: two LANs', () => withTopo((t) => t.links.push({ a: 'L1', b: 'L2', latency: 1 }))],
  ['net: host to router', () => withTopo((t) => t.links.push({ a: 'H1', b: 'R2', latency: 1 }))],
  ['net: host on two LANs', () => withTopo((t) => t.links.push({ a: 'H1', b: 'L2', latency: 1 }))],
  ['net: lonely host', () => withTopo((t) => t.hosts.push({ id: 'H9', x: 0, y: 0 }))],
  ['net: bad subnet', () => withTopo((t) => (t.lans[0]!.subnet = '10.0.1.0'))],
  ['net: subnet with host bits', () => withTopo((t) => (t.lans[0]!.subnet = '10.0.1.1/24'))],
  ['net: /31 LAN', () => withTopo((t) => (t.lans[0]!.subnet = '10.0.1.0/31'))],
  ['net: overlapping LANs', () => withTopo((t) => (t.lans[1]!.subnet = '10.0.0.0/16'))],
  ['net: station ip outside', () => withTopo((t) => (t.links[1]!.ip = '10.0.2.5'))],
  ['net: station ip is broadcast', () => withTopo((t) => (t.links[1]!.ip = '10.0.1.255'))],
  [
    'net: bad pim settings',
    () => ({ ...network(), pim: { mode: 'dense', rp: 'R9', sptSwitch: 'never', preference: { R9: 1 } } }),
  ],
  [
    'net: state refresh in sparse',
    () => ({ ...network(), pim: { mode: 'sparse', rp: 'R1', stateRefresh: true } }),
  ],
  [
    'net: groups',
    () => ({
      ...network(),
      groups: [
        {
          id: 'G',
          address: '239.1.1.1',
          members: ['H2', 'H9'],
          subgroups: [{ coordinator: 'H3', members: [] }],
        },
        { id: 'G', address: '239.1.1.1', members: [] },
      ],
    }),
  ],
  [
    'net: anycast',
    () => ({
      ...network(),
      anycast: [
        { id: 'DNS', address: '239.9.9.9', replicas: ['H3'] },
        { id: 'DNS', address: '10.9.9.9', replicas: ['H9'] },
      ],
    }),
  ],
  [
    'net: sends',
    () => ({
      ...network(),
      actions: [
        { type: 'send', at: 0, from: 'S', msg: 'query.1', mode: 'unicast', to: 'S' },
        { type: 'send', at: 0, from: 'H3', msg: 'a', mode: 'anycast', anycast: 'DNS', group: 'G' },
        { type: 'send', at: 0, from: 'S', msg: 'a', mode: 'multicast' },
        { type: 'send', at: 0, from: 'S', msg: 'b', mode: 'coordinator', group: 'G' },
        { type: 'send', at: 0, from: 'S', msg: 'c', mode: 'directed-broadcast', lan: 'L9' },
        { type: 'join', at: 0, host: 'H1', group: 'G9' },
      ],
    }),
  ],
];

function withTopo(change: (t: ReturnType<typeof topo>) => void): Json {
  const s = network();
  change(topo(s));
  return s;
}

describe('validation errors in Chinese: every message has Chinese', () => {
  it.each(BROKEN)('%s: each field error says it in Chinese', (_, make) => {
    const errors = errorsOf(make());
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.zh, `${e.path}: ${e.message}`).toMatch(HAN);
      expect(e.zh).not.toBe(e.message);
    }
  });

  it('address errors read as the address lab words them (ipv4.ts)', () => {
    const bad = ['', '1.2.3', '1..2.3', '1.x.2.3', '1.02.3.4', '1.2.3.256'].map(parseIpv4);
    const cidr = ['10.0.1.0', '10.0.1.0/33', '10.0.1.1/24'].map(parseCidr);
    for (const r of [...bad, ...cidr]) {
      if (r.ok) throw new Error('expected a parse error');
      expect(customZh(r.error.en)).toBe(r.error.zh);
    }
  });

  /**
   * Every message written in the schemas' source: a literal after `message:` or `error:`, the
   * message of a `.regex(…)` or `.refine(…)`, or of network-schema's `issue(path, …)`. Parts in
   * `${…}` become a sample id. A literal that carries its Chinese beside it (`zh:`) is skipped.
   */
  const LIT = String.raw`(['"\x60])((?:\\[\s\S]|(?!\1)[^\\])*)\1`;
  const CONTEXTS = [
    String.raw`(?:message|error):\s*`,
    String.raw`\.regex\(\s*\/(?:\\.|[^/\\\n])+\/\w*\s*,\s*`,
    String.raw`\.refine\(\s*\([^)]*\)\s*=>[^,]*,\s*`,
    String.raw`\bissue\(\s*(?:\[[^\]]*\]|\w+\([^)]*\)|\w+)\s*,\s*`,
  ];
  const SOURCES = [
    'src/scenarios/schema.ts',
    'src/scenarios/process-ext.ts',
    'src/scenarios/network-schema.ts',
    'src/scenarios/url.ts',
    'src/protocols/net/topology.ts',
  ];
  const sourceMessages = SOURCES.flatMap((file) => {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    return CONTEXTS.flatMap((c) =>
      [...text.matchAll(new RegExp(`${c}${LIT}(?!\\s*,\\s*zh:)`, 'g'))].map((m) =>
        m[2]!.replace(/\$\{[^}]*\}/g, 'X1').replace(/\\(.)/g, '$1'),
      ),
    );
  });

  it('finds the messages in the source', () => {
    // A floor, not a count: the scan must keep seeing the rules it is there to guard.
    expect(sourceMessages.length).toBeGreaterThan(60);
    expect(sourceMessages).toContain('min latency is greater than max');
    expect(sourceMessages).toContain('a X1 send needs `X1`');
    expect(sourceMessages).toContain('missing: the scenario');
  });

  it('every message written in the schemas has a Chinese twin', () => {
    const missing = sourceMessages.filter((m) => {
      const zh = customZh(m);
      return zh === null || zh === m || !HAN.test(zh);
    });
    expect(missing).toEqual([]);
  });

  it('every table entry translates its own English (no entry hides another)', () => {
    for (const [en, zh] of CUSTOM_MESSAGES) {
      const sample = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, n: string) => `<${n}>`);
      expect(customZh(sample(en)), en).toBe(sample(zh));
      expect(zh).toMatch(HAN);
    }
  });
});
