import { type ReliabilityInput, ReliabilitySchema, type ReliabilityScheme } from '../scenarios/process-ext';
import type { Scenario } from '../scenarios/schema';
import { validateScenario } from '../scenarios/validate';
import type { Lang } from '../store/lab';

/**
 * Edits of a scenario's reliability setting (issue 3 §3), pure `scenario → scenario` functions
 * for `store.edit`, so each is undoable and goes into the URL. An edit the schema would reject
 * returns the scenario unchanged; `editProblem` says why, so the bar can disable the control and
 * tell the student. (Faults are edited from the diagram: views/spacetime/faultEdits.ts.)
 */

type Rel = ReliabilityInput;
export const DEFAULT_REL: Rel = ReliabilitySchema.parse({ scheme: 'unreliable' });

/** The setting's tunable numbers and switches. */
export type RelOption = Pick<
  Rel,
  'window' | 'cumulative' | 'piggyback' | 'nack' | 'ackDelay' | 'timeout' | 'tries'
>;

/** The scenario's first validation problem, as `field: message` in `lang`, or null if it is valid. */
export function scenarioProblem(s: Scenario, lang: Lang): string | null {
  const v = validateScenario(s);
  if (v.ok) return null;
  // An invalid result always lists at least one error (validate.ts).
  const e = v.errors[0]!;
  return lang === 'zh' ? `${e.path}：${e.zh}` : `${e.path}: ${e.message}`;
}

function nextScheme(s: Scenario, scheme: ReliabilityScheme | 'none'): Scenario {
  if (s.lab !== 'process') return s;
  if (scheme === 'none') {
    const { reliability: _r, ...rest } = s;
    return rest;
  }
  const old = s.reliability ?? DEFAULT_REL;
  const tunable = scheme === 'reliable' || scheme === 'vsync';
  // The switches a scheme cannot have go off with it (process-ext.ts's rules), so the switch always succeeds when it can.
  const next: Rel = tunable
    ? {
        ...old,
        scheme,
        ...(scheme === 'vsync' || s.groups ? { window: 1 } : {}),
        ...(scheme === 'vsync' ? { nack: false } : {}),
      }
    : { ...old, scheme, window: 1, cumulative: false, piggyback: false, nack: false };
  return { ...s, reliability: next };
}

function nextOption(s: Scenario, patch: Partial<RelOption>): Scenario {
  if (s.lab !== 'process' || !s.reliability) return s;
  const next: Rel = { ...s.reliability, ...patch };
  // Cumulative and piggybacked ACKs need a delay to gather ACKs in (lecture: "wait a little while").
  if ((next.cumulative || next.piggyback) && next.ackDelay === 0) next.ackDelay = 2;
  return { ...s, reliability: next };
}

/** Why an edit cannot be made (the schema's message, in `lang`), or null when it can. */
export function editProblem(s: Scenario, change: (s: Scenario) => Scenario, lang: Lang): string | null {
  const next = change(s);
  return next === s ? null : scenarioProblem(next, lang);
}

const checked = (build: (s: Scenario) => Scenario) => (s: Scenario) => {
  const next = build(s);
  return next !== s && validateScenario(next).ok ? next : s;
};

/** Switch the scheme (or take the layer away: `none`). */
export function setScheme(scheme: ReliabilityScheme | 'none') {
  return checked((s) => nextScheme(s, scheme));
}

/** The unchecked change behind `setScheme`, for asking `editProblem` why it would fail. */
export const schemeChange = (scheme: ReliabilityScheme | 'none') => (s: Scenario) => nextScheme(s, scheme);

/** Change ACK optimizations or the timeout and tries, keeping what the schema requires. */
export function setOption(patch: Partial<RelOption>) {
  return checked((s) => nextOption(s, patch));
}

/** The unchecked change behind `setOption`, for asking `editProblem` why it would fail. */
export const optionChange = (patch: Partial<RelOption>) => (s: Scenario) => nextOption(s, patch);
