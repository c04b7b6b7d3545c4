import { describe, expect, it } from 'vitest';
import { handTrace } from '../sim/hand-trace';
import type { NodeId } from '../sim/ids';
import type { Trace, TraceEvent } from '../sim/trace';
import { checkAtomicity } from './atomicity';
import { checkIntegrity } from './integrity';
import { checkReliableDelivery } from './reliability';
import { checkVirtualSynchrony } from './vsync';

/** A trace written by hand: `[type, node, msg?, from?, detail?]` per event, steps and times in order. */
type Row = [string, string, string?, string?, Record<string, unknown>?];
function traceOf(nodes: string[], rows: Row[]): Trace {
  const events = rows.map(([type, node, msg, from, detail], step) => ({
    step,
    time: step,
    type,
    node,
    ...(msg ? { msg } : {}),
    ...(from ? { from } : {}),
    ...(detail ? { detail } : {}),
  })) as TraceEvent[];
  return handTrace(nodes as NodeId[], events);
}

const own = { own: true };
const P = ['P0', 'P1', 'P2'];

describe('reliable delivery checker', () => {
  it('holds when every correct member delivered what a correct member delivered', () => {
    const t = traceOf(P, [
      ['send', 'P0', 'm1', 'P0'],
      ['deliver', 'P0', 'm1', 'P0', own],
      ['deliver', 'P1', 'm1', 'P0'],
      ['deliver', 'P2', 'm1', 'P0'],
    ]);
    expect(checkReliableDelivery(t)).toEqual({ guarantee: 'reliable', holds: true });
  });

  it('names the correct member that missed a message', () => {
    const t = traceOf(P, [
      ['send', 'P0', 'm1', 'P0'],
      ['deliver', 'P0', 'm1', 'P0', own],
      ['deliver', 'P1', 'm1', 'P0'],
      ['lost', 'P2', 'm1', 'P0', { reason: 'loss' }],
    ]);
    expect(checkReliableDelivery(t).violation).toMatchObject({
      rule: 'not-delivered',
      node: 'P2',
      first: 'm1',
      other: 'P0',
    });
  });

  it('asks nothing of a crashed member, nor on behalf of one', () => {
    const t = traceOf(P, [
      ['send', 'P0', 'm1', 'P0'],
      ['deliver', 'P0', 'm1', 'P0', own],
      ['crash', 'P0'],
      ['crash', 'P2'],
    ]);
    expect(checkReliableDelivery(t).holds).toBe(true);
  });

  it('asks nothing of a member the next view removed', () => {
    const v = (id: number, members: string[]) => ({ id, members });
    const t = traceOf(P, [
      ['view', 'P0', undefined, undefined, v(1, P)],
      ['view', 'P1', undefined, undefined, v(1, P)],
      ['view', 'P2', undefined, undefined, v(1, P)],
      ['deliver', 'P0', 'm1', 'P0', own],
      ['deliver', 'P1', 'm1', 'P0'],
      ['view', 'P0', undefined, undefined, v(2, ['P0', 'P1'])],
      ['view', 'P1', undefined, undefined, v(2, ['P0', 'P1'])],
    ]);
    expect(checkReliableDelivery(t).holds).toBe(true);
  });
});

describe('atomicity checker', () => {
  it('all or none: a recipient that delivered and then crashed still counts', () => {
    const t = traceOf(P, [
      ['send', 'P0', 'm1', 'P0'],
      ['deliver', 'P1', 'm1', 'P0'],
      ['crash', 'P1'],
    ]);
    expect(checkAtomicity(t).violation).toMatchObject({ rule: 'not-all', node: 'P2', other: 'P1' });
  });

  it('holds when no recipient delivered, whatever the sender did', () => {
    const t = traceOf(P, [
      ['send', 'P0', 'm1', 'P0'],
      ['deliver', 'P0', 'm1', 'P0', own],
      ['crash', 'P0'],
    ]);
    expect(checkAtomicity(t)).toMatchObject({ holds: true, vacuous: true });
  });
});

describe('integrity checker', () => {
  it('catches a duplicate delivery', () => {
    const t = traceOf(P, [
      ['send', 'P0', 'm1', 'P0'],
      ['deliver', 'P1', 'm1', 'P0'],
      ['deliver', 'P1', 'm1', 'P0'],
    ]);
    expect(checkIntegrity(t).violation).toMatchObject({ rule: 'duplicate', node: 'P1', step: 2 });
  });

  it('catches a message nobody sent', () => {
    const t = traceOf(P, [['deliver', 'P1', 'm9', 'P2']]);
    expect(checkIntegrity(t).violation).toMatchObject({ rule: 'invented', node: 'P1', first: 'm9' });
  });

  it('tells a caught lie from one that got through', () => {
    const t = traceOf(P, [
      ['corrupt', 'P0', 'm1', 'P0', { mode: 'equivocate', body: 'm1', bodies: { P1: 'm1', P2: "m1'" } }],
      ['send', 'P0', 'm1', 'P0'],
      ['deliver', 'P1', 'm1', 'P0'],
      ['deliver', 'P2', 'm1', 'P0'],
      ['corrupt', 'P0', 'm2', 'P0', { mode: 'corrupt', body: 'm2', bodies: { P1: 'm2~' } }],
      ['send', 'P0', 'm2', 'P0'],
      ['discard', 'P1', 'm2', 'P0', { reason: 'corrupt' }],
    ]);
    const r = checkIntegrity(t);
    expect(r.lies).toEqual([
      { msg: 'm1', liar: 'P0', node: 'P2', mode: 'equivocate', caught: false, delivered: true },
      { msg: 'm2', liar: 'P0', node: 'P1', mode: 'corrupt', caught: true, delivered: false },
    ]);
    expect(r.violation).toMatchObject({ rule: 'forged', node: 'P2', first: 'm1', other: 'P0' });
  });
});

describe('virtual synchrony checker', () => {
  const v = (id: number, members: string[]) => ({ id, members });
  it('holds when those who move on delivered the same set in the view they leave', () => {
    const t = traceOf(P, [
      ['view', 'P1', undefined, undefined, v(1, P)],
      ['view', 'P2', undefined, undefined, v(1, P)],
      ['deliver', 'P1', 'm1', 'P0'],
      ['deliver', 'P2', 'm1', 'P0'],
      ['view', 'P1', undefined, undefined, v(2, ['P1', 'P2'])],
      ['view', 'P2', undefined, undefined, v(2, ['P1', 'P2'])],
      ['deliver', 'P1', 'm2', 'P2'],
    ]);
    expect(checkVirtualSynchrony(t)).toEqual({ guarantee: 'vsync', holds: true });
  });

  it('names a member that moved on without a message the other delivered in the old view', () => {
    const t = traceOf(P, [
      ['view', 'P1', undefined, undefined, v(1, P)],
      ['view', 'P2', undefined, undefined, v(1, P)],
      ['deliver', 'P1', 'm1', 'P0'],
      ['view', 'P1', undefined, undefined, v(2, ['P1', 'P2'])],
      ['view', 'P2', undefined, undefined, v(2, ['P1', 'P2'])],
      ['deliver', 'P2', 'm1', 'P0'],
    ]);
    expect(checkVirtualSynchrony(t).violation).toMatchObject({
      rule: 'not-in-view',
      node: 'P2',
      first: 'm1',
      other: 'P1',
      view: 1,
    });
  });

  it('names two members that disagree on a view', () => {
    const t = traceOf(P, [
      ['view', 'P1', undefined, undefined, v(2, ['P1', 'P2'])],
      ['view', 'P2', undefined, undefined, v(2, ['P0', 'P2'])],
    ]);
    expect(checkVirtualSynchrony(t).violation).toMatchObject({
      rule: 'view-mismatch',
      node: 'P2',
      other: 'P1',
      view: 2,
    });
  });
});
