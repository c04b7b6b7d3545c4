import type { Trace } from '../sim/trace';
import { checkCausal } from './causal';
import { checkFifo } from './fifo';
import { checkSync } from './sync';
import { checkTotal } from './total';
import type { CheckResult } from './types';

export type { Checker, CheckResult, Guarantee, Rule, Violation } from './types';
export { checkCausal, checkFifo, checkSync, checkTotal };

/** Every ordering guarantee the lecture names, checked on one trace: FIFO, causal, total, sync. */
export function checkAll(trace: Trace): CheckResult[] {
  return [checkFifo(trace), checkCausal(trace), checkTotal(trace), checkSync(trace)];
}
