import type { Lesson } from '../types';
import { byzantinePartition, crashOmission } from './failures';
import { closedOpen, groupsIntro, management, peerHierarchical } from './groups';

/**
 * The lessons of the groups and failures chapters, in the lecture's order: "Groups", then
 * "Design issues" (closed vs. open, peer vs. hierarchical, managing membership), then "Failure
 * considerations" (crash, omission, byzantine, partition).
 */
export const GROUP_LESSONS: Lesson[] = [
  groupsIntro,
  closedOpen,
  peerHierarchical,
  management,
  crashOmission,
  byzantinePartition,
];
