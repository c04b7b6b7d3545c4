import { useTranslation } from 'react-i18next';
import { useLab, useLabStore } from '../store/react';
import { type GroupChange, groupEdit, groupProblem } from '../views/spacetime/groupEdits';

/** The group's three design choices (lecture, "Design issues"), each a switch between two values. */
const SETTINGS = [
  { key: 'closed', values: [true, false] },
  { key: 'structure', values: ['peer', 'hierarchical'] },
  { key: 'management', values: ['centralized', 'distributed'] },
] as const;

type Setting = (typeof SETTINGS)[number];
const valueName = (v: boolean | string) => (v === true ? 'closed' : v === false ? 'open' : v);

/**
 * The group's settings as switches (lecture, "Design issues"): closed or open, peer or
 * hierarchical, centralized or distributed membership management. Each switch is a scenario
 * edit, undoable and carried by the URL; a switch the scenario cannot take is disabled and says
 * why. The primitives (join, leave, send, query) are in the menu a click on a lane opens.
 */
export function GroupBar() {
  const { t } = useTranslation('ui');
  const store = useLabStore();
  const scenario = useLab((s) => s.scenario);
  if (scenario.lab !== 'process') return null;
  const group = scenario.groups ?? { id: 'G', closed: false, structure: 'peer', management: 'centralized' };

  const setting = (s: Setting) => (
    <fieldset key={s.key} className="group-setting">
      <legend>{t(`group.${s.key}`)}</legend>
      {s.values.map((v) => {
        const change = { [s.key]: v } as GroupChange;
        const current = group[s.key] === v;
        const why = current ? null : groupProblem(scenario, change);
        return (
          <label key={String(v)} className="check" title={why ?? t(`group.hint.${valueName(v)}`)}>
            <input
              type="radio"
              name={`group-${s.key}`}
              checked={current}
              disabled={why !== null}
              onChange={() => store.getState().edit(groupEdit(change))}
              data-testid={`group-${valueName(v)}`}
            />
            {t(`group.value.${valueName(v)}`)}
          </label>
        );
      })}
    </fieldset>
  );

  return (
    <details className="group-settings">
      <summary data-testid="group-settings" title={t('group.lanesHint')}>
        {t('group.summary', {
          group: group.id,
          closed: t(`group.value.${valueName(group.closed)}`),
          structure: t(`group.value.${group.structure}`),
          management: t(`group.value.${group.management}`),
        })}
      </summary>
      <div className="group-settings-body">
        {SETTINGS.map(setting)}
        <p className="muted">{t('group.lanesHint')}</p>
      </div>
    </details>
  );
}
