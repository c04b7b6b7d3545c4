import { lessonById, resolveStepScenario } from '../scenarios/lessons';
import type { Scenario } from '../scenarios/schema';
import { validateScenario } from '../scenarios/validate';

/**
 * What the app shows with no link, or instead of a bad one: the lecture's own causal ordering
 * example ("Causal Ordering: Example": P2 holds m1 back until m0 arrives), the heart of the
 * ordering lab. It goes through the same validator as any file, so a broken default is caught
 * by the unit test, never on a student's screen.
 */
function load(): Scenario {
  const lesson = lessonById('ordering.causal');
  if (!lesson) throw new Error('default scenario: the causal ordering lesson is missing');
  const v = validateScenario({
    ...resolveStepScenario(lesson, 0),
    title: { en: "Causal ordering: the lecture's example", zh: '因果序：讲义中的例子' },
  });
  if (!v.ok) throw new Error(`default scenario is invalid: ${v.errors.map((e) => e.path).join(', ')}`);
  return v.value;
}

export const DEFAULT_SCENARIO: Scenario = load();
