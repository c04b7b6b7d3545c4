import { resolveCursor, resolveStepScenario } from '../../scenarios/lessons';
import { CHAPTERS, type Chapter, type Lesson, type LessonStep } from '../../scenarios/lessons/types';
import type { LabStore } from '../../store/lab';
import { safeLoad } from '../load';

/** The table of contents: every chapter of the lecture in order, with its lessons (maybe none yet). */
export function tableOfContents(lessons: readonly Lesson[]): { chapter: Chapter; lessons: Lesson[] }[] {
  return CHAPTERS.map((chapter) => ({ chapter, lessons: lessons.filter((l) => l.chapter === chapter) }));
}

/**
 * Put the lab where a lesson step wants it: the step's scenario (loaded, so Reset returns to it),
 * its cursor, and the lesson position (which the URL then carries as a deep link).
 */
export function openStep(store: LabStore, lesson: Lesson, index: number): LessonStep | undefined {
  const i = Math.max(0, Math.min(lesson.steps.length - 1, index));
  const step = lesson.steps[i];
  if (!step) return undefined;
  const st = store.getState();
  if (!safeLoad(store, resolveStepScenario(lesson, i), 0, 'link')) return undefined;
  st.setCursor(resolveCursor(store.getState().trace, step.cursor));
  st.setLesson({ id: lesson.id, step: i });
  return step;
}
