import { useTranslation } from 'react-i18next';
import { LESSONS } from '../../scenarios/lessons';
import { useLab, useLabStore } from '../../store/react';
import { Dialog } from '../Dialog';
import { useShell } from '../shell';
import { openStep, tableOfContents } from './steps';

/** The table of contents: the lecture's chapters in order, each with its lessons. */
export function TocDialog() {
  const { t } = useTranslation('ui');
  const store = useLabStore();
  const lang = useLab((s) => s.lang);
  const current = useLab((s) => s.lesson?.id);
  const open = useShell((s) => s.overlay === 'toc');
  const close = () => useShell.getState().open(null);
  const toc = tableOfContents(LESSONS);
  return (
    <Dialog
      open={open}
      title={t('lesson.contentsTitle')}
      closeLabel={t('lesson.close')}
      onClose={close}
      className="toc"
    >
      <ol className="chapters">
        {toc.map(({ chapter, lessons }) => (
          <li key={chapter} className={lessons.length === 0 ? 'empty' : undefined}>
            <h3>{t(`chapters.${chapter}`)}</h3>
            {lessons.length === 0 ? (
              <p className="muted">{t('lesson.none')}</p>
            ) : (
              <ul className="lessons">
                {lessons.map((l) => (
                  <li key={l.id}>
                    <button
                      type="button"
                      className="lesson-link"
                      aria-current={current === l.id ? 'true' : undefined}
                      onClick={() => {
                        openStep(store, l, 0);
                        useShell.getState().setExploring(false);
                        close();
                      }}
                    >
                      <span className="lesson-title">{l.title[lang]}</span>
                      <span className="lesson-summary">{l.summary[lang]}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
