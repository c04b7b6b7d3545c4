import { useMemo } from 'react';
import type { NetworkScenario } from '../../scenarios/schema';
import type { Trace } from '../../sim/trace';
import { cardRows } from './cards';
import { fill, promiscMode, useNetText } from './strings';

/**
 * The hosts' Ethernet cards at the cursor (issue 4 §4, lecture "Broadcast: software filters
 * incoming multicast address"): each card's exact-match table and hash filter, and how many frames
 * it dropped, let through, and let through for nothing.
 */
export function CardsPanel({
  scenario,
  trace,
  cursor,
}: {
  scenario: NetworkScenario;
  trace: Trace;
  cursor: number;
}) {
  const text = useNetText();
  const t = text.cards;
  const config = useMemo(
    () => Object.fromEntries(scenario.topology.hosts.map((h) => [h.id, h.nic])),
    [scenario.topology.hosts],
  );
  const rows = useMemo(() => cardRows(trace, cursor, config), [trace, cursor, config]);
  return (
    <section className="nl-cards" aria-labelledby="nl-cards-title" data-testid="cards">
      <h2 id="nl-cards-title">{t.title}</h2>
      <table className="nl-table">
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.host}</th>
            <th scope="col">{t.card}</th>
            <th scope="col">{t.seen}</th>
            <th scope="col">{t.droppedByCard}</th>
            <th scope="col">{t.passed}</th>
            <th scope="col">{t.driver}</th>
            <th scope="col">{t.ip}</th>
            <th scope="col">{t.unwanted}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.host} data-host={r.host}>
              <th scope="row">{r.host}</th>
              <td>
                {fill(t.cardValue, {
                  used: r.exactUsed,
                  size: r.exactSize,
                  bits: r.hashBitsSet,
                  hash: r.hashSize,
                })}
                {r.promiscuous !== 'off' && (
                  <div className="nl-dim">
                    {fill(t.promiscuous, { mode: promiscMode(text, r.promiscuous) })}
                  </div>
                )}
              </td>
              <td data-col="seen">{r.seen}</td>
              <td data-col="card">{r.droppedByCard}</td>
              <td data-col="passed">
                {r.seen - r.droppedByCard}
                <div className="nl-dim">
                  {fill(t.passedValue, {
                    e: r.passedExact,
                    h: r.passedHash,
                    p: r.passedPromiscuous,
                    b: r.passedBroadcast,
                  })}
                </div>
              </td>
              <td data-col="driver">{r.droppedByDriver}</td>
              <td data-col="ip">{r.droppedByIp}</td>
              <td data-col="unwanted">
                <strong>{r.unwanted}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
