import { describe, expect, it } from 'vitest';
import { LESSONS } from '../scenarios/lessons';
import type { Scenario } from '../scenarios/schema';
import { validateScenario } from '../scenarios/validate';
import { shownTitle } from './title';

const base = {
  version: 1,
  lab: 'process',
  seed: 1,
  processes: ['P0', 'P1'],
  ordering: 'fifo',
  network: { latency: [1, 2], loss: 0 },
  actions: [],
};

function scenario(title?: unknown): Scenario {
  const v = validateScenario(title === undefined ? base : { ...base, title });
  if (!v.ok) throw new Error('test scenario invalid');
  return v.value;
}

describe('the header title follows the language', () => {
  it('shows a bilingual title in the current language', () => {
    const s = scenario({ en: 'Causal ordering', zh: '因果序' });
    expect(shownTitle({ scenario: s, lesson: null, lang: 'en' })).toBe('Causal ordering');
    expect(shownTitle({ scenario: s, lesson: null, lang: 'zh' })).toBe('因果序');
  });

  it('falls back to the language given, and shows a plain string as it is', () => {
    expect(shownTitle({ scenario: scenario({ en: 'Only English' }), lesson: null, lang: 'zh' })).toBe(
      'Only English',
    );
    expect(shownTitle({ scenario: scenario('Plain'), lesson: null, lang: 'zh' })).toBe('Plain');
  });

  it("names an untitled lesson scenario by the lesson's title in the current language, and nothing else by nothing", () => {
    const lesson = LESSONS[0]!;
    for (const lang of ['en', 'zh'] as const)
      expect(shownTitle({ scenario: scenario(), lesson: { id: lesson.id, step: 0 }, lang })).toBe(
        lesson.title[lang],
      );
    expect(shownTitle({ scenario: scenario(), lesson: null, lang: 'en' })).toBeUndefined();
  });
});
