import { igmpFields, internetChecksum } from '../../protocols/igmp/packets';
import type { Trace } from '../../sim/trace';
import { useLab } from '../../store/react';
import { fill, useNetText } from './strings';

/**
 * The IGMP packet inspector (RFC 2236 §2, RFC 1112 appendix I): every header field of one IGMP
 * message with its width, value and meaning, whether its Internet checksum is right, and the IP
 * and Ethernet destinations it was sent to — read from the message's send in the trace. The event
 * log's hook into it (`useLogInspect`) is in log-inspect.ts, so the shell can use it without
 * loading this lab.
 */
export interface IgmpPacket {
  msg: string;
  bytes: number[];
  layout: 1 | 2;
  dst: string;
  dstMac: string | null;
}

/** The bytes and addresses an IGMP message was sent with (its originating send), or null. */
export function igmpPacket(trace: Trace, msg: string): IgmpPacket | null {
  for (const e of trace.events) {
    if (e.type !== 'send' || e.msg !== msg) continue;
    const d = (e.detail ?? {}) as { bytes?: number[]; layout?: number; dst?: string; dstMac?: string };
    if (!Array.isArray(d.bytes)) continue;
    return {
      msg,
      bytes: d.bytes,
      layout: d.layout === 1 ? 1 : 2,
      dst: d.dst ?? '',
      dstMac: d.dstMac ?? null,
    };
  }
  return null;
}

/** IGMP messages whose send the cursor has shown, most recent first (for the picker). */
export function igmpMessagesShown(trace: Trace, cursor: number): string[] {
  const seen = new Set<string>();
  const end = Math.min(cursor, trace.events.length);
  for (let i = end - 1; i >= 0; i--) {
    const e = trace.events[i]!;
    if (e.type === 'send' && e.msg && Array.isArray((e.detail as { bytes?: unknown })?.bytes))
      seen.add(e.msg);
  }
  return [...seen];
}

const hexBytes = (b: readonly number[]) => b.map((x) => x.toString(16).padStart(2, '0')).join(' ');

export function IgmpInspector({ packet, onClose }: { packet: IgmpPacket; onClose(): void }) {
  const t = useNetText();
  const lang = useLab((s) => s.lang);
  const fields = igmpFields(packet.bytes, packet.layout);
  // RFC 1071: summing a message that carries its own correct checksum gives 0 after complementing.
  const ok = packet.bytes.length >= 8 && internetChecksum(packet.bytes) === 0;
  const title = fill(t.inspector.title, { msg: packet.msg });
  return (
    <section className="nl-inspector" aria-label={title} data-testid="igmp-inspector">
      <div className="nl-details-head">
        <h2>{title}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <p>{fill(t.inspector.layout, { v: packet.layout })}</p>
      <table className="nl-table">
        <thead>
          <tr>
            <th scope="col">{t.inspector.field}</th>
            <th scope="col">{t.inspector.bits}</th>
            <th scope="col">{t.inspector.value}</th>
            <th scope="col">{t.inspector.meaning}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.name.en}>
              <th scope="row">{f.name[lang]}</th>
              <td>{f.bits}</td>
              <td>
                <code>{f.shown}</code>
              </td>
              <td>{f.meaning[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="checksum">
        {fill(t.inspector.checksum, { ok: ok ? t.inspector.checksumOk : t.inspector.checksumBad })}
      </p>
      <p data-testid="ip-dst">{fill(t.inspector.ipDst, { dst: packet.dst })}</p>
      {packet.dstMac && <p>{fill(t.inspector.macDst, { mac: packet.dstMac })}</p>}
      <p>
        {t.inspector.bytes}: <code>{hexBytes(packet.bytes)}</code>
      </p>
    </section>
  );
}
