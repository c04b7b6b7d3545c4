import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fifo from './examples/fifo-holdback.json';
import { LESSONS } from './lessons';
import { Title, titleIn } from './schema';
import { decodeShare, encodeShare } from './url';
import { validateScenario } from './validate';

const withTitle = (title: unknown) => ({ ...fifo, title });

/** The errors a scenario with this title gets at `title` (or below it). */
const titleErrors = (title: unknown) => {
  const v = validateScenario(withTitle(title));
  return v.ok ? [] : v.errors.filter((e) => e.path.startsWith('title'));
};

describe('scenario title: one string or { en, zh }', () => {
  it('accepts a plain string, as every file and link made before bilingual titles has', () => {
    const v = validateScenario(withTitle('FIFO: a plain title'));
    expect(v.ok && v.value.title).toBe('FIFO: a plain title');
  });

  it('accepts both languages, or only one of them', () => {
    for (const title of [{ en: 'Causal', zh: '因果序' }, { en: 'Causal' }, { zh: '因果序' }])
      expect(titleErrors(title)).toEqual([]);
  });

  it('rejects a bilingual title that gives neither language, naming the field', () => {
    expect(titleErrors({})).toEqual([
      {
        path: 'title',
        message: expect.stringContaining('"en", "zh"'),
        zh: '双语标题至少需要 "en" 或 "zh" 之一',
      },
    ]);
  });

  it('rejects a language the app does not have, an empty name, and a name that is not text', () => {
    expect(titleErrors({ en: 'x', fr: 'y' }).map((e) => e.path)).toContain('title');
    expect(titleErrors({ en: '' }).map((e) => e.path)).toEqual(['title.en']);
    expect(titleErrors({ en: 'x', zh: 3 })).toHaveLength(1);
    expect(titleErrors(42)).toHaveLength(1);
  });

  it('a bilingual title survives a share link, and an old link with a string title still opens', () => {
    for (const title of [{ en: 'Causal', zh: '因果序' }, 'Old link']) {
      const v = validateScenario(withTitle(title));
      if (!v.ok) throw new Error('the test scenario is invalid');
      const back = decodeShare(encodeShare({ scenario: v.value, cursor: 0 }));
      expect(back.ok && back.value.scenario.title).toEqual(title);
    }
  });
});

describe("titleIn: the title in the reader's language", () => {
  it('picks the language asked for', () => {
    expect(titleIn({ en: 'Causal', zh: '因果序' }, 'en')).toBe('Causal');
    expect(titleIn({ en: 'Causal', zh: '因果序' }, 'zh')).toBe('因果序');
  });

  it('falls back to whichever language exists', () => {
    expect(titleIn({ en: 'Causal' }, 'zh')).toBe('Causal');
    expect(titleIn({ zh: '因果序' }, 'en')).toBe('因果序');
  });

  it('shows a plain string in every language, and nothing when there is no title', () => {
    expect(titleIn('Plain', 'zh')).toBe('Plain');
    expect(titleIn(undefined, 'en')).toBeUndefined();
  });
});

describe('built-in scenarios are titled in both languages', () => {
  const both = (t: unknown) => {
    const p = Title.safeParse(t);
    return p.success && typeof p.data === 'object' && !!p.data.en && !!p.data.zh;
  };

  it('every example file', () => {
    const dir = new URL('./examples/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const untranslated = files.filter((f) => !both(JSON.parse(readFileSync(new URL(f, dir), 'utf8')).title));
    expect(untranslated).toEqual([]);
  });

  it("every lesson step's scenario that has a title", () => {
    // Some steps do carry a title (20 of 50 scenarios when this was written): the check is not vacuous.
    const titled = LESSONS.flatMap((l) => l.steps.filter((s) => s.scenario?.title !== undefined));
    expect(titled.length).toBeGreaterThan(5);
    const untranslated = LESSONS.flatMap((l) =>
      l.steps.flatMap((s, i) =>
        s.scenario?.title !== undefined && !both(s.scenario.title) ? [`${l.id} step ${i + 1}`] : [],
      ),
    );
    expect(untranslated).toEqual([]);
  });
});
