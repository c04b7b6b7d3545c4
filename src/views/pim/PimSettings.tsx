import { useId, useState } from 'react';
import type { NetworkScenario } from '../../scenarios/schema';
import type { EditOutcome } from '../network/edits';
import { fill } from '../network/strings';
import {
  DEFAULT_PREFERENCE,
  type PimMode,
  preferenceOf,
  type SptSwitch,
  setPimMode,
  setPreference,
  setRp,
  setSptSwitch,
  setStateRefresh,
} from './settings';
import { usePimText } from './strings';

/**
 * The network lab's PIM settings panel: mode, rendezvous point, SPT switch, State Refresh and a
 * router's Assert preference as form controls, so a sandbox never needs a file edit. Every change
 * goes through `apply` as an edit of the scenario (settings.ts); a refused one is shown by the lab.
 */
export interface PimSettingsProps {
  scenario: NetworkScenario;
  /** The router selected on the topology: the preference form starts on it. */
  selected: string | null;
  apply(outcome: EditOutcome, done: string): void;
}

type SptChoice = 'immediate' | 'never' | 'packets';

export function PimSettings({ scenario, selected, apply }: PimSettingsProps) {
  const t = usePimText();
  const id = useId();
  const pim = scenario.pim;
  const routers = scenario.topology.routers.map((r) => r.id);
  const spt: SptSwitch = pim?.sptSwitch ?? 'immediate';
  const sptChoice: SptChoice = typeof spt === 'object' ? 'packets' : spt;
  const [packets, setPackets] = useState(String(typeof spt === 'object' ? spt.packets : 3));
  const startRouter = selected && routers.includes(selected) ? selected : (routers[0] ?? '');
  const [prefRouter, setPrefRouter] = useState<{ id: string; from: string | null } | null>(null);
  const router = prefRouter && prefRouter.from === selected ? prefRouter.id : startRouter;
  const [pref, setPref] = useState<{ router: string; value: string } | null>(null);
  const prefValue = pref && pref.router === router ? pref.value : String(preferenceOf(scenario, router));
  const modeName = (m: PimMode | 'off') => t.settings.modes[m];
  const sptName = (c: SptChoice, n?: number) =>
    c === 'packets' ? fill(t.settings.sptAfter, { n: n ?? '' }) : t.settings.spts[c];

  const chooseSpt = (c: SptChoice) => {
    const value: SptSwitch = c === 'packets' ? { packets: Number(packets) } : c;
    apply(setSptSwitch(scenario, value), fill(t.settings.whatSpt, { spt: sptName(c, Number(packets)) }));
  };
  const listed = Object.entries(pim?.preference ?? {});

  return (
    <section className="pim-settings" aria-labelledby={`${id}-title`} data-testid="pim-settings">
      <h2 id={`${id}-title`}>{t.settings.title}</h2>
      <p className="nl-dim">{t.settings.intro}</p>
      <div className="nl-pick">
        <label htmlFor={`${id}-mode`}>{t.settings.mode}</label>
        <select
          id={`${id}-mode`}
          value={pim?.mode ?? 'off'}
          data-testid="pim-mode"
          onChange={(e) => {
            const m = e.currentTarget.value as PimMode | 'off';
            apply(setPimMode(scenario, m, selected), fill(t.settings.whatMode, { mode: modeName(m) }));
          }}
        >
          {(['off', 'dense', 'sparse'] as const).map((m) => (
            <option key={m} value={m}>
              {modeName(m)}
            </option>
          ))}
        </select>
      </div>
      {pim?.mode === 'sparse' && (
        <>
          <div className="nl-pick">
            <label htmlFor={`${id}-rp`}>{t.settings.rp}</label>
            <select
              id={`${id}-rp`}
              value={pim.rp ?? ''}
              data-testid="pim-rp"
              onChange={(e) => {
                const rp = e.currentTarget.value;
                apply(setRp(scenario, rp), fill(t.settings.whatRp, { rp }));
              }}
            >
              {routers.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <div className="nl-pick">
            <label htmlFor={`${id}-spt`}>{t.settings.spt}</label>
            <select
              id={`${id}-spt`}
              value={sptChoice}
              data-testid="pim-spt"
              onChange={(e) => chooseSpt(e.currentTarget.value as SptChoice)}
            >
              {(['immediate', 'never', 'packets'] as const).map((c) => (
                <option key={c} value={c}>
                  {t.settings.spts[c]}
                </option>
              ))}
            </select>
          </div>
          {sptChoice === 'packets' && (
            <form
              className="nl-pick"
              onSubmit={(e) => {
                e.preventDefault();
                chooseSpt('packets');
              }}
            >
              <label htmlFor={`${id}-packets`}>{t.settings.packets}</label>
              <input
                id={`${id}-packets`}
                type="number"
                min={1}
                step={1}
                value={packets}
                data-testid="pim-spt-packets"
                onChange={(e) => setPackets(e.currentTarget.value)}
              />
              <button type="submit">{t.settings.set}</button>
            </form>
          )}
        </>
      )}
      {pim?.mode === 'dense' && (
        <div className="nl-pick">
          <input
            id={`${id}-refresh`}
            type="checkbox"
            checked={pim.stateRefresh ?? true}
            data-testid="pim-state-refresh"
            onChange={(e) => {
              const on = e.currentTarget.checked;
              apply(
                setStateRefresh(scenario, on),
                fill(t.settings.whatRefresh, { state: on ? t.settings.on : t.settings.off }),
              );
            }}
          />
          <label htmlFor={`${id}-refresh`}>{t.settings.stateRefresh}</label>
        </div>
      )}
      {pim && routers.length > 0 && (
        <fieldset className="pim-pref">
          <legend>{t.settings.preference}</legend>
          <form
            className="nl-pick"
            onSubmit={(e) => {
              e.preventDefault();
              const n = Number(prefValue);
              apply(
                setPreference(scenario, router, prefValue.trim() === '' ? Number.NaN : n),
                fill(t.settings.whatPref, { router, n: prefValue }),
              );
            }}
          >
            <label htmlFor={`${id}-pref-router`}>{t.settings.router}</label>
            <select
              id={`${id}-pref-router`}
              value={router}
              data-testid="pim-pref-router"
              onChange={(e) => setPrefRouter({ id: e.currentTarget.value, from: selected })}
            >
              {routers.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-pref`}>{t.settings.value}</label>
            <input
              id={`${id}-pref`}
              type="number"
              min={0}
              max={255}
              step={1}
              value={prefValue}
              data-testid="pim-pref"
              onChange={(e) => setPref({ router, value: e.currentTarget.value })}
            />
            <button type="submit" data-testid="pim-pref-set">
              {t.settings.set}
            </button>
            <button
              type="button"
              className="ghost"
              onClick={() =>
                apply(
                  setPreference(scenario, router, null),
                  fill(t.settings.whatPref, { router, n: DEFAULT_PREFERENCE }),
                )
              }
            >
              {fill(t.settings.reset, { n: DEFAULT_PREFERENCE })}
            </button>
          </form>
          {listed.length > 0 && (
            <ul className="pim-pref-list">
              {listed.map(([r, n]) => (
                <li key={r}>{fill(t.settings.prefRow, { router: r, n })}</li>
              ))}
            </ul>
          )}
          <p className="nl-dim">{fill(t.settings.defaultNote, { n: DEFAULT_PREFERENCE })}</p>
        </fieldset>
      )}
    </section>
  );
}
