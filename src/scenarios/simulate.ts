import { faultyNetwork } from '../protocols/faults/network';
import { faultActions, networkFaults } from '../protocols/faults/schedule';
import { ORDERING_DEFS } from '../protocols/ordering';
import { defaultHorizon, type LowerSpec, lowerLayers } from '../protocols/reliability';
import { type Layer, type ProcessAction, ProcessHost } from '../protocols/stack';
import { run } from '../sim/engine';
import { msgId, type NodeId, nodeId } from '../sim/ids';
import { linkModel } from '../sim/network';
import type { Trace } from '../sim/trace';
import type { ProcessScenario, Scenario } from './schema';
import { simulateNetwork } from './simulate-network';

const START: ProcessAction = { type: 'control', op: 'start' };

/** A scenario action as the process host takes it: group operations go to the membership layer. */
function toProcessAction(a: ProcessScenario['actions'][number]): ProcessAction {
  switch (a.type) {
    case 'multicast':
    case 'send_to_group':
      return { type: 'multicast', msg: msgId(a.msg), kind: 'data' };
    case 'sync':
      return { type: 'multicast', msg: msgId(a.msg), kind: 'sync' };
    case 'join_group':
      return { type: 'control', op: 'join', args: { msg: a.msg } };
    case 'leave_group':
      return { type: 'control', op: 'leave', args: { msg: a.msg } };
    case 'query_membership':
      return { type: 'control', op: 'query', args: { msg: a.msg } };
  }
}

/** scenario → trace: pure and deterministic (ARCHITECTURE.md, "The one idea"). */
export function simulate(s: Scenario): Trace {
  switch (s.lab) {
    case 'process':
      return simulateProcess(s);
    case 'network':
      return simulateNetwork(s);
  }
}

function simulateProcess(s: ProcessScenario): Trace {
  const def = ORDERING_DEFS[s.ordering];
  if (!def) throw new Error(`ordering "${s.ordering}" is not implemented`);
  const group = s.processes.map(nodeId);
  const sequencer = nodeId(s.sequencer ?? 'S');
  const faults = s.faults ?? [];
  const lower: LowerSpec = {
    processes: group,
    reliability: s.reliability,
    groups: s.groups,
    faults,
    maxLatency: s.network.latency[1],
  };
  const layersFor = (self: NodeId): Layer[] => [
    {
      name: 'ordering',
      machine: def.machine,
      input: {
        self,
        group,
        sequencer,
        maxDelay: s.network.latency[1],
        ...(s.clocks?.[self] ? { clock: s.clocks[self] } : {}),
      },
      view: def.view,
    },
    // Groups, reliability and byzantine faults: layers under the ordering (none if the scenario has none).
    ...lowerLayers(lower, self),
  ];
  // Total ordering: a sequencer that is not a member gets a lane of its own, below the group.
  const nodes = def.sequencer && !group.includes(sequencer) ? [...group, sequencer] : group;
  const hosts = nodes.map((p) => new ProcessHost(p, layersFor(p)));
  const appActions = s.actions.map((a) => ({
    time: a.at,
    node: nodeId(a.node),
    action: toProcessAction(a),
  }));
  // At time 0 each member records the group's first view; faults at a time come before the application's actions then.
  const starts =
    s.groups || s.reliability?.scheme === 'vsync'
      ? group.map((p) => ({ time: 0, node: p, action: START }))
      : [];
  const actions = [...starts, ...faultActions(faults, nodes), ...appActions];
  const links = linkModel({
    seed: s.seed,
    latency: s.network.latency,
    loss: s.network.loss,
    overrides: s.interventions,
  });
  const last = Math.max(
    0,
    ...actions.map((a) => a.time),
    ...faults.map((f) => (f.type === 'crash' ? (f.restart?.at ?? f.at) : f.at)),
  );
  const maxTime = s.maxTime ?? defaultHorizon(s.reliability, last, s.network.latency[1]);
  return run({
    hosts,
    network: faults.length > 0 ? faultyNetwork(links, networkFaults(faults)) : links,
    actions,
    ...(maxTime !== undefined ? { maxTime } : {}),
  });
}
