import { type ReactNode, useMemo } from 'react';
import type { NetReport } from '../../protocols/net/report';
import { pimTable } from '../../protocols/pim/tables';
import { pimStateAt } from '../../protocols/pim/trace-view';
import type { Trace } from '../../sim/trace';
import { nodeStateAt } from './frame';
import { fill, promiscMode, useNetText } from './strings';

/**
 * What one router or host knows at the cursor: a router's unicast routing table, its PIM
 * (*,G)/(S,G) table and its IGMP per-group states; a host's IGMP states and its card's filter.
 * Everything comes from the trace's snapshots and the scenario's routing report.
 */
export interface NodeDetailsProps {
  node: string;
  trace: Trace;
  cursor: number;
  report: NetReport;
  onClose(): void;
  /** Shown right after a router's PIM table (its live state machines), before the unicast and IGMP tables. */
  pimExtra?: ReactNode;
}

interface RouterView {
  kind: 'router';
  querier?: Record<string, string>;
  groups?: Record<string, Record<string, { state: string; timer: number | null }>>;
}

interface HostView {
  kind: 'host';
  joined?: string[];
  igmp?: Record<string, { state: string; flag?: boolean; timer: number | null }>;
  nic?: { exact: string[]; hashSet: number[]; promiscuous?: string };
}

/** `(S,G)` with the names filled in: `(S,239.1.1.1)`, `(*,G)` → `(*,239.1.1.1)`. */
const entryName = (entry: string, source: string, group: string) =>
  entry === '(*,G)'
    ? `(*,${group})`
    : entry === '(S,G)'
      ? `(${source},${group})`
      : `(${source},${group},rpt)`;

function RouterDetails({ node, trace, cursor, report, pimExtra }: Omit<NodeDetailsProps, 'onClose'>) {
  const t = useNetText();
  const st = nodeStateAt<RouterView>(trace, node, cursor);
  const pim = useMemo(() => pimStateAt(trace, node, cursor - 1), [trace, node, cursor]);
  const rows = useMemo(() => (pim ? pimTable(pim) : null), [pim]);
  const routes = report.routes[node] ?? [];
  const igmpGroups = Object.entries(st?.groups ?? {}).flatMap(([lan, gs]) =>
    Object.entries(gs).map(([g, v]) => ({ lan, g, ...v })),
  );
  return (
    <>
      {rows && (
        <>
          <h3>{t.pimTable}</h3>
          {rows.length === 0 ? (
            <p>{t.noEntries}</p>
          ) : (
            <table className="nl-table" data-testid="pim-table">
              <thead>
                <tr>
                  <th scope="col">{t.entry}</th>
                  <th scope="col">{t.iif}</th>
                  <th scope="col">{t.rpfNbr}</th>
                  <th scope="col">{t.oil}</th>
                  <th scope="col">{t.upstream}</th>
                  <th scope="col">{t.downstream}</th>
                  <th scope="col">{t.timers}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.entry}|${r.source}|${r.group}`}>
                    <td>{entryName(r.entry, r.source, r.group)}</td>
                    <td>{r.iif ?? '—'}</td>
                    <td>{r.rpfNeighbour ?? '—'}</td>
                    <td>{r.oil.length ? r.oil.join(', ') : '—'}</td>
                    <td>
                      {r.upstream}
                      {r.register && <div className="nl-dim">Register: {r.register}</div>}
                      {r.originator && <div className="nl-dim">{r.originator}</div>}
                      {r.spt !== undefined && <div className="nl-dim">SPTbit {r.spt ? 1 : 0}</div>}
                    </td>
                    <td>
                      {r.interfaces.map((i) => (
                        <div key={i.link}>
                          {i.link}:{' '}
                          {[i.downstream, i.assert, i.winner && `winner ${i.winner}`]
                            .filter(Boolean)
                            .join(', ')}
                        </div>
                      ))}
                    </td>
                    <td>
                      {r.timers.map((x) => (
                        <div key={`${x.name}|${x.iface}`}>
                          {x.name}
                          {x.iface ? `(${x.iface})` : ''} @{x.at}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {pimExtra}
      <h3>{t.routes}</h3>
      {routes.length === 0 ? (
        <p>{t.noRoutes}</p>
      ) : (
        <table className="nl-table" data-testid="routes">
          <thead>
            <tr>
              <th scope="col">{t.dest}</th>
              <th scope="col">{t.next}</th>
              <th scope="col">{t.iface}</th>
              <th scope="col">{t.cost}</th>
            </tr>
          </thead>
          <tbody>
            {routes.map((r) => (
              <tr key={`${r.dest}|${r.prefix}`}>
                <td>
                  {r.dest} <span className="nl-dim">{r.prefix}</span>
                  {r.replica && <span className="nl-dim"> → {r.replica}</span>}
                </td>
                <td>{r.nextHop ? `${r.nextHop} (${r.nextHopIp})` : '—'}</td>
                <td>{r.iface}</td>
                <td>{r.cost}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(Object.keys(st?.querier ?? {}).length > 0 || igmpGroups.length > 0) && (
        <>
          <h3>{t.igmpRouter}</h3>
          {Object.entries(st?.querier ?? {}).map(([lan, q]) => (
            <p key={lan}>{fill(t.querier, { lan, state: q })}</p>
          ))}
          {igmpGroups.length === 0 ? (
            <p>{t.noGroups}</p>
          ) : (
            <table className="nl-table" data-testid="igmp-router">
              <thead>
                <tr>
                  <th scope="col">{t.igmp.lan}</th>
                  <th scope="col">{t.group}</th>
                  <th scope="col">{t.state}</th>
                  <th scope="col">{t.timerAt}</th>
                </tr>
              </thead>
              <tbody>
                {igmpGroups.map((g) => (
                  <tr key={`${g.lan}|${g.g}`}>
                    <td>{g.lan}</td>
                    <td>{g.g}</td>
                    <td>{g.state}</td>
                    <td>{g.timer ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

function HostDetails({ node, trace, cursor }: Omit<NodeDetailsProps, 'onClose' | 'report' | 'pimExtra'>) {
  const t = useNetText();
  const st = nodeStateAt<HostView>(trace, node, cursor);
  const igmp = Object.entries(st?.igmp ?? {});
  return (
    <>
      {st?.joined && st.joined.length > 0 && <p>{fill(t.memberOf, { groups: st.joined.join(', ') })}</p>}
      {igmp.length > 0 && (
        <>
          <h3>{t.igmpHost}</h3>
          <table className="nl-table" data-testid="igmp-host">
            <thead>
              <tr>
                <th scope="col">{t.group}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.timerAt}</th>
              </tr>
            </thead>
            <tbody>
              {igmp.map(([g, v]) => (
                <tr key={g}>
                  <td>{g}</td>
                  <td>{v.state}</td>
                  <td>{v.timer ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {st?.nic && (
        <>
          <h3>{t.nic}</h3>
          <dl className="nl-dl">
            <dt>{t.exact}</dt>
            <dd>
              {st.nic.exact.map((m) => (
                <code key={m}>{m}</code>
              ))}
            </dd>
            <dt>{t.hash}</dt>
            <dd>{st.nic.hashSet.length ? st.nic.hashSet.join(', ') : t.none}</dd>
            {st.nic.promiscuous && st.nic.promiscuous !== 'off' && (
              <>
                <dt>{t.promiscuous}</dt>
                <dd>{promiscMode(t, st.nic.promiscuous)}</dd>
              </>
            )}
          </dl>
        </>
      )}
    </>
  );
}

export function NodeDetails(props: NodeDetailsProps) {
  const t = useNetText();
  const kind = (props.trace.initial[props.node] as { kind?: string } | undefined)?.kind;
  return (
    <section
      className="nl-details"
      aria-label={fill(kind === 'host' ? t.node.host : t.node.router, { id: props.node })}
      data-testid="node-details"
    >
      <div className="nl-details-head">
        <h2>{fill(kind === 'host' ? t.node.host : t.node.router, { id: props.node })}</h2>
        <button type="button" className="ghost" onClick={props.onClose}>
          {t.close}
        </button>
      </div>
      {kind === 'router' ? <RouterDetails {...props} /> : <HostDetails {...props} />}
    </section>
  );
}
