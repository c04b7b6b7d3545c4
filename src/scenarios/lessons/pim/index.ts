import type { Lesson } from '../types';
import { assertLesson } from './assert';
import { floodPruneLesson } from './flood-prune';
import { graftLesson } from './graft';
import { iptvLesson } from './iptv';
import { registerLesson } from './register';
import { rpTreeLesson } from './rp-tree';
import { rpfLesson } from './rpf';
import { sptSwitchLesson } from './spt-switch';
import { stateRefreshLesson } from './state-refresh';

/**
 * The lessons of the multicast routing (PIM) chapters, in the lecture's order: "Multicast
 * Forwarding" (RPF), "Flooding: Dense Mode" (flood and prune, graft, State Refresh, Assert),
 * "Sparse Mode Multicast" (RP tree, Register, SPT switch), then IPTV over a routed network.
 */
export const PIM_LESSONS: Lesson[] = [
  rpfLesson,
  floodPruneLesson,
  graftLesson,
  stateRefreshLesson,
  assertLesson,
  rpTreeLesson,
  registerLesson,
  sptSwitchLesson,
  iptvLesson,
];
