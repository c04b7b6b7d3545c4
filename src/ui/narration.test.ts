import { describe, expect, it } from 'vitest';
import { parseNarration } from './narration';

describe('parseNarration', () => {
  it('makes the text between pairs of ** bold and leaves the rest plain', () => {
    expect(parseNarration('P2 **holds back** m1 until **m0** arrives.')).toEqual([
      [
        { text: 'P2 ', bold: false },
        { text: 'holds back', bold: true },
        { text: ' m1 until ', bold: false },
        { text: 'm0', bold: true },
        { text: ' arrives.', bold: false },
      ],
    ]);
  });

  it('splits paragraphs on line breaks and drops blank lines', () => {
    expect(parseNarration('first\n\nsecond').map((p) => p.map((r) => r.text).join(''))).toEqual([
      'first',
      'second',
    ]);
  });

  it('keeps an unclosed ** as plain text rather than bolding the rest of the line', () => {
    expect(parseNarration('a **b')).toEqual([
      [
        { text: 'a ', bold: false },
        { text: 'b', bold: false },
      ],
    ]);
  });

  it('keeps markup-looking text as text (it is never parsed as HTML)', () => {
    const runs = parseNarration('<b>not bold</b>');
    expect(runs).toEqual([[{ text: '<b>not bold</b>', bold: false }]]);
  });
});
