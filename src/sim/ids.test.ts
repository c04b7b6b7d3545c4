import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyId, msgId, nodeId } from './ids';

describe('copy ids', () => {
  it('name the first transmission `msg@to` and later ones `msg@to#n`', () => {
    expect(copyId(msgId('m1'), nodeId('P2'))).toBe('m1@P2');
    expect(copyId('m1', 'P2', 1)).toBe('m1@P2');
    expect(copyId('m1', 'P2', 2)).toBe('m1@P2#2');
    expect(copyId('ack:m3', 'R10', 12)).toBe('ack:m3@R10#12');
  });

  it('differ for every different (message, receiver, transmission) (property)', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9:.>]{1,6}$/);
    const triple = fc.tuple(part, part, fc.integer({ min: 1, max: 50 }));
    fc.assert(
      fc.property(triple, triple, ([m, t, n], [m2, t2, n2]) => {
        fc.pre(m !== m2 || t !== t2 || n !== n2);
        expect(copyId(m, t, n)).not.toBe(copyId(m2, t2, n2));
      }),
    );
  });
});
