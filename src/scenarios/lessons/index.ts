import { GROUP_LESSONS } from './groups';
import { NETWORK_LESSONS } from './network';
import { causal } from './ordering/causal';
import { fifo } from './ordering/fifo';
import { globalTime } from './ordering/globaltime';
import { intro } from './ordering/intro';
import { sync } from './ordering/sync';
import { total } from './ordering/total';
import { unordered } from './ordering/unordered';
import { PIM_LESSONS } from './pim';
import { RELIABILITY_LESSONS } from './reliability';
import { CHAPTERS, type Lesson } from './types';

/**
 * Every lesson, in the lecture's order (ARCHITECTURE.md, "The lecture, as the app's table of
 * contents"): by chapter, and inside the ordering chapter as the lecture's "Message ordering"
 * section presents them: sending vs. delivering, global time, total, causal, sync, FIFO,
 * unordered. Later labs add their lessons here; the sort keeps chapters in CHAPTERS order.
 */
const ALL: Lesson[] = [
  ...GROUP_LESSONS,
  ...RELIABILITY_LESSONS,
  intro,
  globalTime,
  total,
  causal,
  sync,
  fifo,
  unordered,
  ...NETWORK_LESSONS,
  ...PIM_LESSONS,
];

export const LESSONS: Lesson[] = ALL.map((l, i) => ({ l, i }))
  .sort((a, b) => CHAPTERS.indexOf(a.l.chapter) - CHAPTERS.indexOf(b.l.chapter) || a.i - b.i)
  .map(({ l }) => l);

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export { findAfter, resolveCursor, resolveStepScenario } from './resolve';
export type { Bilingual, Chapter, CursorSpec, Highlight, Lesson, LessonStep } from './types';
export { CHAPTERS } from './types';
