import type { Effects, NodeHost, NodeInput } from '../../sim/engine';
import { type NodeId, nodeId } from '../../sim/ids';
import type { NetAction } from './actions';
import type { Net } from './topology';

/**
 * An Ethernet segment: a shared medium. A frame one station puts on it reaches every other
 * station, whose card then decides whether to take it in (lecture, "LAN (Ethernet)
 * multicasting"). The segment's copies are one transmission: views and statistics count the
 * frame once, on the LAN (`detail.role` is `medium`).
 */
export class LanNode implements NodeHost<NetAction> {
  readonly id: NodeId;

  constructor(
    private readonly net: Net,
    id: string,
  ) {
    this.id = nodeId(id);
  }

  handle(input: NodeInput<NetAction>, fx: Effects): void {
    if (input.type !== 'net') return;
    const from = input.copy.src;
    const others = this.net.lans.get(this.id)!.stations.filter((s) => s !== from);
    if (others.length === 0) {
      fx.record({
        type: 'discard',
        msg: input.copy.msg,
        from: input.copy.from,
        detail: { stage: 'lan', reason: 'no-other-station' },
      });
      return;
    }
    fx.send({
      to: others.map(nodeId),
      msg: input.copy.msg,
      kind: input.copy.kind,
      from: input.copy.from,
      payload: input.payload,
      ...(input.copy.label ? { label: input.copy.label } : {}),
      detail: { role: 'medium', on: this.id, sender: from },
    });
  }

  view(): unknown {
    return { kind: 'lan' };
  }
}
