import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Highlight } from '../../scenarios/lessons/types';
import { useLab } from '../../store/react';
import { guaranteeName, sortChecks, type Tx, violationText } from '../text';
import { checksFor, groupMembers } from '../verdicts';

/**
 * Which guarantees hold in this run (the checkers judge the whole trace, from its own sends and
 * deliveries), and the first violation of each in words, with a way to go and look at it.
 */
export interface ChecksPanelProps {
  highlight?: Highlight;
  className?: string;
}

export function ChecksPanel({ highlight, className }: ChecksPanelProps) {
  const { t } = useTranslation('views');
  const tx = t as unknown as Tx;
  const trace = useLab((s) => s.trace);
  const ordering = useLab((s) => (s.scenario.lab === 'process' ? s.scenario.ordering : ''));
  const setCursor = useLab((s) => s.setCursor);
  const members = useLab((s) => groupMembers(s.scenario));
  const results = useMemo(
    () => sortChecks(checksFor(trace, members ? { members } : undefined)),
    [trace, members],
  );

  return (
    <section
      className={['mv-checks', highlight?.panel === 'checks' ? 'hl' : '', className]
        .filter(Boolean)
        .join(' ')}
      aria-label={t('checks.title')}
    >
      <h3>{t('checks.title')}</h3>
      <ul>
        {results.map((c) => {
          const status = c.violation || !c.holds ? 'violated' : c.vacuous ? 'vacuous' : 'holds';
          return (
            <li key={c.guarantee} className={`mv-check ${status}`}>
              <span className="mv-check-icon" aria-hidden="true">
                {status === 'violated' ? '✗' : status === 'vacuous' ? '–' : '✓'}
              </span>
              <strong>{guaranteeName(tx, c.guarantee)}</strong>{' '}
              <span className="mv-check-status">{t(`checks.${status}`)}</span>
              {c.guarantee === ordering && <span className="mv-tag">{t('checks.promised')}</span>}
              <p>
                {c.violation
                  ? violationText(tx, c.violation)
                  : status === 'vacuous'
                    ? t('checks.vacuousLong')
                    : status === 'holds'
                      ? t('checks.holdsLong')
                      : null}
              </p>
              {c.violation && (
                <button type="button" onClick={() => c.violation && setCursor(c.violation.step + 1)}>
                  {t('checks.goTo', { step: c.violation.step })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
