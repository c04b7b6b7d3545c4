import type { Lesson } from '../types';

/** The lessons of the network view, addressing, IGMP and IPTV chapters, in the lecture's order. */
export const NETWORK_LESSONS: Lesson[] = [];
