import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import iptvJson from '../../scenarios/examples/iptv-channel-change.json';
import modesJson from '../../scenarios/examples/network-modes.json';
import type { Highlight } from '../../scenarios/lessons/types';
import type { NetworkScenario, Scenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { createLabStore, type Lang } from '../../store/lab';
import { LabContext } from '../../store/react';
import { load } from '../testing/scenarios';
import { NetworkLab } from './NetworkLab';
import { TopologyEditor } from './TopologyEditor';

/** The lab as the shell mounts it: inside the store's provider, at a cursor, in a language. */
function render(s: Scenario, cursor: number, highlight?: Highlight, lang: Lang = 'en'): string {
  const store = createLabStore(s, { cursor, lang });
  return renderToStaticMarkup(
    createElement(
      LabContext.Provider,
      { value: store },
      createElement(NetworkLab, highlight ? { highlight } : {}),
    ),
  );
}

const pressed = (html: string) =>
  html.match(/<button[^>]*aria-pressed="true"[^>]*data-panel="([a-z]+)"/)?.[1];

describe('NetworkLab, rendered', () => {
  it('draws every node of the topology as a mark, hosts and routers as buttons, and opens on the modes compared', () => {
    const s = load(modesJson);
    const html = render(s, simulate(s).events.length);
    if (s.lab !== 'network') throw new Error('not a network scenario');
    for (const n of [...s.topology.lans, ...s.topology.routers, ...s.topology.hosts])
      expect(html).toContain(`data-node="${n.id}"`);
    expect(html).toMatch(/data-node="R1" role="button" tabindex="0"/);
    // network-modes.json sends in several modes: its panel is the comparison, with one row per message.
    expect(pressed(html)).toBe('modes');
    for (const a of s.actions) if (a.type === 'send') expect(html).toContain(`data-msg="${a.msg}"`);
    // Every panel is one button away, the editor included.
    for (const p of ['details', 'modes', 'igmp', 'cards', 'address', 'edit'])
      expect(html).toContain(`data-panel="${p}"`);
  });

  it("honours a lesson step's highlight: the panel it names, its nodes ringed, the address it gives shown inline", () => {
    const s = load(modesJson);
    const html = render(s, 10, { nodes: ['R1', 'H2'], panel: 'address', address: '224.10.8.5' });
    expect(pressed(html)).toBe('address');
    // RFC 1112 §6.4: 01:00:5e, a 0 bit, the low 23 bits of 224.10.8.5 (0x0a0805).
    expect(html).toContain('01:00:5e:0a:08:05');
    expect(html).toMatch(/class="nl-node nl-router[^"]* hl[^"]*"[^>]*data-node="R1"/);
    expect(html).toMatch(/class="nl-node nl-host[^"]* hl[^"]*"[^>]*data-node="H2"/);
    expect(html).not.toMatch(/class="nl-node nl-host[^"]* hl[^"]*"[^>]*data-node="H1"/);
    expect(html).toContain('The lesson points here.');
  });

  it("opens the routing panel on the highlighted router's unicast table", () => {
    const s = load(modesJson);
    const html = render(s, 0, { nodes: ['R2'], panel: 'routing' });
    expect(pressed(html)).toBe('details');
    expect(html).toContain('Router R2');
    expect(html).toContain('data-testid="routes"');
  });

  it('opens an IGMP scenario on its IGMP panel, with the RFC 2236 timers in classroom time, in Chinese too', () => {
    const s = load(iptvJson);
    const html = render(s, simulate(s).events.length);
    expect(pressed(html)).toBe('igmp');
    // §8.2 Query Interval 125 s at 8 ticks per second is 1,000 ticks.
    expect(html).toMatch(
      /data-timer="queryInterval"><th scope="row">Query Interval<\/th><td>125 s<\/td><td>1000<\/td>/,
    );
    expect(html).toContain('What IGMPv3 (RFC 3376) changes');
    const zh = render(s, simulate(s).events.length, undefined, 'zh');
    expect(zh).toContain('查询间隔');
    expect(zh).toContain('离开与离开时延');
  });

  it('offers the topology editor as labelled form fields, so every edit can be made from the keyboard', () => {
    const s = load(modesJson) as NetworkScenario;
    const store = createLabStore(s);
    const html = renderToStaticMarkup(
      createElement(
        LabContext.Provider,
        { value: store },
        createElement(TopologyEditor, {
          scenario: s,
          selected: 'R2',
          apply: () => {},
          canUndo: false,
          onUndo: () => {},
        }),
      ),
    );
    // Every input and select has a label bound to it.
    const ids = [...html.matchAll(/<(?:input|select)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(6);
    for (const id of ids) expect(html).toContain(`for="${id}"`);
    // One latency field per link, named by the link.
    for (const l of s.topology.links)
      expect(html).toContain(`aria-label="Latency of ${l.id ?? `${l.a}-${l.b}`} (ticks)"`);
    // The move form starts on the node selected on the topology, at its position.
    const r2 = s.topology.routers.find((r) => r.id === 'R2')!;
    expect(html).toMatch(new RegExp(`data-testid="move-x" value="${r2.x}"`));
    expect(html).toMatch(/<button type="button" disabled="" data-testid="topology-undo">Undo<\/button>/);
  });
});
