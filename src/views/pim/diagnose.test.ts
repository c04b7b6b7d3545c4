import { describe, expect, it } from 'vitest';
import disconnected from '../../scenarios/examples/pim-bad-disconnected-source.json';
import loop from '../../scenarios/examples/pim-bad-equal-cost-loop.json';
import rpUnreachable from '../../scenarios/examples/pim-bad-rp-unreachable.json';
import graft from '../../scenarios/examples/pim-dense-graft.json';
import type { NetworkScenario } from '../../scenarios/schema';
import { validateScenario } from '../../scenarios/validate';
import { multicastSources, scenarioDiagnostics } from './diagnose';

function load(data: unknown): NetworkScenario {
  const v = validateScenario(data);
  if (!v.ok || v.value.lab !== 'network') throw new Error(JSON.stringify(v));
  return v.value;
}

describe('bad topologies are explained (issue 5 §7)', () => {
  it('a source cut off from its receivers: a warning naming the source and who cannot hear it, in both languages', () => {
    const d = scenarioDiagnostics(load(disconnected));
    const cut = d.find((x) => x.code === 'source-disconnected')!;
    expect(cut).toMatchObject({ severity: 'warning', target: 'S' });
    for (const h of ['H1', 'H2']) {
      expect(cut.text.en).toContain(h);
      expect(cut.text.zh).toContain(h);
    }
  });

  it('a ring: R4, opposite the source, has two equal-cost paths; RPF takes the lower id, R3 (not R5)', () => {
    const d = scenarioDiagnostics(load(loop));
    const tie = d.find((x) => x.code === 'equal-cost-rpf' && x.router === 'R4')!;
    // R4 → S: R4-R3-R2-R1 and R4-R5-R6-R1 both cost 3 hops, then L0.
    expect(tie).toMatchObject({ severity: 'info', chosen: 'R3', others: ['R5'] });
    expect(tie.text.zh).toContain('R3');
  });

  it('sparse mode with the RP on an island: every router that cannot reach it is named', () => {
    const d = scenarioDiagnostics(load(rpUnreachable));
    const cut = d.filter((x) => x.code === 'rp-unreachable').map((x) => x.router);
    expect(cut.sort()).toEqual(['R1', 'R2', 'R3']);
  });

  it('lists the worst first', () => {
    const s = load(loop);
    const cut = {
      ...s,
      topology: { ...s.topology, links: s.topology.links.filter((l) => !(l.a === 'R1' && l.b === 'L0')) },
    };
    const sev = scenarioDiagnostics(cut).map((d) => d.severity);
    const rank = { error: 0, warning: 1, info: 2 };
    expect(sev).toContain('warning');
    for (let i = 1; i < sev.length; i++) expect(rank[sev[i]!]).toBeGreaterThanOrEqual(rank[sev[i - 1]!]);
  });

  it('a scenario without PIM has nothing to say here', () => {
    const { pim: _pim, ...noPim } = load(graft);
    expect(scenarioDiagnostics(noPim as NetworkScenario)).toEqual([]);
  });
});

describe('multicast sources', () => {
  it('are the hosts that stream or send multicast', () => {
    const s = load(graft);
    const more = {
      ...s,
      actions: [
        ...s.actions,
        { type: 'send', at: 5, from: 'H1', msg: 'u', mode: 'unicast', to: 'H2' },
        { type: 'send', at: 6, from: 'H2', msg: 'm', mode: 'multicast', group: 'G' },
      ],
    } as NetworkScenario;
    expect(multicastSources(more)).toEqual(['H2', 'S']);
  });
});
