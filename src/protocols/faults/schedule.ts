import { type NodeId, nodeId } from '../../sim/ids';
import type { ProcessAction } from '../stack';
import type { ByzantineWindow } from './byzantine';
import type { NetworkFaults } from './network';

/** A failure the scenario injects (the scenario's `faults` entries, as the protocols see them). */
export type FaultSpec =
  | { type: 'crash'; at: number; node: string; restart?: { at: number; log: boolean } | undefined }
  | {
      type: 'send-omission' | 'receive-omission';
      at: number;
      node: string;
      until?: number | undefined;
      copy?: string | undefined;
    }
  | {
      type: 'byzantine';
      at: number;
      node: string;
      until?: number | undefined;
      mode: 'corrupt' | 'equivocate';
      msg?: string | undefined;
    }
  | { type: 'partition'; at: number; groups: string[][] }
  | { type: 'heal'; at: number };

export interface Scheduled {
  time: number;
  node: NodeId;
  action: ProcessAction;
}

const fault = (time: number, node: string, name: string, detail?: Record<string, unknown>): Scheduled => ({
  time,
  node: nodeId(node),
  action: { type: 'fault', fault: name, ...(detail ? { detail } : {}) },
});

const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/**
 * The faults as engine actions at their times, so each shows in the trace where it happens:
 * `crash` and `restart` (detail `log`) at the process; `omit` (detail `dir`, `until`, `copy`) and
 * `byzantine` (detail `mode`, `until`, `msg`) where the window opens; `partition` (detail `groups`,
 * `side`) and `heal` on every node, so each lane shows which side it is on.
 */
export function faultActions(faults: readonly FaultSpec[], nodes: readonly NodeId[]): Scheduled[] {
  const out: Scheduled[] = [];
  for (const f of faults) {
    switch (f.type) {
      case 'crash':
        out.push(fault(f.at, f.node, 'crash'));
        if (f.restart) out.push(fault(f.restart.at, f.node, 'restart', { log: f.restart.log }));
        break;
      case 'send-omission':
      case 'receive-omission':
        out.push(
          fault(
            f.at,
            f.node,
            'omit',
            defined({ dir: f.type === 'send-omission' ? 'send' : 'receive', until: f.until, copy: f.copy }),
          ),
        );
        break;
      case 'byzantine':
        out.push(fault(f.at, f.node, 'byzantine', defined({ mode: f.mode, until: f.until, msg: f.msg })));
        break;
      case 'partition':
        for (const n of nodes) {
          const i = f.groups.findIndex((g) => g.includes(n));
          out.push(fault(f.at, n, 'partition', { groups: f.groups, side: Math.max(0, i) }));
        }
        break;
      case 'heal':
        for (const n of nodes) out.push(fault(f.at, n, 'heal'));
        break;
    }
  }
  // Stable by time, so faults at the same time keep the scenario's order.
  return out
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.time - b.s.time || a.i - b.i)
    .map((x) => x.s);
}

export function networkFaults(faults: readonly FaultSpec[]): NetworkFaults {
  const omissions: NetworkFaults['omissions'][number][] = [];
  const splits: NetworkFaults['splits'][number][] = [];
  for (const f of faults) {
    if (f.type === 'send-omission' || f.type === 'receive-omission')
      omissions.push({
        dir: f.type === 'send-omission' ? 'send' : 'receive',
        node: f.node,
        at: f.at,
        ...(f.until !== undefined ? { until: f.until } : {}),
        ...(f.copy !== undefined ? { copy: f.copy } : {}),
      });
    else if (f.type === 'partition') splits.push({ at: f.at, groups: f.groups });
    else if (f.type === 'heal') splits.push({ at: f.at, groups: null });
  }
  splits.sort((a, b) => a.at - b.at);
  return { omissions, splits };
}

export function byzantineWindows(faults: readonly FaultSpec[], node: string): ByzantineWindow[] {
  return faults.flatMap((f) =>
    f.type === 'byzantine' && f.node === node
      ? [
          {
            at: f.at,
            mode: f.mode,
            ...(f.until !== undefined ? { until: f.until } : {}),
            ...(f.msg !== undefined ? { msg: f.msg } : {}),
          },
        ]
      : [],
  );
}
