import { useId, useMemo } from 'react';
import {
  IGMPV3_NOTE,
  type IgmpVariables,
  igmpTimers,
  RFC2236_DEFAULTS,
  toTicks,
} from '../../protocols/igmp/timers';
import type { NetworkScenario } from '../../scenarios/schema';
import type { Trace } from '../../sim/trace';
import { useLab } from '../../store/react';
import { IgmpInspector, igmpMessagesShown, igmpPacket } from './IgmpInspector';
import { ignoredIgmp, lanGroups, leaveLatencies } from './igmp-view';
import { fill, useNetText } from './strings';

/**
 * The IGMP panel (issue 4 §5–6): each LAN's groups as its querier sees them and the streams on
 * the segment (an IPTV channel change follows here), every Leave with its leave latency, the
 * messages a receiver ignored, the packet inspector, the RFC 2236 §8 timers in classroom time,
 * and what IGMPv3 changes.
 */
export interface IgmpPanelProps {
  scenario: NetworkScenario;
  trace: Trace;
  cursor: number;
  inspected: string | null;
  onInspect(msg: string | null): void;
}

/** The §8 timers in the order the RFC lists them; counts are not seconds. */
const TIMER_ROWS = [
  'robustness',
  'queryInterval',
  'queryResponseInterval',
  'groupMembershipInterval',
  'otherQuerierPresentInterval',
  'startupQueryInterval',
  'startupQueryCount',
  'lastMemberQueryInterval',
  'lastMemberQueryCount',
  'unsolicitedReportInterval',
  'version1RouterPresentTimeout',
] as const;
const COUNTS = new Set<string>(['robustness', 'startupQueryCount', 'lastMemberQueryCount']);

/** The scenario's IGMP variables over the RFC's defaults (what simulate-network.ts runs with). */
export function scenarioTimers(igmp: NonNullable<NetworkScenario['igmp']>) {
  const given = Object.fromEntries(
    Object.entries(igmp).filter(([k, v]) => k !== 'ticksPerSecond' && v !== undefined),
  ) as Partial<IgmpVariables>;
  const seconds = igmpTimers({ ...RFC2236_DEFAULTS, ...given });
  return { seconds, ticks: toTicks(seconds, igmp.ticksPerSecond) };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function IgmpPanel({ scenario, trace, cursor, inspected, onInspect }: IgmpPanelProps) {
  const t = useNetText();
  const g = t.igmp;
  const lang = useLab((s) => s.lang);
  const pickId = useId();
  const groups = useMemo(() => lanGroups(trace, cursor), [trace, cursor]);
  const leaves = useMemo(() => leaveLatencies(trace, cursor), [trace, cursor]);
  const ignored = useMemo(() => ignoredIgmp(trace, cursor), [trace, cursor]);
  const shown = useMemo(() => igmpMessagesShown(trace, cursor), [trace, cursor]);
  const packet = useMemo(() => (inspected ? igmpPacket(trace, inspected) : null), [trace, inspected]);
  const timers = scenario.igmp ? scenarioTimers(scenario.igmp) : null;
  const tps = scenario.igmp?.ticksPerSecond ?? 8;
  const ticksToSeconds = (n: number) => round(n / tps);

  return (
    <div className="nl-igmp" data-testid="igmp-panel">
      {!scenario.igmp && <p className="nl-dim">{g.noIgmp}</p>}
      {shown.length > 0 && (
        <div className="nl-pick">
          <label htmlFor={pickId}>{t.inspector.pick}</label>
          <select
            id={pickId}
            value={inspected ?? ''}
            data-testid="igmp-pick"
            onChange={(e) => onInspect(e.currentTarget.value || null)}
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
      {packet && <IgmpInspector packet={packet} onClose={() => onInspect(null)} />}

      {groups.length > 0 && (
        <section aria-labelledby="nl-igmp-groups">
          <h3 id="nl-igmp-groups">{g.membership}</h3>
          <table className="nl-table" data-testid="lan-groups">
            <caption>{g.membershipCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{g.lan}</th>
                <th scope="col">{t.group}</th>
                <th scope="col">{g.routerState}</th>
                <th scope="col">{g.members}</th>
                <th scope="col">{g.frames}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((r) => (
                <tr key={`${r.lan}|${r.group}`} data-lan={r.lan} data-group={r.group}>
                  <td>{r.lan}</td>
                  <th scope="row">{r.group}</th>
                  <td data-col="state">{r.state ?? <span className="nl-dim">{g.noRouter}</span>}</td>
                  <td data-col="members">{r.members.join(' ') || '—'}</td>
                  <td data-col="frames">
                    {r.frames}
                    {r.lastFrameAt !== null && (
                      <span className="nl-dim"> ({fill(g.lastAt, { t: r.lastFrameAt })})</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {leaves.length > 0 && (
        <section aria-labelledby="nl-igmp-leaves">
          <h3 id="nl-igmp-leaves">{g.leaves}</h3>
          <table className="nl-table" data-testid="leaves">
            <caption>{g.leavesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{g.host}</th>
                <th scope="col">{t.group}</th>
                <th scope="col">{g.leftAt}</th>
                <th scope="col">{g.queries}</th>
                <th scope="col">{g.removedAt}</th>
                <th scope="col">{g.latency}</th>
                <th scope="col">{g.framesAfter}</th>
              </tr>
            </thead>
            <tbody>
              {leaves.map((r) => (
                <tr key={`${r.host}|${r.group}|${r.leftAt}`} data-group={r.group}>
                  <th scope="row">{r.host}</th>
                  <td>
                    {r.group} <span className="nl-dim">{r.lan}</span>
                  </td>
                  <td>t={r.leftAt}</td>
                  <td data-col="queries">{r.queries}</td>
                  <td>{r.removedAt !== null ? `t=${r.removedAt}` : r.kept ? g.kept : g.checking}</td>
                  <td data-col="latency">
                    {r.removedAt !== null
                      ? fill(g.latencyValue, {
                          n: r.removedAt - r.leftAt,
                          s: ticksToSeconds(r.removedAt - r.leftAt),
                        })
                      : '—'}
                  </td>
                  <td data-col="after">{r.framesAfter}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {timers && (
            <p className="nl-dim">
              {fill(g.expected, {
                count: timers.seconds.lastMemberQueryCount,
                interval: timers.seconds.lastMemberQueryInterval,
                s: round(timers.seconds.lastMemberQueryCount * timers.seconds.lastMemberQueryInterval),
                n: timers.ticks.lastMemberQueryCount * timers.ticks.lastMemberQueryInterval,
                tps,
              })}
            </p>
          )}
        </section>
      )}

      {ignored.length > 0 && (
        <section aria-labelledby="nl-igmp-ignored">
          <h3 id="nl-igmp-ignored">{g.ignored}</h3>
          <p className="nl-dim">{g.ignoredCaption}</p>
          <ul className="nl-ignored" data-testid="ignored">
            {ignored.map((r) => (
              <li key={r.step}>
                {fill(g.ignoredRow, {
                  step: r.step,
                  time: r.time,
                  node: r.node,
                  msg: r.msg,
                  why: r.why?.[lang] ?? '',
                })}{' '}
                {igmpPacket(trace, r.msg) && (
                  <button type="button" className="ghost" onClick={() => onInspect(r.msg)}>
                    {fill(g.inspectMsg, { msg: r.msg })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {timers && (
        <section aria-labelledby="nl-igmp-timers">
          <h3 id="nl-igmp-timers">{g.timers}</h3>
          <table className="nl-table" data-testid="igmp-timers">
            <caption>{fill(g.timersCaption, { tps })}</caption>
            <thead>
              <tr>
                <th scope="col">{g.timer}</th>
                <th scope="col">{g.seconds}</th>
                <th scope="col">{g.ticks}</th>
              </tr>
            </thead>
            <tbody>
              {TIMER_ROWS.map((k) => (
                <tr key={k} data-timer={k}>
                  <th scope="row">{g.names[k]}</th>
                  <td>
                    {COUNTS.has(k)
                      ? fill(g.count, { n: timers.seconds[k] })
                      : `${round(timers.seconds[k])} s`}
                  </td>
                  <td>{timers.ticks[k]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <details className="nl-v3">
        <summary>{g.v3}</summary>
        <ul>
          {IGMPV3_NOTE.map((n) => (
            <li key={n.en}>{n[lang]}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
