import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { simulate } from '../scenarios/simulate';
import { createLabStore, type LabStore } from '../store/lab';
import { LabContext } from '../store/react';
import { ChecksPanel, EventLog, ProcessPanels, SpaceTimeDiagram } from './index';
import { CopyMenuView } from './spacetime/CopyMenu';
import { diagramModel } from './spacetime/model';
import { holdbackScenario, largeScenario } from './testing/scenarios';

/** The components as the shell mounts them: inside a provider, with only optional props. */
function render(store: LabStore, node: ReactNode): string {
  return renderToStaticMarkup(createElement(LabContext.Provider, { value: store }, node));
}

const i18n = initI18n('en');
afterAll(() => {
  void i18n.changeLanguage('en');
});

/** Server rendering reads the store's initial state, so the cursor is given at creation. */
function atHoldback() {
  const s = holdbackScenario();
  const held = simulate(s).events.find((e) => e.node === 'P2' && e.type === 'holdback')!;
  return createLabStore(s, { cursor: held.step + 1 });
}

describe('the views, rendered', () => {
  it('draw the diagram with a lane per process, a focusable button per copy not yet arrived, and a summary', () => {
    const store = atHoldback();
    const html = render(store, createElement(SpaceTimeDiagram));
    for (const p of ['P0', 'P1', 'P2']) expect(html).toContain(`>${p}</text>`);
    // m1@P2 is delayed until time 9: still on the wire, so it can be clicked.
    expect(html).toMatch(/<g class="mv-arrow flight[^"]*open" data-copy="m1@P2" role="button" tabindex="0"/);
    expect(html).toContain('aria-label="Space-time diagram of 3 processes.');
    expect(html).toContain('class="mv-packet"');
  });

  it('offer three choices for a copy in flight: deliver it next, delay it, drop it', () => {
    const store = atHoldback();
    const arrow = diagramModel(store.getState().trace).arrows.find((a) => a.id === 'm1@P2')!;
    const html = renderToStaticMarkup(
      createElement(CopyMenuView, {
        arrow,
        tNow: 4,
        delayTicks: 6,
        onIntervene: () => {},
        onClose: () => {},
      }),
    );
    expect(html).toContain('role="dialog"');
    for (const label of ['Deliver next', 'Delay', 'Drop', 'Close']) expect(html).toContain(label);
    expect(html).toContain('it arrives at time 4');
    expect(html).toContain('it arrives 6 ticks later, at time 15');
  });

  it('show why P2 holds m2 back, in the chosen language', () => {
    const store = atHoldback();
    expect(render(store, createElement(ProcessPanels))).toContain('needs P0&#x27;s message 1 first');
    void i18n.changeLanguage('zh');
    expect(render(store, createElement(ProcessPanels))).toContain('需要先收到 P0 的第 1 条消息');
    void i18n.changeLanguage('en');
  });

  it('mark the event just shown as the current row of the log', () => {
    const store = atHoldback();
    const html = render(store, createElement(EventLog));
    const current = html.match(/<tr class="mv-row current[^"]*" aria-current="step">.*?<\/tr>/)?.[0] ?? '';
    expect(current).toContain('hold back');
    expect(current).toContain('P2');
    expect(html).toContain('mv-row future');
  });

  it('list the four guarantees, with a way to go to each violation', () => {
    const html = render(createLabStore(holdbackScenario()), createElement(ChecksPanel));
    for (const g of ['FIFO', 'Causal', 'Total', 'Sync']) expect(html).toContain(`<strong>${g}</strong>`);
    // FIFO holds (P2 held m2 back until m1 came); total order does not: P1 delivered its own m3
    // at time 2, before m1 and m2, while P0 delivered m1 and m2 before m3.
    expect(html).toMatch(/mv-check holds.*?FIFO/);
    expect(html).toMatch(/mv-check violated.*?Total.*?Go to step/);
  });

  it('draw only a slice of a 2,000-event run', () => {
    const store = createLabStore(largeScenario(), { cursor: 1000 });
    const html = render(store, createElement(SpaceTimeDiagram));
    const arrows = html.match(/class="mv-arrow /g)?.length ?? 0;
    expect(arrows).toBeGreaterThan(0);
    expect(arrows).toBeLessThan(store.getState().trace.copies.length / 3);
  });

  it('take highlight and className from the shell', () => {
    const store = atHoldback();
    const html = render(
      store,
      createElement(SpaceTimeDiagram, { highlight: { nodes: ['P2'], copies: ['m1@P2'] }, className: 'x' }),
    );
    expect(html).toContain('class="mv-diagram x"');
    expect(html).toContain('class="mv-lane hl"');
    expect(html).toMatch(/data-copy="m1@P2"/);
    expect(html).toMatch(/mv-arrow flight[^"]*hl[^"]*" data-copy="m1@P2"/);
  });
});
