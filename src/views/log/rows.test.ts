import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cursorAfter,
  LOG_AFTER,
  LOG_AFTER_CHUNK,
  LOG_BEFORE,
  LOG_CHUNK,
  LOG_ROOM,
  logChunks,
  logWindow,
  mayOverflow,
} from './rows';

describe('event log rows', () => {
  it('list at least the latest events up to the cursor and a few after it, and never outside the run (property)', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (cursor, total) => {
        const w = logWindow(cursor, total);
        const c = Math.min(cursor, total);
        expect(w.from).toBeGreaterThanOrEqual(0);
        expect(w.to).toBeLessThanOrEqual(total);
        expect(w.from).toBeLessThanOrEqual(Math.max(0, c - LOG_BEFORE));
        expect(w.to).toBeGreaterThanOrEqual(Math.min(total, c + LOG_AFTER));
        expect(w.to).toBeLessThan(c + LOG_AFTER + LOG_AFTER_CHUNK);
        expect(w.current).toBe(c - 1);
      }),
    );
  });

  it('move their first row in chunks, so one step forward changes the table by at most one row (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4999 }), (cursor) => {
        const a = logWindow(cursor, 5000);
        const b = logWindow(cursor + 1, 5000);
        expect(b.from === a.from || b.from === a.from + LOG_CHUNK).toBe(true);
      }),
    );
  });

  it('grow at their end in chunks, so most steps forward add no row at all (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4999 - LOG_AFTER_CHUNK }), (cursor) => {
        const ends = Array.from({ length: LOG_AFTER_CHUNK }, (_, i) => logWindow(cursor + i, 5000).to);
        // Over LOG_AFTER_CHUNK consecutive steps the end moves at most once, by one chunk.
        expect(new Set(ends).size).toBeLessThanOrEqual(2);
        expect(ends[ends.length - 1]! - ends[0]!).toBeLessThanOrEqual(LOG_AFTER_CHUNK);
      }),
    );
  });

  it('show the run just after a clicked event', () => {
    expect(cursorAfter(7)).toBe(8);
  });

  it('split the listed rows into runs of LOG_CHUNK steps, in order, losing none', () => {
    const steps = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({ step: from + i }));
    expect(logChunks(steps(40, 86)).map((c) => [c[0]?.step, c.length])).toEqual([
      [40, 20],
      [60, 20],
      [80, 6],
    ]);
    expect(logChunks([])).toEqual([]);
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(300), (from, n) => {
        const rows = steps(from, from + n);
        const chunks = logChunks(rows);
        expect(chunks.flat()).toEqual(rows);
        for (const c of chunks) {
          expect(c.length).toBeGreaterThan(0);
          expect(new Set(c.map((e) => Math.floor(e.step / LOG_CHUNK))).size).toBe(1);
        }
      }),
    );
  });
});

describe('event log cells that may not fit their column', () => {
  it('leave short ids, step numbers, times and common event types unclipped', () => {
    for (const id of ['P0', 'P12', 'S', 'R3']) expect(mayOverflow(id, LOG_ROOM.node)).toBe(false);
    for (const msg of ['m9', 'm122', 'm999']) expect(mayOverflow(msg, LOG_ROOM.msg)).toBe(false);
    expect(mayOverflow('2326', LOG_ROOM.step)).toBe(false);
    expect(mayOverflow('337', LOG_ROOM.time)).toBe(false);
    for (const type of ['send', 'receive', 'deliver', 'hold back', 'ACK', 'NACK', '交付', 'RPF 检查失败'])
      expect(mayOverflow(type, LOG_ROOM.type)).toBe(false);
  });

  it('clip ids up to 16 characters, five-digit steps and long words', () => {
    expect(mayOverflow('a-sixteen-char-i', LOG_ROOM.node)).toBe(true);
    expect(mayOverflow('WWWW', LOG_ROOM.from)).toBe(true);
    expect(mayOverflow('m12345', LOG_ROOM.msg)).toBe(true);
    expect(mayOverflow('10000', LOG_ROOM.step)).toBe(true);
    // 91 px in DejaVu Sans Bold at 13 px, in a 79 px column.
    expect(mayOverflow('membership', LOG_ROOM.type)).toBe(true);
  });

  it('measure the longest run between spaces, and break before ideographs', () => {
    expect(mayOverflow('hold back', 3)).toBe(false);
    expect(mayOverflow('holdback', 3)).toBe(true);
    expect(mayOverflow('成员列表成员列表', 2)).toBe(false);
  });

  it('grow with the text: a cell that may overflow still may with more text after it (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.double({ min: 1, max: 10, noNaN: true }), (a, b, room) => {
        expect(!mayOverflow(a, room) || mayOverflow(a + b, room)).toBe(true);
      }),
    );
  });
});
