import { describe, expect, it } from 'vitest';
import { CHAPTERS, type Lesson } from '../../scenarios/lessons/types';
import type { Scenario } from '../../scenarios/schema';
import { createLabStore } from '../../store/lab';
import { openStep, tableOfContents } from './steps';

const scenario = (seed: number): Scenario => ({
  version: 1,
  lab: 'process',
  seed,
  processes: ['P0', 'P1'],
  ordering: 'fifo',
  network: { latency: [1, 2], loss: 0 },
  actions: [
    { type: 'multicast', at: 0, node: 'P0', msg: 'm1' },
    { type: 'multicast', at: 1, node: 'P1', msg: 'm2' },
  ],
  interventions: [],
});

const text = { en: 'x', zh: '乙' };
const lesson: Lesson = {
  id: 'ordering.test',
  chapter: 'ordering',
  title: text,
  summary: text,
  steps: [
    { title: text, body: text, scenario: scenario(1), cursor: 0 },
    { title: text, body: text, cursor: 'end' },
    { title: text, body: text, scenario: scenario(2), cursor: 2 },
    { title: text, body: text, cursor: 1, sandbox: true },
  ],
};

describe('tableOfContents', () => {
  it('lists every chapter in the lecture’s order, each with its own lessons', () => {
    const toc = tableOfContents([lesson]);
    expect(toc.map((c) => c.chapter)).toEqual([...CHAPTERS]);
    expect(toc.find((c) => c.chapter === 'ordering')?.lessons).toEqual([lesson]);
    expect(toc.filter((c) => c.lessons.length > 0)).toHaveLength(1);
  });
});

describe('openStep', () => {
  it('loads the step’s scenario and cursor and records the lesson position', () => {
    const store = createLabStore(scenario(9));
    openStep(store, lesson, 1);
    const s = store.getState();
    expect(s.scenario.seed).toBe(1);
    expect(s.cursor).toBe(s.trace.events.length);
    expect(s.lesson).toEqual({ id: 'ordering.test', step: 1 });
    expect(s.loaded).toBe(s.scenario);
  });
  it('clamps a step index past the end to the last step (the sandbox)', () => {
    const store = createLabStore(scenario(9));
    expect(openStep(store, lesson, 99)?.sandbox).toBe(true);
    expect(store.getState().lesson?.step).toBe(3);
  });
});
