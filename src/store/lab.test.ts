import { describe, expect, it } from 'vitest';
import iptvJson from '../scenarios/examples/iptv-channel-change.json';
import graftJson from '../scenarios/examples/pim-dense-graft.json';
import type { Scenario } from '../scenarios/schema';
import { validateScenario } from '../scenarios/validate';
import { createLabStore } from './lab';

function load(data: unknown): Scenario {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

describe("the network lab's view in the store (panel, node, PIM tab)", () => {
  const graft = load(graftJson);

  it('starts empty, or with the view a link gives', () => {
    expect(createLabStore(graft).getState().netView).toEqual({});
    const linked = createLabStore(graft, { netView: { panel: 'igmp', node: 'H1', tab: 'compare' } });
    expect(linked.getState().netView).toEqual({ panel: 'igmp', node: 'H1', tab: 'compare' });
  });

  it('setNetView replaces the view', () => {
    const store = createLabStore(graft);
    store.getState().setNetView({ panel: 'details', node: 'R3' });
    store.getState().setNetView({ tab: 'control' });
    expect(store.getState().netView).toEqual({ tab: 'control' });
  });

  it('holds through edits, undo and reset of the same scenario (an intervention is an edit)', () => {
    const store = createLabStore(graft);
    const view = { panel: 'details', node: 'R3', tab: 'compare' } as const;
    store.getState().setNetView(view);
    store.getState().edit((s) => ({ ...s, title: 'edited' }));
    expect(store.getState().scenario.title).toBe('edited');
    expect(store.getState().netView).toEqual(view);
    store.getState().intervene({ copy: 'x@R3', drop: true });
    expect(store.getState().netView).toEqual(view);
    store.getState().undo();
    expect(store.getState().netView).toEqual(view);
    store.getState().reset();
    expect(store.getState().scenario).toBe(graft);
    expect(store.getState().netView).toEqual(view);
  });

  it('is cleared when a different scenario is loaded, kept when the same one is loaded again', () => {
    const store = createLabStore(graft);
    store.getState().setNetView({ panel: 'cards' });
    store.getState().load(graft, 3);
    expect(store.getState().netView).toEqual({ panel: 'cards' });
    store.getState().load(load(iptvJson));
    expect(store.getState().netView).toEqual({});
    // Another object with the same content is another load (a pasted link, a file): cleared too.
    store.getState().setNetView({ panel: 'cards' });
    store.getState().load(load(iptvJson));
    expect(store.getState().netView).toEqual({});
  });

  it('is cleared when the lesson step changes, kept when the same step is set again', () => {
    const store = createLabStore(graft);
    store.getState().setLesson({ id: 'pim.dense', step: 1 });
    store.getState().setNetView({ panel: 'details', node: 'R2' });
    store.getState().setLesson({ id: 'pim.dense', step: 1 });
    expect(store.getState().netView).toEqual({ panel: 'details', node: 'R2' });
    store.getState().setLesson({ id: 'pim.dense', step: 2 });
    expect(store.getState().netView).toEqual({});
    store.getState().setNetView({ tab: 'control' });
    store.getState().setLesson({ id: 'pim.sparse', step: 2 });
    expect(store.getState().netView).toEqual({});
    store.getState().setNetView({ tab: 'control' });
    store.getState().setLesson(null);
    expect(store.getState().netView).toEqual({});
  });
});
