import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { timeAt } from '../store/lab';
import { useLab, useLabStore } from '../store/react';
import { addMulticast } from './edits';
import { Icon } from './Icon';

const NONE: readonly string[] = [];

/**
 * The shell's interventions (the views add the per-copy menu): multicast a new message from any
 * process at the current time, undo the last change, reset to the scenario as loaded.
 */
export function EditBar() {
  const { t } = useTranslation('ui');
  const store = useLabStore();
  const processes = useLab((s) => (s.scenario.lab === 'process' ? s.scenario.processes : NONE));
  const ordering = useLab((s) => (s.scenario.lab === 'process' ? s.scenario.ordering : null));
  const time = useLab((s) => timeAt(s.trace, s.cursor));
  const canUndo = useLab((s) => s.undoStack.length > 0);
  const changed = useLab((s) => s.scenario !== s.loaded);
  const [chosen, setChosen] = useState<string>('');
  const [sync, setSync] = useState(false);
  const node = processes.includes(chosen) ? chosen : (processes[0] ?? '');
  const undoReset = (
    <>
      <button
        type="button"
        onClick={() => store.getState().undo()}
        disabled={!canUndo}
        title={t('edit.undoTitle')}
      >
        <Icon name="undo" />
        {t('edit.undo')}
      </button>
      <button
        type="button"
        onClick={() => store.getState().reset()}
        disabled={!changed}
        title={t('edit.resetTitle')}
      >
        <Icon name="reset" />
        {t('edit.reset')}
      </button>
    </>
  );
  // The network lab multicasts from its own panels; undo and reset serve its edits too (a
  // dropped packet, a moved router, a PIM setting), whichever panel made them.
  if (ordering === null)
    return (
      <section className="editbar" aria-label={t('edit.title')}>
        {undoReset}
      </section>
    );
  const send = () => store.getState().edit(addMulticast(node, time, ordering === 'sync' && sync));
  return (
    <section className="editbar" aria-label={t('edit.title')}>
      <label className="field">
        <span>{t('edit.from')}</span>
        <select value={node} onChange={(e) => setChosen(e.currentTarget.value)} data-testid="multicast-from">
          {processes.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {ordering === 'sync' && (
        <label className="field check">
          <input type="checkbox" checked={sync} onChange={(e) => setSync(e.currentTarget.checked)} />
          <span>{t('edit.asSync')}</span>
        </label>
      )}
      <button type="button" onClick={send} title={t('edit.sendTitle', { time })} data-testid="multicast-send">
        <Icon name="send" />
        {t('edit.send')}
      </button>
      {undoReset}
    </section>
  );
}
