import type { Scenario } from '../scenarios/schema';
import { decodeShare, type ShareDoc } from '../scenarios/url';
import type { Lang, LessonPosition, LoadError, NetView } from '../store/lab';

/** What the app starts with, or switches to when a link is pasted. */
export interface Start {
  scenario: Scenario;
  cursor: number;
  lang: Lang;
  presenter: boolean;
  lesson: LessonPosition | null;
  /** The network lab's panel, node and PIM tab; set after the lesson (a new lesson step clears it). */
  view: NetView;
  loadError: LoadError | null;
}

/**
 * Read a location hash (with or without its '#'). No hash → the default scenario; a link that
 * does not decode → the default scenario and the link's error, so the page always works.
 */
export function startFromHash(hash: string, fallback: Scenario, preferredLang: Lang): Start {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const plain: Start = {
    scenario: fallback,
    cursor: 0,
    lang: preferredLang,
    presenter: false,
    lesson: null,
    view: {},
    loadError: null,
  };
  if (text.length === 0) return plain;
  const r = decodeShare(text);
  if (!r.ok) return { ...plain, loadError: { ...r.error, problem: r.problem } };
  return fromDoc(r.value, preferredLang);
}

export function fromDoc(doc: ShareDoc, preferredLang: Lang): Start {
  return {
    scenario: doc.scenario,
    cursor: doc.cursor,
    lang: doc.lang ?? preferredLang,
    presenter: doc.presenter ?? false,
    lesson: doc.lesson ?? null,
    view: doc.view ?? {},
    loadError: null,
  };
}

/** The language a visitor's browser asks for, when the link does not say. */
export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
