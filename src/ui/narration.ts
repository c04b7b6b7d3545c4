/**
 * Lesson narration is plain text with `**bold**` and line breaks only (lessons/types.ts). It is
 * parsed into runs that React renders as text and <strong>, so narration can never inject HTML.
 */
export interface Run {
  text: string;
  bold: boolean;
}

/** Paragraphs (split on blank lines or single line breaks), each a list of runs. */
export function parseNarration(text: string): Run[][] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) =>
      line
        .split('**')
        // An unmatched trailing `**` leaves the rest plain: only closed pairs are bold.
        .map((part, i, parts) => ({ text: part, bold: i % 2 === 1 && i < parts.length - 1 }))
        .filter((r) => r.text.length > 0),
    );
}
