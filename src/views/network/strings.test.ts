import { describe, expect, it } from 'vitest';
import { MODE_INFO } from '../../protocols/net/vocabulary';
import { validateScenario } from '../../scenarios/validate';
import { NETWORK_EXAMPLES } from './examples';
import { fill, NET_TEXT, promiscMode } from './strings';

function leaves(o: unknown, prefix = ''): [string, unknown][] {
  if (typeof o !== 'object' || o === null) return [[prefix, o]];
  return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('network lab text', () => {
  it('has the same keys in English and Chinese, none empty', () => {
    const en = leaves(NET_TEXT.en);
    const zh = leaves(NET_TEXT.zh);
    expect(zh.map(([k]) => k).sort()).toEqual(en.map(([k]) => k).sort());
    for (const [k, v] of [...en, ...zh]) expect(typeof v === 'string' && v.trim() !== '', k).toBe(true);
  });
  it('uses the same placeholders in both languages', () => {
    const zh = new Map(leaves(NET_TEXT.zh));
    const holes = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of leaves(NET_TEXT.en)) expect(holes(zh.get(k)), k).toEqual(holes(v));
  });
  it('translates every string with English words in it, except RFC message names kept verbatim', () => {
    const RFC_NAMES = new Set(['PIM Hello']);
    const zh = new Map(leaves(NET_TEXT.zh));
    const copied = leaves(NET_TEXT.en)
      .filter(([k, v]) => zh.get(k) === v && /[a-z]{2,}/.test(String(v).replace(/\{\w+\}/g, '')))
      .filter(([, v]) => !RFC_NAMES.has(String(v)))
      .map(([k]) => k);
    expect(copied).toEqual([]);
  });
  it("words a card's promiscuous mode in the student's language, and shows an unknown mode as it is", () => {
    expect(promiscMode(NET_TEXT.en, 'multicast')).toBe('every multicast frame');
    expect(promiscMode(NET_TEXT.zh, 'multicast')).toBe('所有组播帧');
    expect(promiscMode(NET_TEXT.zh, 'all')).toBe('所有帧');
    expect(promiscMode(NET_TEXT.zh, 'off')).toBe('off');
  });
  it("gives the lecture's arrow notation for each communication mode in both languages", () => {
    for (const [mode, info] of Object.entries(MODE_INFO)) {
      expect(info.pattern.en, mode).toMatch(/^1 → /);
      expect(info.pattern.zh, mode).toMatch(/^1 → /);
      // Where the English has words (not just "1 → 1"), the Chinese has Chinese words.
      if (/[a-z]/.test(info.pattern.en)) expect(info.pattern.zh, mode).toMatch(/\p{Script=Han}/u);
    }
    expect(MODE_INFO.hierarchy.pattern.zh).toBe('1 → 根 → 子组协调者 → 成员');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
  it("lists the network lab's examples: network-lab scenarios that validate, each with both titles", () => {
    expect(NETWORK_EXAMPLES.map((e) => e.id)).toContain('pim-dense-graft');
    expect(NETWORK_EXAMPLES.map((e) => e.id)).not.toContain('causal-lecture');
    for (const e of NETWORK_EXAMPLES) {
      const v = validateScenario(e.data);
      expect(v.ok && v.value.lab, e.id).toBe('network');
      expect(e.title.zh.length > 0 && e.title.en.length > 0).toBe(true);
    }
  });
});
