import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import modesJson from '../../scenarios/examples/network-modes.json';
import graftJson from '../../scenarios/examples/pim-dense-graft.json';
import type { Highlight } from '../../scenarios/lessons/types';
import type { NetworkScenario, Scenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { createLabStore, type Lang } from '../../store/lab';
import { LabContext } from '../../store/react';
import { load } from '../testing/scenarios';
import { highlightTarget, NetworkLab } from './NetworkLab';

/** The lab as the shell mounts it for a lesson step: inside the store's provider, with the step's highlight. */
function render(s: Scenario, highlight: Highlight, lang: Lang = 'en'): string {
  const store = createLabStore(s, { cursor: simulate(s).events.length, lang });
  return renderToStaticMarkup(
    createElement(LabContext.Provider, { value: store }, createElement(NetworkLab, { highlight })),
  );
}

/** The stage tab shown selected (PimStage's tablist). */
const selectedTab = (html: string) =>
  html.match(/<button[^>]*role="tab"[^>]*aria-selected="true"[^>]*>([^<]+)<\/button>/)?.[1];
const pressedPanel = (html: string) =>
  html.match(/<button[^>]*aria-pressed="true"[^>]*data-panel="([a-z]+)"/)?.[1];

describe("a lesson step's highlight on a PIM scenario", () => {
  const graft = () => load(graftJson);

  it("'compare' opens the stage's Dense vs sparse tab, with the highlighted router's tables beside it", () => {
    const html = render(graft(), { nodes: ['H3', 'R4'], panel: 'compare' });
    expect(selectedTab(html)).toBe('Dense vs sparse');
    expect(html).toContain('data-testid="pim-compare"');
    // A host has no PIM table: the step opens the router it names.
    expect(pressedPanel(html)).toBe('details');
    expect(html).toMatch(/data-testid="node-details"[\s\S]*Router R4/);
  });

  it("'compare' in Chinese: the same tab, named in Chinese", () => {
    expect(selectedTab(render(graft(), { nodes: ['R4'], panel: 'compare' }, 'zh'))).toBe('密集与稀疏');
  });

  it("'pim' keeps the topology and opens the router's PIM table with its state machines right after it", () => {
    const html = render(graft(), { nodes: ['R4'], panel: 'pim' });
    expect(selectedTab(html)).toBe('Topology');
    const table = html.indexOf('data-testid="pim-table"');
    const machines = html.indexOf('data-testid="pim-machines"');
    const routes = html.indexOf('data-testid="routes"');
    expect(table).toBeGreaterThan(0);
    expect(machines).toBeGreaterThan(table);
    expect(routes).toBeGreaterThan(machines);
  });

  it('without PIM, compare is the side panel of the modes compared, and the stage has no tabs', () => {
    const modes = load(modesJson) as NetworkScenario;
    expect(highlightTarget('compare', modes)).toEqual({ side: 'modes', stage: undefined });
    const html = render(modes, { panel: 'compare' });
    expect(pressedPanel(html)).toBe('modes');
    expect(html).not.toContain('role="tab"');
  });
});
