import type { Lesson } from '../types';

/** The lessons of the reliability and atomic multicast chapters, in the lecture's order. */
export const RELIABILITY_LESSONS: Lesson[] = [];
