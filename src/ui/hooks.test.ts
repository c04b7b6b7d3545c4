import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from '../scenarios/url';
import { createLabStore } from '../store/lab';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { nextSpeed, SPEEDS, shareDoc, togglePlay } from './hooks';

describe('nextSpeed', () => {
  it('steps through the offered speeds and stops at both ends', () => {
    expect(nextSpeed(4, 1)).toBe(8);
    expect(nextSpeed(4, -1)).toBe(2);
    expect(nextSpeed(SPEEDS[SPEEDS.length - 1] ?? 0, 1)).toBe(SPEEDS[SPEEDS.length - 1]);
    expect(nextSpeed(SPEEDS[0] ?? 0, -1)).toBe(SPEEDS[0]);
  });
  it('moves a speed between two offered ones to its neighbours', () => {
    expect(nextSpeed(3, 1)).toBe(4);
    expect(nextSpeed(3, -1)).toBe(2);
  });
});

describe('togglePlay', () => {
  it('plays and pauses; at the end of the run it starts again from the beginning', () => {
    const store = createLabStore(DEFAULT_SCENARIO);
    togglePlay(store);
    expect(store.getState().playing).toBe(true);
    togglePlay(store);
    expect(store.getState().playing).toBe(false);
    store.getState().setCursor(store.getState().trace.events.length);
    togglePlay(store);
    expect(store.getState()).toMatchObject({ playing: true, cursor: 0 });
  });
});

describe('shareDoc', () => {
  it('carries scenario, cursor, lesson, language and presenter, and survives the link codec', () => {
    const store = createLabStore(DEFAULT_SCENARIO, { cursor: 5, lang: 'zh', presenter: true });
    store.getState().setLesson({ id: 'ordering.causal', step: 3 });
    const doc = shareDoc(store.getState());
    const back = decodeShare(encodeShare(doc));
    expect(back.ok && back.value).toEqual({
      scenario: DEFAULT_SCENARIO,
      cursor: 5,
      lesson: { id: 'ordering.causal', step: 3 },
      lang: 'zh',
      presenter: true,
    });
  });
});
