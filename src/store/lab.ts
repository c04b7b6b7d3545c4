import { createStore } from 'zustand/vanilla';
import type { InterventionInput, Scenario } from '../scenarios/schema';
import { simulate } from '../scenarios/simulate';
import type { ShareProblem, ShareView } from '../scenarios/url';
import type { FieldError } from '../scenarios/validate';
import type { Trace } from '../sim/trace';

/**
 * The one store (zustand, vanilla so tests and non-React code can drive it).
 *
 * `cursor` counts the trace events shown: 0 is the state before the first event, and
 * `trace.events.length` is the end of the run. So the event just shown is `events[cursor - 1]`,
 * and the virtual time on screen is that event's time (0 at cursor 0).
 *
 * A user's intervention is an edit of the scenario (ARCHITECTURE.md): `edit` pushes the old
 * scenario on `undoStack`, re-simulates, and keeps the cursor where it was (clamped), so the
 * student sees the consequence at the moment they acted.
 */

export type Lang = 'en' | 'zh';

export interface Selection {
  /** A copy on the wire (`m1@P2`): the intervention menu opens for it. */
  copy?: string;
  node?: string;
  msg?: string;
}

export interface LoadError {
  /** Where the bad input came from: a share link, a file, the CLI. */
  source: 'link' | 'file';
  /** One sentence: what is wrong (in the language of the moment it happened). */
  summary: string;
  /** The same sentence as a key of the `ui` strings, so the banner follows a language switch. */
  message?: { key: string; args?: Record<string, string | number> };
  /** Field-precise problems, when the input parsed but did not validate. */
  errors: FieldError[];
  /** A link's machine-readable problem, so the shell can word it in the student's language. */
  problem?: ShareProblem;
}

/**
 * What the network lab shows that the student chose: the side panel, the node whose details are
 * open, the PIM stage's tab (the share link's `view`). A field is absent until the student
 * chooses; the lab then shows what the lesson step points at, else its default. The choices hold
 * through edits of the scenario (an intervention is an edit) and are cleared when a different
 * scenario is loaded or the lesson step changes: a new step points afresh.
 */
export type NetView = ShareView;

export interface LessonPosition {
  id: string;
  step: number;
}

export interface LabState {
  scenario: Scenario;
  /** simulate(scenario): derived, computed once per scenario. */
  trace: Trace;
  cursor: number;
  playing: boolean;
  /** Playback speed in steps per second. */
  speed: number;
  selection: Selection;
  lang: Lang;
  presenter: boolean;
  lesson: LessonPosition | null;
  /** The last bad link or file, shown until dismissed; the working scenario is kept. */
  loadError: LoadError | null;
  undoStack: Scenario[];
  /** The scenario as last loaded (link, file, lesson step): what Reset returns to. */
  loaded: Scenario;
  netView: NetView;

  /** Replace the scenario (a link, a file, a lesson step). Clears undo history. */
  load(scenario: Scenario, cursor?: number): void;
  /** Apply a user's edit; re-simulates and keeps the cursor. */
  edit(change: (s: Scenario) => Scenario): void;
  undo(): void;
  /** Back to the loaded scenario, as an edit (so Reset itself can be undone). */
  reset(): void;
  /** Add an intervention on one copy (deliver at a time, or drop). */
  intervene(i: InterventionInput): void;
  setCursor(c: number): void;
  stepBy(delta: number): void;
  setPlaying(p: boolean): void;
  setSpeed(stepsPerSecond: number): void;
  select(s: Selection): void;
  setLang(l: Lang): void;
  setPresenter(p: boolean): void;
  setLesson(l: LessonPosition | null): void;
  setLoadError(e: LoadError | null): void;
  /** Replace the network lab's view (a link's, or the student's choice merged by the caller). */
  setNetView(v: NetView): void;
}

const clamp = (c: number, trace: Trace) => Math.max(0, Math.min(trace.events.length, Math.round(c)));

export function createLabStore(
  initial: Scenario,
  init: Partial<Pick<LabState, 'cursor' | 'lang' | 'presenter' | 'netView'>> = {},
) {
  const trace0 = simulate(initial);
  return createStore<LabState>()((set, get) => ({
    scenario: initial,
    trace: trace0,
    cursor: clamp(init.cursor ?? 0, trace0),
    playing: false,
    speed: 4,
    selection: {},
    lang: init.lang ?? 'en',
    presenter: init.presenter ?? false,
    lesson: null,
    loadError: null,
    undoStack: [],
    loaded: initial,
    netView: init.netView ?? {},

    load(scenario, cursor = 0) {
      const trace = simulate(scenario);
      // The same scenario loaded again (a lesson step on the scenario already loaded) keeps the view.
      const keep = scenario === get().loaded;
      set({
        scenario,
        trace,
        cursor: clamp(cursor, trace),
        undoStack: [],
        selection: {},
        playing: false,
        loaded: scenario,
        ...(keep ? {} : { netView: {} }),
      });
    },
    edit(change) {
      const { scenario, cursor, undoStack } = get();
      const next = change(scenario);
      if (next === scenario) return;
      const trace = simulate(next);
      set({
        scenario: next,
        trace,
        cursor: clamp(cursor, trace),
        undoStack: [...undoStack, scenario],
        selection: {},
      });
    },
    undo() {
      const { undoStack, cursor } = get();
      const prev = undoStack[undoStack.length - 1];
      if (!prev) return;
      const trace = simulate(prev);
      set({
        scenario: prev,
        trace,
        cursor: clamp(cursor, trace),
        undoStack: undoStack.slice(0, -1),
        selection: {},
      });
    },
    reset() {
      const { loaded } = get();
      get().edit(() => loaded);
    },
    intervene(i) {
      get().edit((s) => ({ ...s, interventions: [...s.interventions, i] }));
    },
    setCursor(c) {
      set({ cursor: clamp(c, get().trace) });
    },
    stepBy(delta) {
      const { cursor, trace } = get();
      set({ cursor: clamp(cursor + delta, trace) });
    },
    setPlaying(playing) {
      set({ playing });
    },
    setSpeed(speed) {
      set({ speed: Math.max(0.25, Math.min(64, speed)) });
    },
    select(selection) {
      set({ selection });
    },
    setLang(lang) {
      set({ lang });
    },
    setPresenter(presenter) {
      set({ presenter });
    },
    setLesson(lesson) {
      const was = get().lesson;
      const same = was === lesson || (was && lesson && was.id === lesson.id && was.step === lesson.step);
      set(same ? { lesson } : { lesson, netView: {} });
    },
    setLoadError(loadError) {
      set({ loadError });
    },
    setNetView(netView) {
      set({ netView });
    },
  }));
}

export type LabStore = ReturnType<typeof createLabStore>;

/** The virtual time shown at a cursor. */
export function timeAt(trace: Trace, cursor: number): number {
  return cursor <= 0 ? 0 : (trace.events[Math.min(cursor, trace.events.length) - 1]?.time ?? 0);
}
