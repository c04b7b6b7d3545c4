import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../scenarios/validate';
import { NETWORK_EXAMPLES } from './examples';
import { fill, NET_TEXT } from './strings';

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
