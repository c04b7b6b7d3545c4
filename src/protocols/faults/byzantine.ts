import type { NodeId } from '../../sim/ids';
import { act, type LayerLogic } from '../layer';
import { relOf, withRel } from '../reliability/types';
import type { LayerAction, Packet } from '../stack';
import { bodyOf, checksum } from './checksum';

/**
 * A byzantine process (lecture, "Failure considerations": "Byzantine failure: some messages are
 * faulty"), as the lowest layer of its stack, so every layer above behaves correctly and only
 * what reaches the wire lies. Two kinds of lie:
 * - `corrupt`: the contents are garbled and the checksum is left as it was, so every receiver
 *   can tell (the reliability layer discards it, reason `corrupt`);
 * - `equivocate`: different, well-formed contents to different members (every other destination
 *   gets a forged body with a matching checksum), which no checksum can catch.
 * Each lie is recorded as a `corrupt` event that shows what every member was sent.
 */
export interface ByzantineWindow {
  at: number;
  until?: number;
  mode: 'corrupt' | 'equivocate';
  msg?: string;
}

export interface ByzantineContext {
  self: NodeId;
  windows: ByzantineWindow[];
}

/** Only application messages lie; protocol messages (ACKs, views) pass unchanged. */
const LIABLE = new Set(['data', 'sync']);

export const byzantine: LayerLogic<ByzantineContext, ByzantineContext> = {
  init: (cfg) => cfg,
  on(c, e) {
    if (e.type === 'up')
      return {
        context: c,
        out: [
          act.up({ packet: e.packet, ...(e.copy ? { copy: e.copy } : {}), ...(e.src ? { src: e.src } : {}) }),
        ],
      };
    if (e.type !== 'down') return { context: c, out: [] };
    const now = e.now ?? 0;
    const p = e.packet;
    const w = c.windows.find(
      (x) =>
        now >= x.at && (x.until === undefined || now < x.until) && (x.msg === undefined || x.msg === p.msg),
    );
    const params = { ...(e.label ? { label: e.label } : {}) };
    if (!w || p.from !== c.self || !LIABLE.has(p.kind))
      return { context: c, out: [act.down({ packet: p, to: e.to, ...params })] };
    const body = bodyOf(p);
    const out: LayerAction[] = [];
    const bodies: Record<string, string> = {};
    if (w.mode === 'corrupt') {
      const garbled = `${body}~`;
      for (const d of e.to) bodies[d] = garbled;
      out.push(act.down({ packet: { ...p, h: { ...p.h, body: garbled } }, to: e.to, ...params }));
    } else {
      const forged = `${body}'`;
      const liedTo = e.to.filter((_, i) => i % 2 === 1);
      const told = e.to.filter((_, i) => i % 2 === 0);
      for (const d of told) bodies[d] = body;
      for (const d of liedTo) bodies[d] = forged;
      out.push(act.down({ packet: p, to: told, ...params }));
      if (liedTo.length > 0) out.push(act.down({ packet: forge(p, forged), to: liedTo, ...params }));
    }
    out.unshift(act.about('corrupt', p, { mode: w.mode, body, bodies }));
    return { context: c, out };
  },
};

/** A lie that passes the checksum: the liar recomputes it over the forged contents. */
function forge(p: Packet, body: string): Packet {
  const lie: Packet = { ...p, h: { ...p.h, body } };
  const rel = relOf(p);
  return rel ? withRel(lie, { ...rel, sum: checksum(lie) }) : lie;
}
