import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import loop from '../../scenarios/examples/pim-bad-equal-cost-loop.json';
import graft from '../../scenarios/examples/pim-dense-graft.json';
import type { NetworkScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import { createLabStore } from '../../store/lab';
import { LabContext } from '../../store/react';
import { ControlDiagram } from './ControlDiagram';
import { MachineView } from './MachineView';
import { PimStage } from './PimStage';

function load(data: unknown): NetworkScenario {
  const v = validateScenario(data);
  if (!v.ok || v.value.lab !== 'network') throw new Error(JSON.stringify(v));
  return v.value;
}

function render(s: NetworkScenario, cursor: number, node: ReactNode, lang: 'en' | 'zh' = 'en'): string {
  const store = createLabStore(s, { cursor, lang });
  return renderToStaticMarkup(createElement(LabContext.Provider, { value: store }, node));
}

describe('the PIM views, rendered', () => {
  const s = load(graft);
  const trace = simulate(s);
  const graftCopy = trace.copies.find((c) => c.kind === 'pim-graft')!;

  it('the control diagram: a lane per router, the Graft as a focusable arrow once it is sent, and a summary', () => {
    const cursor = graftCopy.sentStep + 1;
    const html = render(
      s,
      cursor,
      createElement(ControlDiagram, { trace, cursor, rp: null, onSelectRouter() {} }),
    );
    for (const r of ['R1', 'R2', 'R3', 'R4']) expect(html).toContain(`data-lane="${r}"`);
    expect(html).toMatch(
      /<g class="pim-arrow k-pim-graft"[^>]*data-arrow="pim\.R4\.4@R2"[^>]*role="button" tabindex="0"/,
    );
    expect(html).toContain('Space-time diagram of PIM control messages');
    const before = render(
      s,
      graftCopy.sentStep,
      createElement(ControlDiagram, { trace, cursor: graftCopy.sentStep, rp: null, onSelectRouter() {} }),
    );
    expect(before).not.toContain('data-arrow="pim.R4.4@R2"');
  });

  it('the state machines of R4: AckPending lit right after the Graft is sent, in Chinese too', () => {
    const cursor = graftCopy.sentStep + 1;
    const html = render(s, cursor, createElement(MachineView, { router: 'R4', trace, cursor }), 'zh');
    expect(html).toContain('R4 的状态机');
    expect(html).toMatch(/class="pim-state current" aria-current="true">AckPending</);
    expect(html).toMatch(/class="pim-state previous">Pruned</);
  });

  it('the stage leads with the network’s problems and offers the three views as tabs', () => {
    const bad = load(loop);
    const html = render(
      bad,
      0,
      <PimStage scenario={bad} trace={simulate(bad)} cursor={0} onSelectRouter={() => {}}>
        TOPOLOGY
      </PimStage>,
    );
    expect(html).toContain('data-testid="pim-diagnostics"');
    expect(html.indexOf('data-testid="pim-diagnostics"')).toBeLessThan(html.indexOf('role="tablist"'));
    expect(html).toContain('equal-cost');
    expect(html.match(/role="tab"/g)).toHaveLength(3);
    expect(html).toContain('TOPOLOGY');
  });
});
