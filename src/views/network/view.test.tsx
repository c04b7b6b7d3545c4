import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import modesJson from '../../scenarios/examples/network-modes.json';
import graftJson from '../../scenarios/examples/pim-dense-graft.json';
import type { Highlight } from '../../scenarios/lessons/types';
import type { Scenario } from '../../scenarios/schema';
import { createLabStore, type NetView } from '../../store/lab';
import { LabContext } from '../../store/react';
import { load } from '../testing/scenarios';
import { NetworkLab } from './NetworkLab';

/** The lab with the store's view (as a share link restores it), and a lesson step's highlight if given. */
function render(s: Scenario, netView: NetView, highlight?: Highlight): string {
  const store = createLabStore(s, { netView });
  return renderToStaticMarkup(
    createElement(
      LabContext.Provider,
      { value: store },
      createElement(NetworkLab, highlight ? { highlight } : {}),
    ),
  );
}

const selectedTab = (html: string) =>
  html.match(/<button[^>]*role="tab"[^>]*aria-selected="true"[^>]*>([^<]+)<\/button>/)?.[1];
const pressedPanel = (html: string) =>
  html.match(/<button[^>]*aria-pressed="true"[^>]*data-panel="([a-z]+)"/)?.[1];
/** The node marked selected on the topology. */
const selectedNode = (html: string) =>
  html.match(/class="nl-node [^"]*\bselected\b[^"]*"[^>]*data-node="(\w+)"/)?.[1];
const detailsOf = (html: string) => html.match(/data-testid="node-details"[\s\S]*?(Router|Host) (\w+)/)?.[2];

describe("the network lab shows the store's view (what a share link carries)", () => {
  const graft = () => load(graftJson);

  it('the PIM tab, the side panel and the node', () => {
    const html = render(graft(), { panel: 'details', node: 'R3', tab: 'compare' });
    expect(selectedTab(html)).toBe('Dense vs sparse');
    expect(html).toContain('data-testid="pim-compare"');
    expect(pressedPanel(html)).toBe('details');
    expect(detailsOf(html)).toBe('R3');
  });

  it("without a view: the topology tab, the scenario's default panel (IGMP, as it runs IGMP), no node", () => {
    const html = render(graft(), {});
    expect(selectedTab(html)).toBe('Topology');
    expect(pressedPanel(html)).toBe('igmp');
    expect(html).not.toContain('data-testid="node-details"');
  });

  it('another panel than the default: IGMP on the modes compared, with a host chosen', () => {
    const modes = load(modesJson);
    expect(pressedPanel(render(modes, {}))).toBe('modes');
    const html = render(modes, { panel: 'igmp', node: 'H1' });
    expect(pressedPanel(html)).toBe('igmp');
    expect(selectedNode(html)).toBe('H1');
    expect(selectedNode(render(modes, { panel: 'igmp' }))).toBeUndefined();
    // The host stays selected: the details panel shows it.
    expect(detailsOf(render(modes, { panel: 'details', node: 'H1' }))).toBe('H1');
  });

  it('a node the scenario lacks shows no details (ignored, not an error)', () => {
    const html = render(graft(), { panel: 'details', node: 'R99' });
    expect(pressedPanel(html)).toBe('details');
    expect(html).not.toContain('data-testid="node-details"');
    expect(html).toContain('Select a router or host to see its tables.');
  });

  it("the student's choice holds over the lesson step's; without one the step's holds", () => {
    const step: Highlight = { nodes: ['R4'], panel: 'compare' };
    const pointed = render(graft(), {}, step);
    expect([selectedTab(pointed), detailsOf(pointed)]).toEqual(['Dense vs sparse', 'R4']);
    const chosen = render(graft(), { tab: 'control', node: 'R2', panel: 'cards' }, step);
    expect([selectedTab(chosen), pressedPanel(chosen)]).toEqual(['Control messages', 'cards']);
    expect(render(graft(), { tab: 'control', node: 'R2' }, step)).toMatch(
      /data-testid="node-details"[\s\S]*Router R2/,
    );
    // The student closed the details the step opened.
    expect(render(graft(), { node: null }, step)).not.toContain('data-testid="node-details"');
  });
});
