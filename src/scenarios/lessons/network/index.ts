import type { Lesson } from '../types';
import { addressing } from './addressing';
import { igmp } from './igmp';
import { implementing } from './implementing';
import { iptv } from './iptv';
import { modes } from './modes';

/** The lessons of the network view, addressing, IGMP and IPTV chapters, in the lecture's order. */
export const NETWORK_LESSONS: Lesson[] = [modes, implementing, addressing, igmp, iptv];
