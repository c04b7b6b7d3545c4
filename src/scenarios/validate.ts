import type { z } from 'zod';
import { SCENARIO_VERSION, Scenario } from './schema';
import { issueZh } from './validate-zh';

/**
 * A field-precise problem: where (a JSON path like `actions[2].node`) and what was expected,
 * in English (`message`: the CLI and logs) and in Simplified Chinese (`zh`). The app shows the
 * one in the student's language.
 */
export interface FieldError {
  path: string;
  message: string;
  zh: string;
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
  return issues.map((i) => ({ path: formatPath(i.path), message: i.message, zh: issueZh(i) }));
}

/**
 * Parse `data` with `schema`; on failure, its issues as field errors in both languages. The
 * issues keep their input (`reportInput`) so the Chinese can name a wrong value's type.
 */
export function parseFields<T>(schema: z.ZodType<T>, data: unknown): Validated<T> {
  const r = schema.safeParse(data, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: issuesToErrors(r.error.issues) };
}

/**
 * A short rendering of any JSON value for an error message: never the whole of a huge or
 * deeply nested value (JSON.stringify would overflow the stack on a nested bomb from a link).
 */
function describeValue(v: unknown, lang: 'en' | 'zh'): string {
  if (Array.isArray(v)) return lang === 'en' ? 'an array' : '数组';
  if (v === null) return 'null';
  if (typeof v === 'object') return lang === 'en' ? 'an object' : '对象';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Validate any JSON value as a scenario. Never throws. */
export function validateScenario(data: unknown): Validated<Scenario> {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return {
      ok: false,
      errors: [{ path: '(top level)', message: 'a scenario is a JSON object', zh: '场景应为一个 JSON 对象' }],
    };
  const v = (data as { version?: unknown }).version;
  if (v !== SCENARIO_VERSION)
    return {
      ok: false,
      errors: [
        v === undefined
          ? {
              path: 'version',
              message: `missing; this app reads version ${SCENARIO_VERSION}`,
              zh: `缺少版本号；本应用读取版本 ${SCENARIO_VERSION}`,
            }
          : {
              path: 'version',
              message: `version ${describeValue(v, 'en')} is not supported; this app reads version ${SCENARIO_VERSION}`,
              zh: `不支持的版本：${describeValue(v, 'zh')}；本应用读取版本 ${SCENARIO_VERSION}`,
            },
      ],
    };
  return parseFields(Scenario, data);
}

export function errorsToText(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
