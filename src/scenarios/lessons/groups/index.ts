import type { Lesson } from '../types';

/** The lessons of the groups and failures chapters, in the lecture's order. */
export const GROUP_LESSONS: Lesson[] = [];
