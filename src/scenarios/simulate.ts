import { ORDERING_DEFS } from '../protocols/ordering';
import { type Layer, type ProcessAction, ProcessHost } from '../protocols/stack';
import { run } from '../sim/engine';
import { msgId, type NodeId, nodeId } from '../sim/ids';
import { linkModel } from '../sim/network';
import type { Trace } from '../sim/trace';
import type { ProcessScenario, Scenario } from './schema';

/** scenario → trace: pure and deterministic (ARCHITECTURE.md, "The one idea"). */
export function simulate(s: Scenario): Trace {
  switch (s.lab) {
    case 'process':
      return simulateProcess(s);
  }
}

function simulateProcess(s: ProcessScenario): Trace {
  const def = ORDERING_DEFS[s.ordering];
  if (!def) throw new Error(`ordering "${s.ordering}" is not implemented`);
  const group = s.processes.map(nodeId);
  const sequencer = nodeId(s.sequencer ?? 'S');
  const layersFor = (self: NodeId): Layer[] => [
    {
      name: 'ordering',
      machine: def.machine,
      input: {
        self,
        group,
        sequencer,
        ...(s.clocks?.[self] ? { clock: s.clocks[self] } : {}),
      },
      view: def.view,
    },
  ];
  const hosts = group.map((p) => new ProcessHost(p, layersFor(p)));
  const actions = s.actions.map((a) => ({
    time: a.at,
    node: nodeId(a.node),
    action: { type: 'multicast', msg: msgId(a.msg), kind: a.type === 'sync' ? 'sync' : 'data' } as ProcessAction,
  }));
  return run({
    hosts,
    network: linkModel({ seed: s.seed, latency: s.network.latency, loss: s.network.loss, overrides: s.interventions }),
    actions,
    ...(s.maxTime !== undefined ? { maxTime: s.maxTime } : {}),
  });
}
