import { describe, expect, it } from 'vitest';
import { resources } from './index';

/** Every key a student can read exists in both languages, and no Chinese string is left empty. */
function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const valueAt = (lang: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], lang);

/**
 * A Chinese string may equal its English one only when nothing in it is an English word:
 * acronyms (ACK, FIFO, IGMP), symbols, numbers, one-letter names (`t = {{time}}`, `V{{id}}`).
 */
const untranslatable = (s: string) => !/[a-z]{2,}/.test(s.replace(/\{\{\w+\}\}/g, ''));

describe('translations', () => {
  it('have the same keys in English and Chinese', () => {
    expect(keys(resources.zh).sort()).toEqual(keys(resources.en).sort());
  });
  it('have no empty strings', () => {
    for (const lang of [resources.en, resources.zh]) {
      for (const k of keys(lang)) {
        const v = valueAt(lang, k);
        expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
      }
    }
  });
  it('translate every string with English words in it: no Chinese value is a copy of the English', () => {
    const copied = keys(resources.en).filter((k) => {
      const en = valueAt(resources.en, k) as string;
      return valueAt(resources.zh, k) === en && !untranslatable(en);
    });
    expect(copied).toEqual([]);
  });
  it('use the same {{placeholders}} in both languages', () => {
    // Sets, not lists: a sentence may name a value twice in one language and once in the other.
    const holes = (s: unknown) =>
      [...new Set([...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
    for (const k of keys(resources.en))
      expect(holes(valueAt(resources.zh, k)), k).toEqual(holes(valueAt(resources.en, k)));
  });
  it('tell a copied English sentence from an acronym or a symbol', () => {
    expect(untranslatable('ACK')).toBe(true);
    expect(untranslatable('t = {{time}}')).toBe(true);
    expect(untranslatable('V{{id}} = { {{members}} }')).toBe(true);
    expect(untranslatable('Step back')).toBe(false);
    expect(untranslatable('{{n}} steps')).toBe(false);
  });
});
