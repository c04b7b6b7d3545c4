import { useId, useState } from 'react';
import { classD, formatIpv4, parseIpv4 } from '../../protocols/address/ipv4';
import { ipv6Multicast, parseIpv6 } from '../../protocols/address/ipv6';
import { macBytes, macMapping } from '../../protocols/address/mac';
import { lookupWellKnown, WELL_KNOWN } from '../../protocols/address/wellknown';
import { useLab } from '../../store/react';
import { fill, useNetText } from './strings';

/**
 * The address lab (lecture, "IP multicast addresses"; RFC 1112 §4 and §6.4): any address typed
 * in, shown bit by bit — the class D prefix 1110, the well-known meaning, the Ethernet MAC with
 * the 23 bits copied and the 5 bits lost, and the 32 groups that share that MAC. An IPv6 address
 * is checked for the FF prefix. Bad input gets the parser's own precise reason.
 */

/** The role of each of an IPv4 group's 32 bits in the MAC mapping: prefix, lost, or copied. */
export function ipBitRoles(bits: string): { bit: string; role: 'prefix' | 'lost' | 'copied' }[] {
  return [...bits].map((bit, i) => ({ bit, role: i < 4 ? 'prefix' : i < 9 ? 'lost' : 'copied' }));
}

/** The 48 bits of a multicast MAC with their origin: the fixed 01:00:5e and 0 bit, or copied from the group. */
export function macBitRoles(mac: string): { bit: string; role: 'fixed' | 'copied' }[] {
  const bits = macBytes(mac)
    .map((b) => b.toString(2).padStart(8, '0'))
    .join('');
  return [...bits].map((bit, i) => ({ bit, role: i < 25 ? 'fixed' : 'copied' }));
}

function Bits({ roles, label }: { roles: { bit: string; role: string }[]; label: string }) {
  // Octets never break inside, so the dotted-quad stays readable when a narrow panel wraps the row.
  const octets = Array.from({ length: Math.ceil(roles.length / 8) }, (_, i) => roles.slice(i * 8, i * 8 + 8));
  return (
    <div className="al-bits" role="img" aria-label={label}>
      {octets.map((octet, o) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an octet's position is its identity
        <span key={o} className="al-octet">
          {octet.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a bit's position is its identity
            <span key={i} className={`al-bit ${r.role}`}>
              {r.bit}
            </span>
          ))}
        </span>
      ))}
    </div>
  );
}

function Ipv4Result({ value }: { value: number }) {
  const t = useNetText().address;
  const lang = useLab((s) => s.lang);
  const ip = formatIpv4(value);
  const d = classD(value);
  const known = lookupWellKnown(value);
  const map = macMapping(value);
  return (
    <div className="al-result" data-testid="address-result">
      <h3>{t.bits}</h3>
      <Bits
        roles={ipBitRoles(d.bits).map((r) =>
          d.isClassD ? r : { ...r, role: r.role === 'prefix' ? 'prefix-bad' : 'plain' },
        )}
        label={d.bits}
      />
      <p data-testid="classd">
        {d.isClassD ? fill(t.classD, { ip }) : fill(t.notClassD, { ip, why: d.reason?.[lang] ?? '' })}
      </p>
      {d.isClassD && (
        <>
          <h3>{t.wellKnown}</h3>
          {known.length === 0 ? (
            <p>{t.noWellKnown}</p>
          ) : (
            <ul>
              {known.map((w) => (
                <li key={w.address}>
                  <strong>{w.address}</strong>: {w.name[lang]}{' '}
                  <span className="nl-dim">({w.source[lang]})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {map && (
        <>
          <h3>{t.mac}</h3>
          <p>{t.macExplain}</p>
          <p className="al-mac" data-testid="mac">
            {map.mac}
          </p>
          <Bits roles={macBitRoles(map.mac)} label={map.mac} />
          <p className="al-key">
            <span className="al-bit prefix">1110</span> {t.prefix}{' '}
            <span className="al-bit lost">{map.lost.bits}</span> {fill(t.lost, { bits: map.lost.bits })}{' '}
            <span className="al-bit copied">·</span> {t.copied}
          </p>
          <h3>{fill(t.sharing, { mac: map.mac })}</h3>
          <ol className="al-sharing" data-testid="sharing">
            {[map.group, ...map.sharing]
              .map((g) => ({ g, n: parseIpv4(g) }))
              .sort((a, b) => (a.n.ok && b.n.ok ? a.n.value - b.n.value : 0))
              .map(({ g }) => (
                <li key={g} className={g === map.group ? 'self' : undefined}>
                  {g}
                </li>
              ))}
          </ol>
        </>
      )}
      <p className="nl-dim">{t.ipv6Note}</p>
    </div>
  );
}

function Ipv6Result({ groups, text }: { groups: number[]; text: string }) {
  const t = useNetText().address;
  const lang = useLab((s) => s.lang);
  const v = ipv6Multicast(groups);
  const canon = groups.join(':');
  const known = WELL_KNOWN.filter((w) => {
    if (w.family !== 'ipv6') return false;
    const p = parseIpv6(w.address);
    return p.ok && p.value.join(':') === canon;
  });
  return (
    <div className="al-result" data-testid="address-result">
      <p data-testid="classd">
        {v.isMulticast
          ? fill(t.ipv6, { flags: v.flags, scope: v.scope, scopeName: v.scopeName?.[lang] ?? t.unknownScope })
          : t.ipv6Not}
      </p>
      <p className="nl-dim">{text}</p>
      {known.map((w) => (
        <p key={w.address}>
          <strong>{w.address}</strong>: {w.name[lang]} <span className="nl-dim">({w.source[lang]})</span>
        </p>
      ))}
    </div>
  );
}

export function AddressLab({ initial = '224.10.8.5' }: { initial?: string }) {
  const t = useNetText().address;
  const lang = useLab((s) => s.lang);
  const [text, setText] = useState(initial);
  const id = useId();
  const v6 = text.includes(':');
  const p4 = v6 ? null : parseIpv4(text);
  const p6 = v6 ? parseIpv6(text) : null;
  const error = p4 && !p4.ok ? p4.error[lang] : p6 && !p6.ok ? p6.error[lang] : null;
  return (
    <div className="address-lab" data-testid="address-lab">
      <label htmlFor={id}>{t.input}</label>
      <input
        id={id}
        type="text"
        value={text}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {error ? (
        <p className="al-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : p4?.ok ? (
        <Ipv4Result value={p4.value} />
      ) : p6?.ok ? (
        <Ipv6Result groups={p6.value} text={text} />
      ) : null}
    </div>
  );
}
