import type { Scenario } from '../scenarios/schema';
import { decodeShare } from '../scenarios/url';
import { errorsToText, type FieldError, validateScenario } from '../scenarios/validate';

/**
 * What the CLI was given, turned into a scenario or into the same field-precise message the app
 * shows: a scenario file, a share link (whole URL or hash text), or either one on stdin.
 */

export type Loaded = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** A share link is a URL with `#…`, `#…` alone, or hash text starting with its version. */
export function looksLikeLink(arg: string): boolean {
  const t = arg.trim();
  return t.includes('#') || /^v\d+\./.test(t);
}

function invalid(what: string, summary: string, errors: readonly FieldError[]): Loaded {
  const list = errors.length ? `\n${errorsToText(errors).replace(/^/gm, '  ')}` : '';
  return { ok: false, message: `${what}: ${summary}${list}` };
}

/** Scenario JSON text (from a file or stdin) → scenario. */
export function loadScenarioText(what: string, text: string): Loaded {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return invalid(what, `not JSON (${e instanceof Error ? e.message : String(e)})`, []);
  }
  const v = validateScenario(data);
  if (v.ok) return { ok: true, scenario: v.value };
  const n = v.errors.length;
  return invalid(what, `the scenario is not valid (${n} ${n === 1 ? 'problem' : 'problems'}):`, v.errors);
}

/** A share link → its scenario (the link's cursor, lesson and settings do not change the trace). */
export function loadLink(what: string, link: string): Loaded {
  const r = decodeShare(link);
  if (r.ok) return { ok: true, scenario: r.value.scenario };
  return invalid(what, r.error.summary, r.error.errors);
}

/** stdin holds either scenario JSON or a link: JSON starts with "{". */
export function loadStdin(text: string): Loaded {
  return text.trimStart().startsWith('{') ? loadScenarioText('stdin', text) : loadLink('stdin', text);
}
