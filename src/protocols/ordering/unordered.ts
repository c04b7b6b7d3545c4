import type { MsgId, NodeId } from '../../sim/ids';
import { act, type LayerLogic } from '../layer';
import type { OrderingInput } from './types';

/**
 * Unordered multicast (lecture: "Unordered multicast"): every message is delivered the moment
 * it arrives, so members may deliver in different orders; nothing is held back. Duplicates are
 * still discarded, by message id.
 */
export interface UnorderedContext {
  self: NodeId;
  group: readonly NodeId[];
  delivered: MsgId[];
}

export const unordered: LayerLogic<UnorderedContext, OrderingInput> = {
  init: ({ self, group }) => ({ self, group, delivered: [] }),
  on(c, e) {
    if (e.type === 'down') {
      return {
        context: { ...c, delivered: [...c.delivered, e.packet.msg] },
        out: [
          act.down({ packet: e.packet, to: c.group.filter((g) => g !== c.self) }),
          act.record({ type: 'deliver', msg: e.packet.msg, from: c.self, detail: { own: true } }),
        ],
      };
    }
    if (e.type === 'up') {
      const p = e.packet;
      const receive = act.record({ type: 'receive', msg: p.msg, from: p.from });
      if (c.delivered.includes(p.msg))
        return {
          context: c,
          out: [receive, act.record({ type: 'discard', msg: p.msg, from: p.from, detail: { reason: 'duplicate' } })],
        };
      return {
        context: { ...c, delivered: [...c.delivered, p.msg] },
        out: [receive, act.record({ type: 'deliver', msg: p.msg, from: p.from }), act.up({ packet: p })],
      };
    }
    return { context: c, out: [] };
  },
};
