import { useTranslation } from 'react-i18next';
import { LESSONS } from '../../scenarios/lessons';
import { useLab, useLabStore } from '../../store/react';
import { Icon } from '../Icon';
import { useShell } from '../shell';
import { Narration } from './Narration';
import { openStep } from './steps';

/**
 * The lesson player: the step's title and narration in the current language, Prev/Next, progress,
 * and the switch between the lesson and free exploration (Esc), as in VisuAlgo's e-Lectures.
 */
export function LessonPanel() {
  const { t } = useTranslation('ui');
  const store = useLabStore();
  const position = useLab((s) => s.lesson);
  const lang = useLab((s) => s.lang);
  const exploring = useShell((s) => s.exploring);
  const setExploring = useShell((s) => s.setExploring);
  const lesson = position ? LESSONS.find((l) => l.id === position.id) : undefined;
  if (!position || !lesson) return null;
  const index = Math.max(0, Math.min(lesson.steps.length - 1, position.step));
  const step = lesson.steps[index];
  if (!step) return null;
  const go = (i: number) => {
    openStep(store, lesson, i);
    setExploring(false);
  };
  const leave = () => {
    store.getState().setLesson(null);
    setExploring(false);
  };

  if (exploring)
    return (
      <section className="lesson exploring" aria-label={t('lesson.narration')}>
        <p className="lesson-exploring">{t('lesson.exploring', { title: lesson.title[lang] })}</p>
        <button type="button" onClick={() => setExploring(false)}>
          {t('lesson.resume')}
        </button>
      </section>
    );

  return (
    <section className="lesson" aria-label={t('lesson.narration')} data-testid="lesson">
      <div className="lesson-head">
        <span className="lesson-name">{lesson.title[lang]}</span>
        <span className="lesson-progress" data-testid="lesson-progress">
          {t('lesson.progress', { step: index + 1, total: lesson.steps.length })}
        </span>
        <button
          type="button"
          className="icon-btn ghost"
          onClick={leave}
          aria-label={t('lesson.leave')}
          title={t('lesson.leave')}
        >
          <Icon name="close" />
        </button>
      </div>
      <h2 className="step-title">
        {step.sandbox && <span className="badge">{t('lesson.sandbox')}</span>}
        {step.title[lang]}
      </h2>
      <div className="narration" data-testid="narration" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <Narration text={step.body[lang]} />
        {step.sandbox && <p className="muted">{t('lesson.sandboxHint')}</p>}
      </div>
      <div className="lesson-nav">
        <button type="button" className="explore ghost" onClick={() => setExploring(true)}>
          {t('lesson.explore')}
        </button>
        <span className="prev-next">
          <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
            {t('lesson.prev')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => go(index + 1)}
            disabled={index >= lesson.steps.length - 1}
          >
            {t('lesson.next')}
          </button>
        </span>
      </div>
    </section>
  );
}
