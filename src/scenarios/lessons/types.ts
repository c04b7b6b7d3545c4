import type { Scenario } from '../schema';

/** Text a student reads exists in English and Chinese (the course is taught in both). */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * Where a lesson step puts the cursor: a step count, the end of the run, or just after the
 * first trace event that matches (so a lesson survives small changes to the simulation).
 */
export type CursorSpec =
  | number
  | 'end'
  | { after: { type: string; node?: string; msg?: string; nth?: number } };

/** What a step asks the student to look at; views draw these emphasised. */
export interface Highlight {
  nodes?: string[];
  msgs?: string[];
  /** Copy ids, `m1@P2`. */
  copies?: string[];
  /**
   * A panel to point at. Process lab: `holdback`, `delivery`, `vector`, `checks`, `log`,
   * `metrics`, `reliability`. Network lab: `modes`, `routing`, `igmp`, `pim`, `compare`,
   * `address`.
   */
  panel?: string;
  /** Network lab: an address the address panel shows (`224.10.8.5`, `FF02::9`). */
  address?: string;
}

export interface LessonStep {
  title: Bilingual;
  /** The narration: plain text with `**bold**` and line breaks only (never HTML). */
  body: Bilingual;
  /** The scenario this step shows; omitted = the previous step's. */
  scenario?: Scenario;
  cursor: CursorSpec;
  highlight?: Highlight;
  /** The last step of every lesson: the student may now change the scenario freely. */
  sandbox?: boolean;
}

/** The lecture's order (ARCHITECTURE.md, "The lecture, as the app's table of contents"). */
export const CHAPTERS = [
  'modes',
  'groups',
  'failures',
  'implementing',
  'reliability',
  'ordering',
  'addressing',
  'igmp',
  'pim-dm',
  'pim-sm',
  'iptv',
] as const;
export type Chapter = (typeof CHAPTERS)[number];

export interface Lesson {
  /** Stable id used in deep links: `ordering.causal`. */
  id: string;
  chapter: Chapter;
  title: Bilingual;
  summary: Bilingual;
  steps: LessonStep[];
}
