import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import type { MsgId, NodeId } from '../sim/ids';
import { holdbackScenario, traceOf } from './testing/scenarios';
import {
  eventDetailText,
  headerText,
  reasonText,
  sortChecks,
  type Tx,
  typeText,
  violationText,
} from './text';

const i18n = initI18n('en');
const en = i18n.getFixedT('en', 'views') as unknown as Tx;
const zh = i18n.getFixedT('zh', 'views') as unknown as Tx;
const P = (s: string) => s as NodeId;
const M = (s: string) => s as MsgId;

describe('why a message waits, in words', () => {
  const cases: [unknown, string, string][] = [
    [{ kind: 'seq', sender: 'P0', need: 1 }, "needs P0's message 1 first", '需要先收到 P0 的第 1 条消息'],
    [
      { kind: 'causal', sender: 'P1', need: 2 },
      "needs P1's message 2 first (it causally precedes this one)",
      '需要先收到 P1 的第 2 条消息（它因果先于这条消息）',
    ],
    [{ kind: 'order', need: null }, "waits for the sequencer's number", '等待定序器分配的序号'],
    [{ kind: 'order', need: 4 }, 'needs sequence number 4 delivered first', '需要先交付序号 4'],
    [
      { kind: 'sync', need: 2 },
      'a sync is in progress: 2 earlier messages must be delivered first',
      '同步进行中：需要先交付 2 条更早的消息',
    ],
    [{ kind: 'time', until: 17 }, 'waits until the clock passes 17', '等待时钟超过 17'],
    [
      { kind: 'sync', need: 1, missing: ['P1', 'P2'] },
      'a sync is in progress: waits to hear from P1, P2 how many messages they sent before it',
      '同步进行中：等待 P1, P2 告知它们在同步之前发送了多少条消息',
    ],
  ];
  for (const [reason, wantEn, wantZh] of cases)
    it(`renders ${JSON.stringify(reason)} in English and Chinese`, () => {
      expect(reasonText(en, reason)).toBe(wantEn);
      expect(reasonText(zh, reason)).toBe(wantZh);
    });

  it('never throws on a reason it does not know', () => {
    expect(reasonText(en, undefined)).toContain('undefined');
    expect(reasonText(en, { kind: 'quorum' })).toContain('quorum');
  });
});

describe("the checker's finding, in words", () => {
  it('says which process delivered what before what, and why that breaks causal order', () => {
    const v = {
      guarantee: 'causal',
      node: P('P2'),
      first: M('m0'),
      second: M('m1'),
      step: 12,
      rule: 'happens-before',
    };
    expect(violationText(en, v)).toBe('P2 delivered m1 before m0, but m0 → m1 (happens-before).');
    expect(violationText(zh, v)).toBe('P2 先交付了 m1 再交付 m0，但 m0 → m1（先发生于）。');
  });

  it('names the other process for total order, and falls back to the rule for unknown guarantees', () => {
    const v = {
      guarantee: 'total',
      node: P('P1'),
      first: M('a'),
      second: M('b'),
      step: 3,
      rule: 'order-differs',
      other: P('P0'),
    };
    expect(violationText(en, v)).toBe('P1 delivered b before a, but P0 delivered a first.');
    expect(violationText(zh, { ...v, rule: 'missing-earlier' })).toBe(
      'P1 交付了 b，却从未交付 a，而 P0 在它之前交付了 a。',
    );
    expect(violationText(en, { ...v, guarantee: 'atomic', rule: 'r' })).toContain('rule: r');
  });

  it('lists guarantees in the lecture order', () => {
    const r = sortChecks(
      ['sync', 'x', 'causal', 'fifo', 'total'].map((guarantee) => ({ guarantee, holds: true })),
    );
    expect(r.map((c) => c.guarantee)).toEqual(['fifo', 'causal', 'total', 'sync', 'x']);
  });
});

describe('event details for the log', () => {
  const trace = traceOf(holdbackScenario());
  const copies = new Map(trace.copies.map((c) => [c.id as string, c]));

  it('writes headers as vectors and sequence numbers', () => {
    expect(headerText({ vt: [1, 0, 2] }, [])).toBe('[1,0,2]');
    expect(headerText({ vt: { P1: 0, P0: 1 } }, ['P0', 'P1'])).toBe('[1,0]');
    expect(headerText({ seq: 3 }, [])).toBe('#3');
  });

  it('says why a held-back message waits, and where a send goes', () => {
    const held = trace.events.find((e) => e.type === 'holdback')!;
    expect(eventDetailText(en, held, copies, trace.nodes)).toContain("needs P0's message 1 first");
    expect(eventDetailText(zh, held, copies, trace.nodes)).toContain('需要先收到 P0 的第 1 条消息');
    const send = trace.events.find((e) => e.type === 'send')!;
    expect(eventDetailText(en, send, copies, trace.nodes)).toBe('multicast to P1, P2 · header #1');
    expect(typeText(zh, 'holdback')).toBe('保留');
    expect(typeText(en, 'prune')).toBe('prune');
  });
});
