import i18next from 'i18next';
import type { Scenario } from '../scenarios/schema';
import type { LabStore, LoadError } from '../store/lab';

/** A scenario that validated but failed to simulate (a bug, or an ordering this build lacks). */
export function simulationError(e: unknown, source: LoadError['source']): LoadError {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    source,
    summary: i18next.t('ui:errors.simulate', { detail }),
    message: { key: 'errors.simulate', args: { detail } },
    errors: [],
  };
}

/**
 * Load a scenario that passed validation. Should simulating it still fail, the current scenario
 * stays and the failure is reported like a bad link or file: the page never goes blank.
 */
export function safeLoad(
  store: LabStore,
  scenario: Scenario,
  cursor: number,
  source: LoadError['source'],
): boolean {
  try {
    store.getState().load(scenario, cursor);
    return true;
  } catch (e) {
    store.getState().setLoadError(simulationError(e, source));
    return false;
  }
}
