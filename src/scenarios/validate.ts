import type { z } from 'zod';
import { SCENARIO_VERSION, Scenario } from './schema';

/** A field-precise problem: where (a JSON path like `actions[2].node`) and what was expected. */
export interface FieldError {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(top level)';
}

function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/**
 * A short rendering of any JSON value for an error message: never the whole of a huge or
 * deeply nested value (JSON.stringify would overflow the stack on a nested bomb from a link).
 */
function describeValue(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'an object';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Validate any JSON value as a scenario. Never throws. */
export function validateScenario(data: unknown): Validated<Scenario> {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, errors: [{ path: '(top level)', message: 'a scenario is a JSON object' }] };
  const v = (data as { version?: unknown }).version;
  if (v !== SCENARIO_VERSION)
    return {
      ok: false,
      errors: [
        {
          path: 'version',
          message:
            v === undefined
              ? `missing; this app reads version ${SCENARIO_VERSION}`
              : `version ${describeValue(v)} is not supported; this app reads version ${SCENARIO_VERSION}`,
        },
      ],
    };
  const r = Scenario.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: issuesToErrors(r.error.issues) };
}

export function errorsToText(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
