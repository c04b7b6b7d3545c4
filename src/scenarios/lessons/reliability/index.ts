import type { Lesson } from '../types';
import { ackOptimizations } from './acks';
import { atomicExample1 } from './atomic';
import { reliableMulticast } from './reliable';
import { unreliableMulticast } from './unreliable';
import { virtualSynchrony } from './vsync';

/**
 * The lessons of the reliability and atomic multicast chapters, in the lecture's order
 * ("Reliability of multicasts"): atomic multicast, example 1 and example 2; reliable multicast;
 * optimizing acknowledgements; unreliable multicast.
 */
export const RELIABILITY_LESSONS: Lesson[] = [
  atomicExample1,
  virtualSynchrony,
  reliableMulticast,
  ackOptimizations,
  unreliableMulticast,
];
