import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELIABILITY_SCHEMES, type ReliabilityInput } from '../scenarios/process-ext';
import { timeAt } from '../store/lab';
import { useLab, useLabStore } from '../store/react';
import {
  addFault,
  addHeal,
  addPartition,
  type FaultChoice,
  relProblem,
  setOption,
  setScheme,
} from './reliabilityEdits';

const NONE: readonly string[] = [];
const FAULTS: FaultChoice[] = [
  'crash',
  'crash-restart',
  'crash-restart-nolog',
  'send-omission',
  'receive-omission',
  'byzantine',
];
type Opt = 'cumulative' | 'piggyback' | 'nack';

/**
 * The reliability setting and its ACK optimizations (lecture, "Reliability of multicasts",
 * "Optimizing Acknowledgements"), and faults injected at the current virtual time ("Failure
 * considerations"): every change is a scenario edit, so it can be undone and shared.
 */
export function ReliabilityBar() {
  const { t } = useTranslation('ui');
  const store = useLabStore();
  const processes = useLab((s) => (s.scenario.lab === 'process' ? s.scenario.processes : NONE));
  const rel = useLab((s) => (s.scenario.lab === 'process' ? (s.scenario.reliability ?? null) : null));
  const isProcess = useLab((s) => s.scenario.lab === 'process');
  const partitioned = useLab((s) =>
    s.scenario.lab === 'process'
      ? (s.scenario.faults ?? []).reduce(
          (open, f) => (f.type === 'partition' ? true : f.type === 'heal' ? false : open),
          false,
        )
      : false,
  );
  const time = useLab((s) => timeAt(s.trace, s.cursor));
  const [node, setNode] = useState('');
  const [fault, setFault] = useState<FaultChoice>('crash');
  const [side, setSide] = useState<string[]>([]);
  if (!isProcess) return null;
  const target = processes.includes(node) ? node : (processes[0] ?? '');
  const edit = store.getState().edit;
  const why = (patch: Partial<ReliabilityInput>) =>
    rel
      ? relProblem({
          ...rel,
          ...patch,
          ...(patch.cumulative || patch.piggyback ? { ackDelay: Math.max(2, rel.ackDelay) } : {}),
        })
      : null;
  const opt = (k: Opt) => {
    const problem = rel ? why({ [k]: !rel[k] }) : null;
    return (
      <label className="field check" title={problem ?? t(`rel.${k}Hint`)}>
        <input
          type="checkbox"
          checked={rel?.[k] ?? false}
          disabled={problem !== null}
          onChange={(e) => edit(setOption({ [k]: e.currentTarget.checked }))}
          data-testid={`rel-${k}`}
        />
        <span>{t(`rel.${k}`)}</span>
      </label>
    );
  };
  const windowProblem = rel ? why({ window: rel.window + 1 }) : null;
  const tunable = rel?.scheme === 'reliable' || rel?.scheme === 'vsync';
  const rest = processes.filter((p) => !side.includes(p));
  return (
    <section className="editbar relbar" aria-label={t('rel.title')}>
      <label className="field">
        <span>{t('rel.scheme')}</span>
        <select
          value={rel?.scheme ?? 'none'}
          onChange={(e) => edit(setScheme(e.currentTarget.value as (typeof RELIABILITY_SCHEMES)[number]))}
          data-testid="rel-scheme"
        >
          <option value="none">{t('rel.none')}</option>
          {RELIABILITY_SCHEMES.map((s) => (
            <option key={s} value={s}>
              {t(`rel.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {tunable && rel && (
        <>
          <label className="field" title={windowProblem ?? t('rel.windowHint')}>
            <span>{t('rel.window')}</span>
            <input
              type="number"
              min={1}
              max={16}
              value={rel.window}
              disabled={windowProblem !== null && rel.window === 1}
              onChange={(e) =>
                edit(setOption({ window: Math.max(1, Math.min(16, Number(e.currentTarget.value) || 1)) }))
              }
              data-testid="rel-window"
            />
          </label>
          {opt('cumulative')}
          {opt('piggyback')}
          {opt('nack')}
        </>
      )}
      {rel && !tunable && <span className="hint">{t('rel.noOptions')}</span>}
      <label className="field">
        <span>{t('rel.faultAt')}</span>
        <select value={target} onChange={(e) => setNode(e.currentTarget.value)} data-testid="fault-node">
          {processes.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <select
        value={fault}
        onChange={(e) => setFault(e.currentTarget.value as FaultChoice)}
        aria-label={t('rel.faultKind')}
        data-testid="fault-kind"
      >
        {FAULTS.map((f) => (
          <option key={f} value={f}>
            {t(`rel.fault.${f}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => edit(addFault(target, time, fault))} data-testid="fault-inject">
        {t('rel.inject', { time })}
      </button>
      <fieldset className="field partition">
        <legend>{t('rel.partitionSide')}</legend>
        {processes.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={side.includes(p)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setSide((s) => (on ? [...s, p] : s.filter((x) => x !== p)));
              }}
              data-testid={`partition-${p}`}
            />
            {p}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        disabled={side.length === 0 || rest.length === 0}
        title={side.length === 0 || rest.length === 0 ? t('rel.partitionWhy') : undefined}
        onClick={() => edit(addPartition([side.filter((p) => processes.includes(p)), rest], time))}
        data-testid="partition"
      >
        {t('rel.partition', { time })}
      </button>
      <button type="button" disabled={!partitioned} onClick={() => edit(addHeal(time))} data-testid="heal">
        {t('rel.heal', { time })}
      </button>
    </section>
  );
}
