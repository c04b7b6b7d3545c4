import { describe, expect, it } from 'vitest';
import { Intervention } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { holdbackScenario, traceOf } from '../testing/scenarios';
import { copyChoices } from './CopyMenu';
import { diagramModel } from './model';

const scenario = holdbackScenario();
const m1toP2 = diagramModel(traceOf(scenario)).arrows.find((a) => a.id === 'm1@P2')!;

function rerun(i: unknown) {
  if (scenario.lab !== 'process') throw new Error('process lab');
  const parsed = Intervention.parse(i);
  return simulate({ ...scenario, interventions: [...scenario.interventions, parsed] });
}

describe('the copy menu choices', () => {
  it('are valid interventions of the scenario format', () => {
    const c = copyChoices(m1toP2, 4, 6);
    expect(Intervention.safeParse(c.deliverNext).success).toBe(true);
    expect(Intervention.safeParse(c.delay).success).toBe(true);
    expect(Intervention.safeParse(c.drop).success).toBe(true);
  });

  it('"deliver next" makes the copy arrive at the current time', () => {
    const c = copyChoices(m1toP2, 4, 6);
    expect(rerun(c.deliverNext).copies.find((x) => x.id === 'm1@P2')?.arriveAt).toBe(4);
  });

  it('"delay" makes it arrive later than it would have', () => {
    const c = copyChoices(m1toP2, 4, 6);
    expect(rerun(c.delay).copies.find((x) => x.id === 'm1@P2')?.arriveAt).toBe(m1toP2.arriveAt + 6);
  });

  it('"drop" makes the network lose it', () => {
    const c = copyChoices(m1toP2, 4, 6);
    expect(rerun(c.drop).copies.find((x) => x.id === 'm1@P2')?.lost).toBe('dropped');
  });

  it('never asks to deliver a copy before it was sent, and offers no drop for a lost copy', () => {
    const c = copyChoices({ ...m1toP2, sentAt: 7, lost: 'loss' }, 4, 6);
    expect(c.deliverNext.deliverAt).toBe(7);
    expect(c.drop).toBeNull();
  });
});
