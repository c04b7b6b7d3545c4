import type { CopyDraft, Fate, NetworkModel } from '../../sim/engine';

/**
 * Failures of the network and of processes' links to it (lecture, "Failure considerations"),
 * laid over the link model: send omission ("a process fails to send messages"), receive omission
 * ("fails to receive messages"), and partition ("the network may get segmented, dividing the
 * group into two or more unreachable sub-groups"). Each lost copy says why (`send-omission`,
 * `receive-omission`, `partition`), so the diagram can draw the cross and name its cause.
 */
export interface Omission {
  dir: 'send' | 'receive';
  node: string;
  at: number;
  until?: number;
  /** Only this copy. */
  copy?: string;
}

/** The network's shape from `at` on: split into `groups`, or whole again (`groups` null). */
export interface Split {
  at: number;
  groups: readonly (readonly string[])[] | null;
}

export interface NetworkFaults {
  omissions: readonly Omission[];
  /** In time order. */
  splits: readonly Split[];
}

const inWindow = (o: Omission, t: number) => t >= o.at && (o.until === undefined || t < o.until);

/** The sub-group `node` is in at time `t`, or null when the network is whole. A node listed nowhere is in the first. */
export function sideAt(splits: readonly Split[], node: string, t: number): number | null {
  let cur: Split | undefined;
  for (const s of splits) if (s.at <= t) cur = s;
  if (!cur?.groups) return null;
  const i = cur.groups.findIndex((g) => g.includes(node));
  return Math.max(0, i);
}

const apart = (splits: readonly Split[], a: string, b: string, t: number) => {
  const sa = sideAt(splits, a, t);
  return sa !== null && sa !== sideAt(splits, b, t);
};

export function faultyNetwork(base: NetworkModel, f: NetworkFaults): NetworkModel {
  return {
    fate(c: CopyDraft): Fate {
      const omitted = (dir: Omission['dir'], node: string, t: number) =>
        f.omissions.some(
          (o) =>
            o.dir === dir && o.node === node && inWindow(o, t) && (o.copy === undefined || o.copy === c.id),
        );
      if (omitted('send', c.src, c.sentAt)) return { lost: 'send-omission', at: c.sentAt };
      const fate = base.fate(c);
      if ('lost' in fate) return fate;
      if (apart(f.splits, c.src, c.to, c.sentAt)) return { lost: 'partition', at: fate.arriveAt };
      // A partition that opens while the copy is on its way cuts it off too.
      const cut = f.splits.find(
        (s) => s.at > c.sentAt && s.at <= fate.arriveAt && apart(f.splits, c.src, c.to, s.at),
      );
      if (cut) return { lost: 'partition', at: cut.at };
      if (omitted('receive', c.to, fate.arriveAt)) return { lost: 'receive-omission', at: fate.arriveAt };
      return fate;
    },
  };
}
