import { useId, useMemo, useState } from 'react';
import type { Trace } from '../../sim/trace';
import { useLab } from '../../store/react';
import { fill } from '../network/strings';
import { entriesByRecency, type MachineInstance, machinesAt } from './machines';
import { usePimText } from './strings';

/**
 * The selected router's PIM state machines, live at the cursor: for one (*,G), (S,G) or
 * (S,G,rpt) entry, each machine's RFC states as nodes with the current one lit and the one it
 * came from marked, and the last transition named with the event and actions the RFC gives it.
 */
export interface MachineViewProps {
  router: string;
  trace: Trace;
  cursor: number;
}

function Machine({ m }: { m: MachineInstance }) {
  const t = usePimText();
  const lang = useLab((s) => s.lang);
  const name = m.name ? m.name[lang] : m.machine;
  const moved = m.last.from !== m.last.to;
  const outgoing = (s: string) =>
    m.graph.edges
      .filter((e) => e.from === s)
      .map((e) => `→ ${e.to}: ${e.events.join(' | ')}`)
      .join('\n');
  return (
    <li
      className="pim-machine"
      data-machine={m.machine}
      data-iface={m.iface ?? ''}
      data-state={m.current}
      aria-label={fill(t.machines.diagram, {
        machine: name,
        entry: m.entry,
        iface: m.iface ? fill(t.machines.onIface, { iface: m.iface }) : '',
        states: m.graph.states.join(', '),
        state: m.current,
      })}
    >
      <div className="pim-machine-name">
        <strong>{name}</strong> {m.entry}
        {m.iface && <span className="nl-dim"> · {m.iface}</span>}
        {m.rfc && <span className="nl-dim"> · {m.rfc}</span>}
      </div>
      <ol className="pim-states">
        {m.graph.states.map((s) => (
          <li
            key={s}
            title={outgoing(s) || undefined}
            className={`pim-state${s === m.current ? ' current' : ''}${moved && s === m.last.from ? ' previous' : ''}`}
            aria-current={s === m.current ? 'true' : undefined}
          >
            {s}
          </li>
        ))}
      </ol>
      <p className="pim-last" data-testid="pim-last-transition">
        {fill(t.machines.last, { time: m.last.time, from: m.last.from, to: m.last.to, event: m.last.event })}
      </p>
      {m.last.actions.length > 0 && (
        <p className="pim-actions nl-dim">
          {fill(t.machines.actions, { actions: m.last.actions.join(', ') })}
        </p>
      )}
    </li>
  );
}

export function MachineView({ router, trace, cursor }: MachineViewProps) {
  const t = usePimText();
  const pickId = useId();
  const machines = useMemo(() => machinesAt(trace, router, cursor), [trace, router, cursor]);
  const entries = useMemo(() => entriesByRecency(machines), [machines]);
  // Until the student picks an entry, follow the one whose machine moved last.
  const [picked, setPicked] = useState<string | null>(null);
  const entry = picked && entries.includes(picked) ? picked : (entries[0] ?? null);
  const shown = machines.filter((m) => m.entry === entry);
  const ordered = [...entries].sort();
  if ((trace.initial[router] as { kind?: string } | undefined)?.kind !== 'router') return null;
  return (
    <section className="pim-machines" aria-labelledby={`${pickId}-title`} data-testid="pim-machines">
      <h3 id={`${pickId}-title`}>{fill(t.machines.title, { router })}</h3>
      {machines.length === 0 ? (
        <p>{t.machines.none}</p>
      ) : (
        <>
          {entries.length > 1 && (
            <div className="nl-pick">
              <label htmlFor={pickId}>{t.machines.entry}</label>
              <select
                id={pickId}
                value={entry ?? ''}
                data-testid="pim-machine-entry"
                onChange={(e) => setPicked(e.currentTarget.value || null)}
              >
                {ordered.map((e) => (
                  <option key={e} value={e}>
                    {e}
                  </option>
                ))}
              </select>
            </div>
          )}
          <ul className="pim-machine-list">
            {shown.map((m) => (
              <Machine key={m.key} m={m} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
