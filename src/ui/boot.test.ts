import { describe, expect, it } from 'vitest';
import { encodeShare } from '../scenarios/url';
import { browserLang, startFromHash } from './boot';
import { DEFAULT_SCENARIO } from './defaultScenario';

describe('startFromHash', () => {
  it('starts from the default scenario with no error when there is no hash', () => {
    const s = startFromHash('', DEFAULT_SCENARIO, 'en');
    expect(s.scenario).toBe(DEFAULT_SCENARIO);
    expect(s.loadError).toBeNull();
  });
  it('opens exactly what a shared link holds', () => {
    const other = { ...DEFAULT_SCENARIO, title: 'shared', ordering: 'unordered' as const };
    const hash = encodeShare({
      scenario: other,
      cursor: 3,
      lesson: { id: 'ordering.fifo', step: 2 },
      lang: 'zh',
      presenter: true,
    });
    const s = startFromHash(`#${hash}`, DEFAULT_SCENARIO, 'en');
    expect(s.scenario).toEqual(other);
    expect([s.cursor, s.lang, s.presenter, s.lesson]).toEqual([
      3,
      'zh',
      true,
      { id: 'ordering.fifo', step: 2 },
    ]);
  });
  it('falls back to the default scenario and reports a link that does not decode', () => {
    const s = startFromHash('#this-is-not-a-link', DEFAULT_SCENARIO, 'zh');
    expect(s.scenario).toBe(DEFAULT_SCENARIO);
    expect(s.lang).toBe('zh');
    expect(s.loadError?.source).toBe('link');
    expect(s.loadError?.summary.length).toBeGreaterThan(0);
  });
});

describe('browserLang', () => {
  it('picks Chinese for any zh locale, English otherwise', () => {
    expect(browserLang(['zh-TW', 'en'])).toBe('zh');
    expect(browserLang(['en-GB', 'zh-CN'])).toBe('en');
    expect(browserLang(['de-DE'])).toBe('en');
  });
});

describe('DEFAULT_SCENARIO', () => {
  it('is the lecture’s causal example: P0, P1, P2 under causal ordering, multicasting m0 then m1', () => {
    const s = DEFAULT_SCENARIO;
    if (s.lab !== 'process') throw new Error('the default is not a process-lab scenario');
    expect(s.processes).toEqual(['P0', 'P1', 'P2']);
    expect(s.ordering).toBe('causal');
    expect(s.actions.map((a) => ('msg' in a ? a.msg : ''))).toEqual(['m0', 'm1']);
  });
});
