import { useEffect, useLayoutEffect } from 'react';
import { LANGS } from '../i18n';
import { LESSONS } from '../scenarios/lessons';
import type { Scenario } from '../scenarios/schema';
import { encodeShare, type ShareDoc } from '../scenarios/url';
import type { LabState, LabStore } from '../store/lab';
import { type Start, startFromHash } from './boot';
import { keyAction, ownedByTarget } from './keys';
import { safeLoad } from './load';
import { useShell } from './shell';

/** Speeds offered, in steps per second; + and - move along this list. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 16, 32] as const;

export function nextSpeed(speed: number, dir: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= speed);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  const j = dir > 0 ? (SPEEDS[at] === speed ? at + 1 : at) : at - 1;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, j))] ?? speed;
}

/** Start or resume play; at the end, play starts again from the beginning. */
export function togglePlay(store: LabStore): void {
  const s = store.getState();
  if (s.playing) {
    s.setPlaying(false);
    return;
  }
  if (s.cursor >= s.trace.events.length) s.setCursor(0);
  s.setPlaying(true);
}

/**
 * Playing advances the cursor at `speed` steps per second, frame by frame, and stops at the
 * end. Time between frames accumulates, so the rate holds at any frame rate.
 */
export function usePlayLoop(store: LabStore): void {
  useEffect(() => {
    let frame = 0;
    let last: number | null = null;
    let carry = 0;
    const tick = (now: number) => {
      const s = store.getState();
      if (!s.playing) return;
      if (last !== null) carry += ((now - last) / 1000) * s.speed;
      last = now;
      const n = Math.floor(carry);
      if (n > 0) {
        carry -= n;
        s.stepBy(n);
      }
      const after = store.getState();
      if (after.cursor >= after.trace.events.length) return after.setPlaying(false);
      frame = requestAnimationFrame(tick);
    };
    const start = (s: LabState) => {
      cancelAnimationFrame(frame);
      last = null;
      // The first step comes at once, so pressing Play visibly does something.
      carry = 1;
      if (s.playing) frame = requestAnimationFrame(tick);
    };
    const unsub = store.subscribe((s, prev) => {
      if (s.playing !== prev.playing) start(s);
    });
    start(store.getState());
    return () => {
      unsub();
      cancelAnimationFrame(frame);
    };
  }, [store]);
}

/** Apply a decoded link (or a step back to the default) to a running app. */
export function applyStart(store: LabStore, start: Start): void {
  const s = store.getState();
  if (start.loadError) {
    s.setLoadError(start.loadError);
    return;
  }
  if (!safeLoad(store, start.scenario, start.cursor, 'link')) return;
  s.setLang(start.lang);
  s.setPresenter(start.presenter);
  s.setLesson(start.lesson && LESSONS.some((l) => l.id === start.lesson?.id) ? start.lesson : null);
  s.setNetView(start.view);
  s.setLoadError(null);
  useShell.getState().setExploring(false);
}

export function shareDoc(s: LabState): ShareDoc {
  return {
    scenario: s.scenario,
    cursor: s.cursor,
    ...(s.lesson ? { lesson: s.lesson } : {}),
    lang: s.lang,
    ...(s.presenter ? { presenter: true } : {}),
    ...netViewDoc(s.netView),
  };
}

/** The network lab's view for the link, in one key order (so one screen has one link), if any. */
function netViewDoc({ panel, node, tab }: LabState['netView']): Pick<ShareDoc, 'view'> {
  const view = {
    ...(panel ? { panel } : {}),
    ...(node !== undefined ? { node } : {}),
    ...(tab ? { tab } : {}),
  };
  return Object.keys(view).length > 0 ? { view } : {};
}

/** The full address of the current screen. */
export function shareUrl(s: LabState): string {
  const here = window.location.href.split('#')[0] ?? '';
  return `${here}#${encodeShare(shareDoc(s))}`;
}

/** The hash is written once the screen has been still this long… */
const URL_QUIET_MS = 250;
/** …or at the latest this long after the first change, so a playing run still updates it. */
const URL_MAX_WAIT_MS = 1000;

/**
 * The hash always reflects the screen (scenario, cursor, lesson, language, presenter, and the
 * network lab's panel, node and PIM tab). Encoding and replaceState cost a few milliseconds, so
 * they wait until stepping pauses (at most a second) and run when the browser is idle: a step key
 * paints its frame without them. A hash the user pastes (hashchange) is decoded and opened; a bad
 * one shows its error and keeps the screen.
 */
export function useUrlSync(store: LabStore, fallback: Scenario): void {
  useEffect(() => {
    let written = window.location.hash.slice(1);
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    const cancel = () => {
      clearTimeout(quiet);
      clearTimeout(deadline);
      if (idle !== undefined) window.cancelIdleCallback?.(idle);
      quiet = deadline = idle = undefined;
    };
    const write = () => {
      cancel();
      const hash = encodeShare(shareDoc(store.getState()));
      if (hash === written) return;
      written = hash;
      window.history.replaceState(window.history.state, '', `#${hash}`);
    };
    const soon = () => {
      clearTimeout(quiet);
      quiet = undefined;
      if (idle !== undefined) return;
      if (typeof window.requestIdleCallback === 'function')
        idle = window.requestIdleCallback(write, { timeout: URL_QUIET_MS });
      else write();
    };
    const schedule = () => {
      clearTimeout(quiet);
      quiet = setTimeout(soon, URL_QUIET_MS);
      deadline ??= setTimeout(soon, URL_MAX_WAIT_MS);
    };
    // Leaving the page (or its tab) writes at once, so a reload or a bookmark keeps the screen.
    const flush = () => {
      if (quiet !== undefined || deadline !== undefined || idle !== undefined) write();
    };
    const unsub = store.subscribe((s, p) => {
      if (
        s.scenario !== p.scenario ||
        s.cursor !== p.cursor ||
        s.lesson !== p.lesson ||
        s.lang !== p.lang ||
        s.presenter !== p.presenter ||
        s.netView !== p.netView
      )
        schedule();
    });
    const onHash = () => {
      const hash = window.location.hash.slice(1);
      if (hash === written) return;
      written = hash;
      applyStart(store, startFromHash(hash, fallback, store.getState().lang));
      schedule();
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    write();
    return () => {
      unsub();
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      cancel();
    };
  }, [store, fallback]);
}

/**
 * The document-level keyboard map (keys.ts). Keys typed into a field stay there; while a dialog
 * is open only Esc reaches the lab.
 */
export function useKeyboard(store: LabStore): void {
  // Attached before the first paint: a key pressed as soon as the lab is visible is not lost.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e);
      if (!action) return;
      if (e.defaultPrevented || e.isComposing) return;
      if (ownedByTarget(e.key, e.target instanceof HTMLElement ? e.target : null)) return;
      const shell = useShell.getState();
      const modal = shell.overlay === 'help' || shell.overlay === 'toc';
      if (modal && action !== 'escape' && action !== 'help') return;
      const s = store.getState();
      e.preventDefault();
      switch (action) {
        case 'back':
          return s.stepBy(-1);
        case 'forward':
          return s.stepBy(1);
        case 'first':
          return s.setCursor(0);
        case 'last':
          return s.setCursor(s.trace.events.length);
        case 'play':
          return togglePlay(store);
        case 'faster':
          return s.setSpeed(nextSpeed(s.speed, 1));
        case 'slower':
          return s.setSpeed(nextSpeed(s.speed, -1));
        case 'presenter':
          return s.setPresenter(!s.presenter);
        case 'language':
          return s.setLang(LANGS[(LANGS.indexOf(s.lang) + 1) % LANGS.length] ?? 'en');
        case 'undo':
          return s.undo();
        case 'help':
          return shell.open(shell.overlay === 'help' ? null : 'help');
        case 'escape':
          if (shell.overlay) return shell.open(null);
          if (s.selection.copy || s.selection.node || s.selection.msg) return s.select({});
          if (s.lesson) return shell.setExploring(!shell.exploring);
          return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
}
