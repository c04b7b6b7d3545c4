import type { NodeId } from '../../sim/ids';
import { act, type LayerLogic } from '../layer';
import { append, type DeliveryQueue, emptyQueue, hasDelivered } from './delivered';
import type { OrderingInput } from './types';

/**
 * Unordered multicast (lecture: "Unordered multicast"): every message is delivered the moment
 * it arrives, so members may deliver in different orders; nothing is held back. Duplicates are
 * still discarded, by message id.
 */
export interface UnorderedContext {
  self: NodeId;
  group: readonly NodeId[];
  delivered: DeliveryQueue;
}

export const unordered: LayerLogic<UnorderedContext, OrderingInput> = {
  init: ({ self, group }) => ({ self, group, delivered: emptyQueue() }),
  on(c, e) {
    if (e.type === 'down') {
      const p = e.packet;
      return {
        context: { ...c, delivered: append(c.delivered, p.msg) },
        out: [
          act.down({ packet: p, to: c.group.filter((g) => g !== c.self) }),
          act.record({ type: 'deliver', msg: p.msg, from: c.self, kind: p.kind, detail: { own: true } }),
        ],
      };
    }
    if (e.type === 'up') {
      const p = e.packet;
      const receive = act.about('receive', p);
      if (hasDelivered(c.delivered, p.msg))
        return {
          context: c,
          out: [receive, act.about('discard', p, { reason: 'duplicate' })],
        };
      return {
        context: { ...c, delivered: append(c.delivered, p.msg) },
        out: [receive, act.about('deliver', p), act.up({ packet: p })],
      };
    }
    return { context: c, out: [] };
  },
};
