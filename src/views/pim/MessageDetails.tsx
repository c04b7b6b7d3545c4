import type { PimFieldValue } from '../../protocols/pim/messages';
import { fill } from '../network/strings';
import type { ArrowPhase, ControlArrow } from './control';
import { type PimText, usePimText } from './strings';

/**
 * One PIM message opened from the control diagram: where it went, when, whether it arrived by
 * the cursor, and its fields under the RFC's names (router.ts records them in the trace).
 */
export interface MessageDetailsProps {
  arrow: ControlArrow;
  phase: ArrowPhase['phase'];
  onClose(): void;
}

function value(t: PimText, v: PimFieldValue): string {
  if (typeof v === 'boolean') return v ? t.msg.yes : t.msg.no;
  return v === '' ? t.msg.none : String(v);
}

export function MessageDetails({ arrow: a, phase, onClose }: MessageDetailsProps) {
  const t = usePimText();
  const names = t.field as Record<string, string>;
  const status =
    phase === 'future'
      ? t.msg.future
      : a.lost && phase === 'done'
        ? fill(t.msg.lost, { why: a.lost })
        : phase === 'done'
          ? t.msg.arrived
          : t.msg.flight;
  return (
    <section className="pim-msg" aria-labelledby="pim-msg-title" data-testid="pim-message">
      <div className="pim-msg-head">
        <h3 id="pim-msg-title">
          {fill(t.msg.title, { msg: a.msg })}: <span className={`pim-kind k-${a.kind}`}>{a.label}</span>
        </h3>
        <button type="button" className="ghost" onClick={onClose}>
          {t.msg.close}
        </button>
      </div>
      <p>
        {fill(t.msg.hop, { from: a.from, to: a.to, on: a.on })} ·{' '}
        {fill(t.msg.times, { sent: a.sentAt, arrive: a.arriveAt })} · <strong>{status}</strong>
      </p>
      {a.dst && <p className="nl-dim">{fill(t.msg.ip, { dst: a.dst, ttl: a.ttl ?? t.msg.none })}</p>}
      <table className="nl-table" data-testid="pim-fields">
        <thead>
          <tr>
            <th scope="col">{t.msg.field}</th>
            <th scope="col">{t.msg.value}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(a.fields).map(([k, v]) => (
            <tr key={k} data-field={k}>
              <th scope="row">{names[k] ?? k}</th>
              <td>{value(t, v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
