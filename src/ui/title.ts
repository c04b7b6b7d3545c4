import { LESSONS } from '../scenarios/lessons';
import { titleIn } from '../scenarios/schema';
import type { LabState } from '../store/lab';

/**
 * The name the header and the browser tab show, in the student's language: the scenario's
 * title, else (a lesson's scenarios are usually untitled) the lesson's, else none.
 */
export function shownTitle(s: Pick<LabState, 'scenario' | 'lesson' | 'lang'>): string | undefined {
  const own = titleIn(s.scenario.title, s.lang);
  if (own) return own;
  const id = s.lesson?.id;
  return id ? LESSONS.find((l) => l.id === id)?.title[s.lang] : undefined;
}
