import type { CopyDraft, Fate, NetworkModel } from './engine';
import type { CopyId } from './ids';
import { Random } from './random';

/** A user's edit of one copy's fate (ARCHITECTURE.md: an intervention is an edit of the scenario). */
export interface CopyOverride {
  copy: string;
  deliverAt?: number;
  drop?: true;
}

export interface LinkModelOptions {
  seed: number;
  /** Each copy's latency is drawn uniformly from [min, max]. */
  latency: readonly [number, number];
  /** Probability that a copy is lost. */
  loss: number;
  overrides?: readonly CopyOverride[];
}

/**
 * The network between processes: per-copy latency from the scenario's range, random loss, and
 * the user's per-copy overrides. Draws are keyed by copy id (see random.ts), so editing one copy
 * leaves every other copy's latency as it was.
 */
export function linkModel(o: LinkModelOptions): NetworkModel {
  const rnd = new Random(o.seed);
  const latency = rnd.keyed('lat:');
  const loss = rnd.keyed('loss:');
  const overrides = new Map<CopyId | string, CopyOverride>();
  // Later edits of the same copy win, as the user made them.
  for (const ov of o.overrides ?? []) overrides.set(ov.copy, ov);
  const [min, max] = o.latency;
  return {
    fate(c: CopyDraft): Fate {
      const lat = latency.int(c.id, min, max);
      const ov = overrides.get(c.id);
      if (ov?.drop) return { lost: 'dropped', at: c.sentAt + lat };
      if (ov?.deliverAt !== undefined) return { arriveAt: Math.max(c.sentAt, ov.deliverAt), prio: -1 };
      if (loss.chance(c.id, o.loss)) return { lost: 'loss', at: c.sentAt + lat };
      return { arriveAt: c.sentAt + lat };
    },
  };
}
