import { describe, expect, it } from 'vitest';
import { qrPath } from './qr';

describe('qrPath', () => {
  it('draws a square code whose three finder patterns are dark at their corners', () => {
    const q = qrPath('https://example.org/lab/#abc');
    expect(q).not.toBeNull();
    const size = q?.size ?? 0;
    // A QR code has 17 + 4·version modules per side (ISO/IEC 18004).
    expect((size - 17) % 4).toBe(0);
    for (const [c, r] of [
      [0, 0],
      [size - 1, 0],
      [0, size - 1],
    ])
      expect(q?.d).toContain(`M${c} ${r}h1v1h-1z`);
  });
  it('returns null for text longer than any QR code holds, instead of throwing', () => {
    expect(qrPath('x'.repeat(5000))).toBeNull();
  });
});
