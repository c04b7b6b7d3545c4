import { useId, useMemo, useState } from 'react';
import type { NetworkScenario } from '../../scenarios/schema';
import { networkReport } from '../../scenarios/simulate-network';
import { useLab } from '../../store/react';
import { IgmpInspector, igmpMessagesShown, igmpPacket } from './IgmpInspector';
import { topologyLayout } from './layout';
import { comparesModes, ModesComparison } from './ModesComparison';
import { NodeDetails } from './NodeDetails';
import { useNetText } from './strings';
import { TopologyView } from './TopologyView';
import './network.css';

/**
 * The network lab's main area: the topology at the cursor, the selected router's or host's
 * tables, the IGMP packet inspector, and — when the scenario sends in several modes — the modes
 * compared. Playback, the event log and sharing stay in the shell.
 */
export function NetworkLab() {
  const t = useNetText();
  const lang = useLab((s) => s.lang);
  const scenario = useLab((s) => s.scenario) as NetworkScenario;
  const trace = useLab((s) => s.trace);
  const cursor = useLab((s) => s.cursor);
  const layout = useMemo(() => topologyLayout(scenario.topology), [scenario.topology]);
  const report = useMemo(() => networkReport(scenario), [scenario]);
  const [selected, setSelected] = useState<string | null>(null);
  const [inspected, setInspected] = useState<string | null>(null);
  const pickId = useId();
  const packet = useMemo(() => (inspected ? igmpPacket(trace, inspected) : null), [trace, inspected]);
  const shown = useMemo(() => igmpMessagesShown(trace, cursor), [trace, cursor]);
  const modes = comparesModes(scenario);
  const node = selected && trace.nodes.includes(selected as never) ? selected : null;
  return (
    <div className="network-lab" data-testid="network-lab">
      <div className="nl-stage">
        <TopologyView
          scenario={scenario}
          trace={trace}
          cursor={cursor}
          layout={layout}
          selected={node}
          onSelect={setSelected}
          onInspect={setInspected}
        />
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling panel must be reachable by keyboard to scroll it (axe: scrollable-region-focusable). */}
        <section className={modes ? 'nl-side wide' : 'nl-side'} aria-label={t.tables} tabIndex={0}>
          {modes && <ModesComparison scenario={scenario} trace={trace} />}
          {report.warnings.length > 0 && (
            <section className="nl-warnings" aria-label={t.warnings}>
              {report.warnings.map((w) => (
                <p key={w.en} role="note">
                  {w[lang]}
                </p>
              ))}
            </section>
          )}
          {node ? (
            <NodeDetails
              node={node}
              trace={trace}
              cursor={cursor}
              report={report}
              onClose={() => setSelected(null)}
            />
          ) : (
            <p className="nl-hint">{t.clickHint}</p>
          )}
          {shown.length > 0 && (
            <div className="nl-pick">
              <label htmlFor={pickId}>{t.inspector.pick}</label>
              <select
                id={pickId}
                value={inspected ?? ''}
                data-testid="igmp-pick"
                onChange={(e) => setInspected(e.currentTarget.value || null)}
              >
                <option value="">—</option>
                {shown.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
          )}
          {packet && <IgmpInspector packet={packet} onClose={() => setInspected(null)} />}
        </section>
      </div>
    </div>
  );
}
