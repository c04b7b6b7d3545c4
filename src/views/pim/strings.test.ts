import { describe, expect, it } from 'vitest';
import { PIM_KIND_INFO } from '../../protocols/pim/messages';
import { PIM_TEXT } from './strings';

function leaves(o: unknown, prefix = ''): [string, unknown][] {
  if (typeof o !== 'object' || o === null) return [[prefix, o]];
  return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('PIM view text', () => {
  it('has the same keys in English and Chinese, none empty', () => {
    const en = leaves(PIM_TEXT.en);
    const zh = leaves(PIM_TEXT.zh);
    expect(zh.map(([k]) => k).sort()).toEqual(en.map(([k]) => k).sort());
    for (const [k, v] of [...en, ...zh]) expect(typeof v === 'string' && v.trim() !== '', k).toBe(true);
  });

  it('uses the same placeholders in both languages', () => {
    const zh = new Map(leaves(PIM_TEXT.zh));
    const holes = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of leaves(PIM_TEXT.en)) expect(holes(zh.get(k)), k).toEqual(holes(v));
  });

  it('translates every string with English words in it, except RFC message names kept verbatim', () => {
    // RFC 7761 §4.9 message names stay as the RFC writes them, in both languages.
    const RFC_NAMES = new Set(['Hello']);
    const zh = new Map(leaves(PIM_TEXT.zh));
    const copied = leaves(PIM_TEXT.en)
      .filter(([k, v]) => zh.get(k) === v && /[a-z]{2,}/.test(String(v).replace(/\{\w+\}/g, '')))
      .filter(([, v]) => !RFC_NAMES.has(String(v)))
      .map(([k]) => k);
    expect(copied).toEqual([]);
  });

  it('names every PIM message kind the protocol can send', () => {
    for (const k of Object.keys(PIM_KIND_INFO)) expect(PIM_TEXT.en.kind).toHaveProperty(k);
  });
});
