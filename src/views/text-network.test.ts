import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { MODES, REASONS } from '../protocols/net/vocabulary';
import { PIM_REASONS } from '../protocols/pim/diagnostics';
import { MACHINES } from '../protocols/pim/machines';
import { simulate } from '../scenarios/simulate';
import type { NodeId } from '../sim/ids';
import type { TraceEvent } from '../sim/trace';
import { load } from './testing/scenarios';
import { eventDetailText, type Tx, typeText } from './text';

const i18n = initI18n('en');
const en = i18n.getFixedT('en', 'views') as unknown as Tx;
const zh = i18n.getFixedT('zh', 'views') as unknown as Tx;

const dir = join(__dirname, '../scenarios/examples');
const runs = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const scenario = load(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    return { f, lab: scenario.lab, trace: simulate(scenario) };
  });
const network = runs.filter((r) => r.lab === 'network');

const CJK = /\p{Script=Han}/u;
/** The raw fallback prints `key=value` pairs; an untranslated key prints its path. */
const RAW = /\w=\S|detail\.|type\./;

/** One network event, by hand, as the protocol code records it. */
const ev = (type: string, detail: Record<string, unknown>, extra: Partial<TraceEvent> = {}): TraceEvent =>
  ({ step: 0, time: 0, node: 'R1' as NodeId, type, detail, ...extra }) as TraceEvent;
const say = (t: Tx, e: TraceEvent) => eventDetailText(t, e, new Map(), []);

describe('the network lab event log in English and Chinese', () => {
  it('has network examples with every event type of the network trace', () => {
    const types = new Set(network.flatMap((r) => r.trace.events.map((e) => e.type)));
    for (const type of [
      'deliver',
      'discard',
      'filter',
      'ignored',
      'join',
      'leave',
      'notify',
      'pim-state',
      'receive',
      'rpf-fail',
      'send',
      'transition',
    ])
      expect(types, type).toContain(type);
  });

  it.each(network.map((r) => r.f))('every event of %s reads as a sentence, never as raw fields', (f) => {
    const { trace } = network.find((r) => r.f === f)!;
    const copies = new Map(trace.copies.map((c) => [c.id, c]));
    for (const e of trace.events) {
      const where = `${e.type} ${JSON.stringify(e.detail)}`;
      const textEn = eventDetailText(en, e, copies, trace.nodes);
      const textZh = eventDetailText(zh, e, copies, trace.nodes);
      expect(textEn, where).not.toMatch(RAW);
      expect(textZh, where).not.toMatch(RAW);
      expect(textEn.length, where).toBeGreaterThan(0);
      expect(textZh, where).toMatch(CJK);
      expect(typeText(zh, e.type), e.type).toMatch(CJK);
      expect(typeText(en, e.type), e.type).not.toMatch(/^type\./);
    }
  });

  it('names every event type of every example, and words every event without raw fields', () => {
    for (const { f, trace } of runs) {
      const copies = new Map(trace.copies.map((c) => [c.id, c]));
      for (const e of trace.events) {
        // Every type has a name of its own in Chinese (a type without words shows its raw id).
        expect(typeText(zh, e.type), `${f}: ${e.type}`).not.toBe(e.type);
        // The fallback prints the detail's plain fields as `key=value`; a message header may
        // legitimately read `ts=17` (a physical timestamp), so that one field is left out.
        const raw = Object.entries(e.detail ?? {})
          .filter(([k, v]) => k !== 'ts' && (typeof v !== 'object' || v === null))
          .map(([k, v]) => `${k}=${String(v)}`);
        for (const t of [en, zh]) {
          const text = eventDetailText(t, e, copies, trace.nodes);
          const where = `${f}: ${e.type} ${JSON.stringify(e.detail)}`;
          for (const r of raw) expect(text, where).not.toContain(r);
          expect(text, where).not.toMatch(/detail\.|reason\./);
        }
      }
    }
  });

  it('reads the PIM graft example as the lecture does: RFC states and events verbatim', () => {
    const { trace } = network.find((r) => r.f === 'pim-dense-graft.json')!;
    const e = trace.events.find(
      (x) =>
        x.type === 'pim-state' &&
        x.node === 'R3' &&
        x.detail?.iface === 'R3-R4' &&
        x.detail?.to === 'Pruned' &&
        x.detail?.from === 'PrunePending',
    )!;
    expect(say(en, e)).toBe(
      '(S,G) downstream prune machine on R3-R4: PrunePending → Pruned, on “PPT(S,G,I) expires” (actions: set PT(S,G,I)) · RFC 3973 §4.4.2',
    );
    expect(say(zh, e)).toBe(
      '接口 R3-R4 上 (S,G) 的下游剪枝状态机：PrunePending → Pruned，事件“PPT(S,G,I) expires”（动作：set PT(S,G,I)） · RFC 3973 §4.4.2',
    );
    expect(typeText(en, 'pim-state')).toBe('PIM state');
    expect(typeText(zh, 'pim-state')).toBe('PIM 状态');
  });

  it('words a PIM state change without an interface or actions', () => {
    const e = ev('pim-state', {
      machine: 'sm-sptbit',
      entry: '(HE,ch1)',
      from: 'FALSE',
      to: 'TRUE',
      event: 'Update_SPTbit',
      actions: [],
    });
    expect(say(en, e)).toBe('(HE,ch1) SPTbit: FALSE → TRUE, on “Update_SPTbit” · RFC 7761 §4.2.2');
    expect(say(zh, e)).toBe(
      '(HE,ch1) 的最短路径树位 SPTbit：FALSE → TRUE，事件“Update_SPTbit” · RFC 7761 §4.2.2',
    );
  });

  it('says where an RPF check failed and which interface it expected', () => {
    const e = ev(
      'rpf-fail',
      { iface: 'R4-R5', expected: 'R3-R4', toward: 'S', source: 'S', group: 'G' },
      { msg: 'd.1' as never, from: 'S' as NodeId },
    );
    expect(say(en, e)).toBe(
      'data of (S,G) arrived on R4-R5, but the RPF interface toward S is R3-R4: dropped (RFC 3973 §4.2, RFC 7761 §4.2)',
    );
    expect(say(zh, e)).toBe(
      '(S,G) 的数据从 R4-R5 到达，但通往 S 的 RPF 接口是 R3-R4：丢弃（RFC 3973 §4.2，RFC 7761 §4.2）',
    );
    const none = ev('rpf-fail', { iface: 'R4-R5', expected: null, toward: 'RP', source: 'S', group: 'G' });
    expect(say(en, none)).toContain('there is no RPF interface toward RP');
    expect(say(zh, none)).toContain('没有通往 RP 的 RPF 接口');
    expect(typeText(en, 'rpf-fail')).toBe('RPF check failed');
    expect(typeText(zh, 'rpf-fail')).toBe('RPF 检查失败');
  });

  it('says why the card filtered a frame, with the hash bit', () => {
    const e = ev('filter', {
      stage: 'nic',
      reason: 'hash-miss',
      dstMac: '01:00:5e:01:01:01',
      hashIndex: 375,
    });
    expect(say(en, e)).toBe(
      "the card drops the frame to 01:00:5e:01:01:01: a multicast address whose bit 375 of the card's hash filter is not set",
    );
    expect(say(zh, e)).toBe(
      '网卡丢弃发往 01:00:5e:01:01:01 的帧：该组播地址在网卡哈希过滤器中的第 375 位未置位',
    );
    const other = ev('filter', { stage: 'nic', reason: 'not-for-this-card', dstMac: '02:00:00:01:00:03' });
    expect(say(en, other)).toBe(
      'the card drops the frame to 02:00:00:01:00:03: a unicast frame for another station',
    );
    expect(say(zh, other)).toBe('网卡丢弃发往 02:00:00:01:00:03 的帧：发给其他站点的单播帧');
    expect(typeText(en, 'filter')).toBe('NIC filter');
    expect(typeText(zh, 'filter')).toBe('网卡过滤');
  });

  it('words the IGMP machines of routers and hosts (RFC 2236 §6, §7)', () => {
    const querier = ev('transition', {
      machine: 'querier',
      lan: 'L1',
      from: 'Initial',
      to: 'Querier',
      event: 'start',
      actions: ['send general query', 'set gen. q. timer'],
    });
    expect(say(en, querier)).toBe(
      'querier machine on L1: Initial → Querier, on “start” (actions: send general query, set gen. q. timer) · RFC 2236 §7',
    );
    expect(say(zh, querier)).toBe(
      'L1 上的查询器状态机：Initial → Querier，事件“start”（动作：send general query, set gen. q. timer） · RFC 2236 §7',
    );
    const host = ev('transition', {
      machine: 'host',
      lan: 'L1',
      group: 'G',
      from: 'Idle Member',
      to: 'Non-Member',
      event: 'leave group',
      actions: ['send leave'],
    });
    expect(say(en, host)).toBe(
      "host's machine for group G on L1: Idle Member → Non-Member, on “leave group” (actions: send leave) · RFC 2236 §6",
    );
    expect(say(zh, host)).toBe(
      'L1 上的主机中组 G 的状态机：Idle Member → Non-Member，事件“leave group”（动作：send leave） · RFC 2236 §6',
    );
    const group = ev('transition', {
      machine: 'group',
      lan: 'L2',
      group: 'ch1',
      from: 'Checking Membership',
      to: 'No Members Present',
      event: 'timer expired',
      actions: ['notify routing -'],
    });
    expect(say(en, group)).toMatch(
      /^router's membership machine for group ch1 on L2: Checking Membership → /,
    );
    expect(say(zh, group)).toMatch(/^L2 上的路由器中组 ch1 的成员状态机：Checking Membership → /);
    expect(typeText(zh, 'transition')).toBe('IGMP 状态');
  });

  it('words IGMP telling the routing protocol, and an application joining and leaving', () => {
    const gained = ev('notify', { change: '+', lan: 'L1', group: 'G' });
    const lost = ev('notify', { change: '-', lan: 'L1', group: 'G' });
    expect(say(en, gained)).toBe('IGMP tells the multicast routing protocol: LAN L1 now has members of G');
    expect(say(zh, gained)).toBe('IGMP 通知组播路由协议：局域网 L1 上现在有 G 的成员');
    expect(say(en, lost)).toBe('IGMP tells the multicast routing protocol: no member of G is left on LAN L1');
    expect(say(zh, lost)).toBe('IGMP 通知组播路由协议：局域网 L1 上已没有 G 的成员');
    expect(say(en, ev('join', { group: 'G' }))).toBe('an application joins group G (JoinHostGroup)');
    expect(say(zh, ev('leave', { group: 'G' }))).toBe('应用程序退出组 G（LeaveHostGroup）');
  });

  it('uses the language of a reason the protocol wrote in both', () => {
    const e = ev('ignored', { reason: 'checksum', why: { en: 'the checksum is wrong', zh: '校验和错误' } });
    expect(say(en, e)).toBe('IGMP: the checksum is wrong');
    expect(say(zh, e)).toBe('IGMP：校验和错误');
  });

  it('words a frame a host sends, a router forwards and a LAN carries', () => {
    const query = ev(
      'send',
      {
        to: ['L1'],
        label: 'Query',
        role: 'originate',
        on: 'L1',
        dst: '224.0.0.1',
        dstMac: '01:00:5e:00:00:01',
        ttl: 1,
      },
      { kind: 'query' },
    );
    expect(say(en, query)).toBe('sends Query on L1 · to 224.0.0.1 in a frame to 01:00:5e:00:00:01, TTL 1');
    expect(say(zh, query)).toBe('在 L1 上发送：Query · 目的地址 224.0.0.1，帧发往 01:00:5e:00:00:01，TTL 1');
    const data = ev(
      'send',
      {
        to: ['R2'],
        label: 'G',
        role: 'forward',
        on: 'R1-R2',
        dst: '239.1.1.1',
        ttl: 31,
        group: 'G',
        source: 'S',
      },
      { kind: 'data' },
    );
    expect(say(en, data)).toBe('forwards data of (S,G) on R1-R2 · to 239.1.1.1, TTL 31');
    expect(say(zh, data)).toBe('在 R1-R2 上转发：(S,G) 的数据 · 目的地址 239.1.1.1，TTL 31');
    const medium = ev('send', { to: ['H1', 'H2'], label: 'Query', role: 'medium', on: 'L1', sender: 'R1' });
    expect(say(en, medium)).toBe('the LAN carries the frame from R1 to every other station: H1, H2');
    expect(say(zh, medium)).toBe('局域网把 R1 的帧送到其他所有站点：H1, H2');
  });

  it('gives every discard reason of the network and of PIM words in both languages', () => {
    const codes = [...Object.keys(REASONS), ...Object.keys(PIM_REASONS)];
    for (const reason of codes) {
      const e = ev('discard', { stage: 'router', reason });
      // The code itself after the colon would be the reason left unworded.
      expect(say(en, e), reason).toMatch(/^discarded by the router: /);
      expect(say(en, e), reason).not.toBe(`discarded by the router: ${reason}`);
      expect(say(zh, e), reason).toMatch(/^被丢弃（路由器）：.*\p{Script=Han}/u);
      expect(say(zh, e), reason).not.toContain(reason);
    }
  });

  it('names every PIM machine, every mode and every card decision', () => {
    for (const machine of [...Object.keys(MACHINES), 'sm-sptbit']) {
      const e = ev('pim-state', { machine, entry: '(S,G)', from: 'A', to: 'B', event: 'x', actions: [] });
      expect(say(en, e), machine).not.toContain(machine);
      expect(say(zh, e), machine).not.toContain(machine);
      expect(say(en, e), machine).toMatch(/ · RFC (3973|7761) §4\./);
    }
    for (const mode of MODES) {
      const e = ev('deliver', { mode });
      expect(say(zh, e), mode).not.toContain(mode);
      expect(say(zh, e), mode).toMatch(/^交给应用程序 · \p{Script=Han}/u);
    }
    for (const by of ['exact', 'hash', 'promiscuous', 'broadcast']) {
      const e = ev('receive', { by, dstMac: '01:00:5e:01:01:01', hashIndex: 7 });
      expect(say(en, e), by).toMatch(/^the card takes the /);
      expect(say(zh, e), by).toMatch(/^网卡接收/);
    }
  });
});
