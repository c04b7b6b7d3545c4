import { describe, expect, it } from 'vitest';
import { resources } from './index';

/** Every key a student can read exists in both languages, and no Chinese string is left empty. */
function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('have the same keys in English and Chinese', () => {
    expect(keys(resources.zh).sort()).toEqual(keys(resources.en).sort());
  });
  it('have no empty strings', () => {
    for (const lang of [resources.en, resources.zh]) {
      const flat = keys(lang);
      for (const k of flat) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], lang);
        expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
      }
    }
  });
});
