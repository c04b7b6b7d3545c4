import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabStore } from '../store/lab';
import { timeAt } from '../store/lab';
import { useLab, useLabStore } from '../store/react';
import { SPEEDS, togglePlay } from './hooks';
import { Icon } from './Icon';

/**
 * The five buttons: they change only at the ends of the run and on play/pause, so a step skips them
 * (and their titles, translated once per language).
 */
const Buttons = memo(function Buttons({
  store,
  atStart,
  atEnd,
  empty,
  playing,
}: {
  store: LabStore;
  atStart: boolean;
  atEnd: boolean;
  empty: boolean;
  playing: boolean;
}) {
  const { t } = useTranslation('ui');
  const st = store.getState();
  return (
    <div className="buttons">
      <button
        type="button"
        className="icon-btn"
        onClick={() => st.setCursor(0)}
        disabled={atStart}
        title={`${t('playback.first')} (Home)`}
        aria-label={t('playback.first')}
      >
        <Icon name="first" />
      </button>
      <button
        type="button"
        className="icon-btn"
        onClick={() => st.stepBy(-1)}
        disabled={atStart}
        title={`${t('playback.back')} (←)`}
        aria-label={t('playback.back')}
      >
        <Icon name="back" />
      </button>
      <button
        type="button"
        className="icon-btn primary"
        onClick={() => togglePlay(store)}
        disabled={empty}
        title={`${t(playing ? 'playback.pause' : 'playback.play')} (${t('playback.keySpace')})`}
        aria-label={t(playing ? 'playback.pause' : 'playback.play')}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        className="icon-btn"
        onClick={() => st.stepBy(1)}
        disabled={atEnd}
        title={`${t('playback.forward')} (→)`}
        aria-label={t('playback.forward')}
      >
        <Icon name="forward" />
      </button>
      <button
        type="button"
        className="icon-btn"
        onClick={() => st.setCursor(store.getState().trace.events.length)}
        disabled={atEnd}
        title={`${t('playback.last')} (End)`}
        aria-label={t('playback.last')}
      >
        <Icon name="last" />
      </button>
    </div>
  );
});

/** The speed picker: changes with the speed and the language only. */
const Speed = memo(function Speed({ store, speed }: { store: LabStore; speed: number }) {
  const { t } = useTranslation('ui');
  return (
    <label className="speed secondary">
      <span>{t('playback.speed')}</span>
      <select value={speed} onChange={(e) => store.getState().setSpeed(Number(e.currentTarget.value))}>
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
  );
});

/** First, back, play/pause, forward, last; speed; the timeline scrubber and the step counter. */
export function Playback() {
  const { t } = useTranslation('ui');
  const store = useLabStore();
  const cursor = useLab((s) => s.cursor);
  const total = useLab((s) => s.trace.events.length);
  const time = useLab((s) => timeAt(s.trace, s.cursor));
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const label = { step: cursor, total, time };
  // i18next's t() is a measurable part of a step: the fixed words are looked up once per language.
  const words = useMemo(() => ({ controls: t('playback.controls'), timeline: t('playback.timeline') }), [t]);
  return (
    <section className="playback" aria-label={words.controls}>
      <Buttons
        store={store}
        atStart={cursor === 0}
        atEnd={cursor >= total}
        empty={total === 0}
        playing={playing}
      />
      <input
        className="scrubber"
        type="range"
        min={0}
        max={total}
        step={1}
        value={cursor}
        aria-label={words.timeline}
        aria-valuetext={t('playback.valuetext', label)}
        onChange={(e) => store.getState().setCursor(Number(e.currentTarget.value))}
      />
      {/* Announced when stepping, not during play (a screen reader would never catch up). */}
      <span className="counter" data-testid="step-counter" aria-live={playing ? 'off' : 'polite'}>
        {t('playback.counter', label)}
      </span>
      <Speed store={store} speed={speed} />
    </section>
  );
}
