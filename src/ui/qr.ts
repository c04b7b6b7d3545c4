import qrcode from 'qrcode-generator';

export interface QrPath {
  /** Modules per side. */
  size: number;
  /** One SVG path of unit squares, one per dark module. */
  d: string;
}

/**
 * A QR code of `text` as one SVG path, or null when the text is longer than a QR code holds
 * (about 2,900 bytes at the lowest error correction). Rendered by React, never as markup.
 */
export function qrPath(text: string): QrPath | null {
  let code: ReturnType<typeof qrcode>;
  try {
    code = qrcode(0, 'L');
    code.addData(text, 'Byte');
    code.make();
  } catch {
    return null;
  }
  const size = code.getModuleCount();
  let d = '';
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) if (code.isDark(r, c)) d += `M${c} ${r}h1v1h-1z`;
  return { size, d };
}
