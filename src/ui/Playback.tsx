import { useTranslation } from 'react-i18next';
import { timeAt } from '../store/lab';
import { useLab, useLabStore } from '../store/react';
import { SPEEDS, togglePlay } from './hooks';
import { Icon } from './Icon';

/** First, back, play/pause, forward, last; speed; the timeline scrubber and the step counter. */
export function Playback() {
  const { t } = useTranslation('ui');
  const store = useLabStore();
  const cursor = useLab((s) => s.cursor);
  const total = useLab((s) => s.trace.events.length);
  const time = useLab((s) => timeAt(s.trace, s.cursor));
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const st = store.getState();
  const label = { step: cursor, total, time };
  return (
    <section className="playback" aria-label={t('playback.controls')}>
      <div className="buttons">
        <button
          type="button"
          className="icon-btn"
          onClick={() => st.setCursor(0)}
          disabled={cursor === 0}
          title={`${t('playback.first')} (Home)`}
          aria-label={t('playback.first')}
        >
          <Icon name="first" />
        </button>
        <button
          type="button"
          className="icon-btn"
          onClick={() => st.stepBy(-1)}
          disabled={cursor === 0}
          title={`${t('playback.back')} (←)`}
          aria-label={t('playback.back')}
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="icon-btn primary"
          onClick={() => togglePlay(store)}
          disabled={total === 0}
          title={`${t(playing ? 'playback.pause' : 'playback.play')} (Space)`}
          aria-label={t(playing ? 'playback.pause' : 'playback.play')}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="icon-btn"
          onClick={() => st.stepBy(1)}
          disabled={cursor >= total}
          title={`${t('playback.forward')} (→)`}
          aria-label={t('playback.forward')}
        >
          <Icon name="forward" />
        </button>
        <button
          type="button"
          className="icon-btn"
          onClick={() => st.setCursor(total)}
          disabled={cursor >= total}
          title={`${t('playback.last')} (End)`}
          aria-label={t('playback.last')}
        >
          <Icon name="last" />
        </button>
      </div>
      <input
        className="scrubber"
        type="range"
        min={0}
        max={total}
        step={1}
        value={cursor}
        aria-label={t('playback.timeline')}
        aria-valuetext={t('playback.valuetext', label)}
        onChange={(e) => st.setCursor(Number(e.currentTarget.value))}
      />
      {/* Announced when stepping, not during play (a screen reader would never catch up). */}
      <span className="counter" data-testid="step-counter" aria-live={playing ? 'off' : 'polite'}>
        {t('playback.counter', label)}
      </span>
      <label className="speed secondary">
        <span>{t('playback.speed')}</span>
        <select value={speed} onChange={(e) => st.setSpeed(Number(e.currentTarget.value))}>
          {(SPEEDS.includes(speed as (typeof SPEEDS)[number])
            ? SPEEDS
            : [...SPEEDS, speed].sort((a, b) => a - b)
          ).map((v) => (
            <option key={v} value={v}>
              {t('playback.speedValue', { speed: v })}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
