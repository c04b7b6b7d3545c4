import { type Scenario, type TitleLang, titleIn } from '../scenarios/schema';
import { type FieldError, validateScenario } from '../scenarios/validate';

/** Scenario files are small; a much larger file is a mistake, not a scenario. */
export const MAX_FILE_BYTES = 1_000_000;

export type FileRead =
  | { ok: true; value: Scenario }
  | { ok: false; reason: 'tooBig'; size: number }
  | { ok: false; reason: 'notJson'; detail: string }
  | { ok: false; reason: 'invalid'; errors: FieldError[] };

/** Parse and validate an opened file's text. Never throws. */
export function readScenarioText(text: string, size = text.length): FileRead {
  if (size > MAX_FILE_BYTES) return { ok: false, reason: 'tooBig', size };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'notJson', detail: e instanceof Error ? e.message : String(e) };
  }
  const v = validateScenario(data);
  return v.ok ? { ok: true, value: v.value } : { ok: false, reason: 'invalid', errors: v.errors };
}

/** The file name a saved scenario gets: its title in `lang`, made safe for file systems. */
export function fileNameFor(s: Scenario, lang: TitleLang = 'en'): string {
  const base = (titleIn(s.title, lang) ?? 'scenario')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'scenario'}.json`;
}
