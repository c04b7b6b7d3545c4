import type { Lesson } from '../types';

/** The lessons of the multicast routing (PIM) chapters, in the lecture's order. */
export const PIM_LESSONS: Lesson[] = [];
