import { checkAll } from '../checks';
import type { CheckResult } from '../checks/types';
import type { Trace } from '../sim/trace';

/** The checkers' verdicts on a trace, computed once per trace and shared by the diagram and the checks panel. */
const cache = new WeakMap<Trace, CheckResult[]>();

export function checksFor(trace: Trace): CheckResult[] {
  let r = cache.get(trace);
  if (!r) {
    r = checkAll(trace);
    cache.set(trace, r);
  }
  return r;
}
