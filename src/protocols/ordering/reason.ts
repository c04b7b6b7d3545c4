import type { WaitReason } from './types';

/** Two wait reasons say the same thing: a held-back entry then keeps its object (cheap snapshots). */
export function sameReason(a: WaitReason, b: WaitReason): boolean {
  switch (a.kind) {
    case 'seq':
    case 'causal':
      return b.kind === a.kind && b.sender === a.sender && b.need === a.need;
    case 'order':
      return b.kind === 'order' && b.need === a.need;
    case 'sync':
      return (
        b.kind === 'sync' &&
        b.need === a.need &&
        b.epoch === a.epoch &&
        (b.missing ?? []).join() === (a.missing ?? []).join()
      );
    case 'time':
      return b.kind === 'time' && b.until === a.until;
  }
}
