import { parseNarration } from '../narration';

/** Narration text as paragraphs of text and <strong>: React escapes it, so it is never HTML. */
export function Narration({ text }: { text: string }) {
  return (
    <>
      {parseNarration(text).map((runs, p) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text, re-rendered whole
        <p key={p}>
          {runs.map((r, i) =>
            // biome-ignore lint/suspicious/noArrayIndexKey: runs of a fixed paragraph
            r.bold ? <strong key={i}>{r.text}</strong> : <span key={i}>{r.text}</span>,
          )}
        </p>
      ))}
    </>
  );
}
