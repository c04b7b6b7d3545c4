import type { CopyDraft, Fate, NetworkModel } from '../../sim/engine';
import type { CopyOverride } from '../../sim/network';
import { Random } from '../../sim/random';
import type { Net } from './topology';

/**
 * The network model of a topology: each copy crosses one link (or one station's attachment to
 * a LAN) and takes that link's latency; a link may lose copies with its `loss` probability
 * (drawn per copy, keyed by copy id); the user's per-copy edits win.
 */
export function topologyModel(net: Net, seed: number, overrides: readonly CopyOverride[] = []): NetworkModel {
  const rnd = new Random(seed);
  const edits = new Map<string, CopyOverride>();
  for (const o of overrides) edits.set(o.copy, o);
  return {
    fate(c: CopyDraft): Fate {
      const link = net.linkBetween(c.src, c.to);
      const latency = link?.latency ?? 1;
      const edit = edits.get(c.id);
      if (edit?.drop) return { lost: 'dropped', at: c.sentAt + latency };
      if (edit?.deliverAt !== undefined) return { arriveAt: Math.max(c.sentAt, edit.deliverAt), prio: -1 };
      if (link && rnd.chance(`loss:${c.id}`, link.loss)) return { lost: 'loss', at: c.sentAt + latency };
      return { arriveAt: c.sentAt + latency };
    },
  };
}
