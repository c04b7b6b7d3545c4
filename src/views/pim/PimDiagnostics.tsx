import type { Diagnostic } from '../../protocols/pim/diagnostics';
import { useLab } from '../../store/react';
import { usePimText } from './strings';

/**
 * Bad topologies explained above the drawing (issue 5 §7): a source cut off, no rendezvous point
 * or one out of reach, equal-cost paths RPF must choose between — so a broken or surprising tree
 * always comes with the reason, in the student's language.
 */
export function PimDiagnostics({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const t = usePimText();
  const lang = useLab((s) => s.lang);
  if (diagnostics.length === 0) return null;
  const worst = diagnostics[0]!.severity;
  return (
    <section
      className={`pim-diagnostics sev-${worst}`}
      aria-label={t.diag.title}
      data-testid="pim-diagnostics"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling panel must be reachable by keyboard to scroll it (axe: scrollable-region-focusable).
      tabIndex={0}
    >
      <h2>{t.diag.title}</h2>
      <ul>
        {diagnostics.map((d) => (
          <li
            key={`${d.code}|${d.router ?? ''}|${d.target ?? ''}`}
            className={`sev-${d.severity}`}
            data-code={d.code}
          >
            <strong>{t.diag[d.severity]}:</strong> {d.text[lang]}
          </li>
        ))}
      </ul>
    </section>
  );
}
