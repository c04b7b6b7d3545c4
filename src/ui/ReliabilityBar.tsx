import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELIABILITY_SCHEMES, type ReliabilityScheme } from '../scenarios/process-ext';
import type { Scenario } from '../scenarios/schema';
import { timeAt } from '../store/lab';
import { useLab, useLabStore } from '../store/react';
import { LANE_SECTIONS } from '../views/spacetime/LaneMenu';
import type { Tx } from '../views/text';
import { popoverKeys } from './popoverKeys';
import {
  editProblem,
  optionChange,
  type RelOption,
  schemeChange,
  setOption,
  setScheme,
} from './reliabilityEdits';

const NONE: readonly string[] = [];
type Switch = 'cumulative' | 'piggyback' | 'nack';
const SWITCHES: Switch[] = ['cumulative', 'piggyback', 'nack'];

/**
 * A button that opens a small non-modal dialog below it: Esc or a press elsewhere closes it, and
 * focus goes in when it opens and back to the button when it closes.
 */
function Popover({
  label,
  title,
  testId,
  children,
}: {
  label: ReactNode;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    box.current?.querySelector<HTMLElement>('select, input, button:not([disabled])')?.focus();
    const outside = (e: PointerEvent) => {
      const target = e.target as Node | null;
      if (!box.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  return (
    <span className="relbar-pop">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {label}
      </button>
      {open && (
        <div
          ref={box}
          id={id}
          className="popover relbar-popover"
          role="dialog"
          aria-label={title}
          onKeyDown={popoverKeys(() => {
            setOpen(false);
            button.current?.focus();
          })}
        >
          <h2>{title}</h2>
          {children}
        </div>
      )}
    </span>
  );
}

/** A number field of the setting, clamped to the schema's range. */
function NumberOption({
  k,
  min,
  max,
  scenario,
  value,
  edit,
}: {
  k: 'window' | 'timeout' | 'tries' | 'ackDelay';
  min: number;
  max: number;
  scenario: Scenario;
  value: number;
  edit(change: (s: Scenario) => Scenario): void;
}) {
  const { t } = useTranslation('ui');
  const lang = useLab((s) => s.lang);
  const problem = editProblem(scenario, optionChange({ [k]: value + 1 }), lang);
  return (
    <label className="field" title={problem ?? t(`rel.${k}Hint`)}>
      <span>{t(`rel.${k}`)}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        disabled={problem !== null && value === min}
        onChange={(e) => {
          const v = Math.max(min, Math.min(max, Math.round(Number(e.currentTarget.value)) || min));
          edit(setOption({ [k]: v } as Partial<RelOption>));
        }}
        data-testid={`rel-${k}`}
      />
    </label>
  );
}

/**
 * The reliability setting (lecture, "Reliability of multicasts") in one row: the scheme, its ACK
 * optimizations ("Optimizing Acknowledgements") and faults ("Failure considerations") each in a
 * popover, so the diagram keeps its room. Every change is a scenario edit: undoable, shared.
 * Faults are also injected by clicking a lane; the Faults popover offers the same menu at the
 * cursor's time, for a process picked from a list.
 */
export function ReliabilityBar() {
  const { t } = useTranslation('ui');
  const { t: tv } = useTranslation('views');
  const store = useLabStore();
  const scenario = useLab((s) => s.scenario);
  const processes = useLab((s) => (s.scenario.lab === 'process' ? s.scenario.processes : NONE));
  const time = useLab((s) => timeAt(s.trace, s.cursor));
  const lang = useLab((s) => s.lang);
  const [chosen, setChosen] = useState('');
  const nodeId = useId();
  // Each asks the validator about a whole edited scenario: once per scenario, not on every step.
  const problems = useMemo(() => {
    if (scenario.lab !== 'process') return null;
    const rel = scenario.reliability;
    return {
      scheme: new Map(RELIABILITY_SCHEMES.map((s) => [s, editProblem(scenario, schemeChange(s), lang)])),
      switch: new Map(
        SWITCHES.map((k) => [k, rel ? editProblem(scenario, optionChange({ [k]: !rel[k] }), lang) : null]),
      ),
    };
  }, [scenario, lang]);
  if (scenario.lab !== 'process') return null;
  const rel = scenario.reliability ?? null;
  const edit = store.getState().edit;
  const tunable = rel?.scheme === 'reliable' || rel?.scheme === 'vsync';
  const node = processes.includes(chosen) ? chosen : (processes[0] ?? '');
  // What is switched on, so the row says it without opening the popover.
  const on = rel
    ? [
        ...(rel.window > 1 ? [t('rel.windowOn', { n: rel.window })] : []),
        ...SWITCHES.filter((k) => rel[k]).map((k) => t(`rel.${k}`)),
      ]
    : [];
  const faults = scenario.faults?.length ?? 0;
  return (
    <section className="editbar relbar" aria-label={t('rel.title')}>
      <label className="field">
        <span>{t('rel.scheme')}</span>
        <select
          value={rel?.scheme ?? 'none'}
          onChange={(e) => edit(setScheme(e.currentTarget.value as ReliabilityScheme | 'none'))}
          data-testid="rel-scheme"
        >
          <option value="none">{t('rel.none')}</option>
          {RELIABILITY_SCHEMES.map((s) => {
            const problem = problems?.scheme.get(s) ?? null;
            return (
              <option key={s} value={s} disabled={problem !== null} title={problem ?? undefined}>
                {t(`rel.${s}`)}
              </option>
            );
          })}
        </select>
      </label>
      {rel && (
        <Popover
          label={
            <>
              {t('rel.options')}
              {/* A count keeps the row short; the list is its title and, for screen readers, its text. */}
              {on.length > 0 && (
                <span className="relbar-on" title={on.join(' · ')}>
                  <span aria-hidden="true">{on.length}</span>
                  <span className="mv-sr">{on.join(', ')}</span>
                </span>
              )}
            </>
          }
          title={t('rel.optionsTitle')}
          testId="rel-options"
        >
          <div className="relbar-grid">
            {rel.scheme !== 'unreliable' && (
              <NumberOption
                k="timeout"
                min={1}
                max={1000}
                scenario={scenario}
                value={rel.timeout}
                edit={edit}
              />
            )}
            {tunable && (
              <>
                <NumberOption k="tries" min={1} max={100} scenario={scenario} value={rel.tries} edit={edit} />
                <NumberOption
                  k="window"
                  min={1}
                  max={64}
                  scenario={scenario}
                  value={rel.window}
                  edit={edit}
                />
                {SWITCHES.map((k) => {
                  const problem = problems?.switch.get(k) ?? null;
                  return (
                    <label key={k} className="field check" title={problem ?? t(`rel.${k}Hint`)}>
                      <input
                        type="checkbox"
                        checked={rel[k]}
                        disabled={problem !== null}
                        onChange={(e) => edit(setOption({ [k]: e.currentTarget.checked }))}
                        data-testid={`rel-${k}`}
                      />
                      <span>{t(`rel.${k}`)}</span>
                    </label>
                  );
                })}
                <NumberOption
                  k="ackDelay"
                  min={0}
                  max={1000}
                  scenario={scenario}
                  value={rel.ackDelay}
                  edit={edit}
                />
              </>
            )}
          </div>
          {!tunable && <p className="hint">{t('rel.noOptions')}</p>}
        </Popover>
      )}
      <Popover
        label={
          <>
            {t('rel.faults')}
            {faults > 0 && (
              <span className="relbar-on">
                <span aria-hidden="true">{faults}</span>
                <span className="mv-sr">{t('rel.faultCount', { n: faults })}</span>
              </span>
            )}
          </>
        }
        title={t('rel.faultsTitle', { time })}
        testId="rel-faults"
      >
        <p className="hint">{t('rel.faultsHint')}</p>
        <label className="field" htmlFor={nodeId}>
          <span>{t('rel.faultAt')}</span>
          <select
            id={nodeId}
            value={node}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data-testid="fault-node"
          >
            {processes.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <div className="mv-lane-menu inline">
          {LANE_SECTIONS.filter((sec) => sec.id === 'faults' && sec.applies(scenario, node)).map((sec) => (
            <sec.Body
              key={`${sec.id} ${node}`}
              node={node}
              time={time}
              scenario={scenario}
              edit={edit}
              t={tv as unknown as Tx}
            />
          ))}
        </div>
      </Popover>
    </section>
  );
}
