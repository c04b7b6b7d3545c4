import type { CheckResult, Violation } from '../checks/types';
import type { WaitReason } from '../protocols/ordering/types';
import type { CopyRecord, TraceEvent } from '../sim/trace';

/**
 * The sentences the views show, built from the trace's machine-readable facts in the chosen
 * language. `Tx` is i18next's `t` bound to the `views` namespace.
 */
export type Tx = (key: string, options?: Record<string, unknown>) => string;

function isReason(r: unknown): r is WaitReason {
  return typeof r === 'object' && r !== null && typeof (r as { kind?: unknown }).kind === 'string';
}

/** Why a message waits in the hold-back queue (lecture: "Sending, delivering, holding back"). */
export function reasonText(t: Tx, reason: unknown): string {
  if (!isReason(reason)) return t('reason.unknown', { kind: String(reason) });
  switch (reason.kind) {
    case 'seq':
      return t('reason.seq', { sender: reason.sender, need: reason.need });
    case 'causal':
      return t('reason.causal', { sender: reason.sender, need: reason.need });
    case 'order':
      return reason.need === null ? t('reason.orderUnknown') : t('reason.order', { need: reason.need });
    case 'sync':
      // A member cannot know how many pre-sync messages to expect until every member has said.
      return reason.missing && reason.missing.length > 0
        ? t('reason.syncMissing', { members: reason.missing.join(', ') })
        : t('reason.sync', { need: reason.need });
    case 'time':
      return t('reason.time', { until: reason.until });
    default:
      return extReasonText(t, reason as unknown as { kind: string; need?: unknown });
  }
}

/**
 * Hold-back reasons of the layers under the ordering (lecture, "Achieving atomicity"): atomic
 * multicast waits for "go", virtual synchrony for "stable", and membership for the view change.
 */
function extReasonText(t: Tx, reason: { kind: string; need?: unknown }): string {
  switch (reason.kind) {
    case 'go':
      return t('reason.go');
    case 'stable':
      return t('reason.stable');
    case 'view':
      return typeof reason.need === 'number' ? t('reason.view', { need: reason.need }) : t('reason.viewAny');
    default:
      return t('reason.unknown', { kind: (reason as { kind: string }).kind });
  }
}

const KNOWN_GUARANTEES = ['fifo', 'causal', 'total', 'sync', 'reliable', 'atomic', 'integrity', 'vsync'];

export function guaranteeName(t: Tx, g: string): string {
  return KNOWN_GUARANTEES.includes(g) ? t(`guarantee.${g}`) : g;
}

/** The checker's finding in words: which process delivered what before what, and why that is wrong. */
export function violationText(t: Tx, v: Violation): string {
  const args = {
    node: v.node,
    first: v.first,
    second: v.second,
    other: v.other ?? '',
    sync: v.sync ?? '',
    rule: v.rule,
  };
  switch (v.rule) {
    case 'sender-order':
    case 'happens-before':
    case 'missing-earlier':
      return t(`violation.${v.rule}`, args);
    case 'order-differs':
      return t(v.other ? 'violation.order-differs' : 'violation.order-alone', args);
    case 'sync-barrier':
      return t(v.sync ? 'violation.sync-barrier' : 'violation.sync-alone', args);
    // The group checkers name one message (first = second) and, where there is one, the other process.
    case 'not-delivered':
    case 'not-all':
    case 'not-in-view':
    case 'forged':
    case 'view-mismatch':
      return t(`violation.${v.rule}`, {
        ...args,
        view: String((v as { view?: unknown }).view ?? v.first.replace(/^view:/, '')),
      });
    case 'duplicate':
    case 'invented':
      return t(`violation.${v.rule}`, args);
    default:
      return t('violation.generic', args);
  }
}

/** The guarantees in the lecture's order, then any other a checker reports. */
export function sortChecks(results: readonly CheckResult[]): CheckResult[] {
  const rank = (g: string) => {
    const i = KNOWN_GUARANTEES.indexOf(g);
    return i < 0 ? KNOWN_GUARANTEES.length : i;
  };
  return [...results].sort((a, b) => rank(a.guarantee) - rank(b.guarantee));
}

/**
 * A header as it travels: a vector timestamp `[1,0,0]`, a sequence number `#2`, a total-order
 * number, a physical timestamp. Vectors given as records follow the lane order.
 */
export function headerText(detail: Record<string, unknown> | undefined, lanes: readonly string[]): string {
  if (!detail) return '';
  const parts: string[] = [];
  const vt = detail.vt;
  if (Array.isArray(vt)) parts.push(`[${vt.join(',')}]`);
  else if (typeof vt === 'object' && vt !== null) {
    const rec = vt as Record<string, unknown>;
    const keys = [...lanes.filter((l) => l in rec), ...Object.keys(rec).filter((k) => !lanes.includes(k))];
    parts.push(`[${keys.map((k) => String(rec[k])).join(',')}]`);
  }
  if (typeof detail.seq === 'number') parts.push(`#${detail.seq}`);
  if (typeof detail.gid === 'number') parts.push(`g${detail.gid}`);
  if (typeof detail.ts === 'number') parts.push(`ts=${detail.ts}`);
  return parts.join(' ');
}

function list(xs: unknown): string {
  return Array.isArray(xs) ? xs.map(String).join(', ') : '';
}

/** An event in words, for the event log (the diagram's text twin). */
export function eventDetailText(
  t: Tx,
  e: TraceEvent,
  copies: ReadonlyMap<string, CopyRecord>,
  lanes: readonly string[],
) {
  const d = e.detail ?? {};
  const net = networkDetailText(t, e, d, copies);
  if (net !== null) return net;
  const header = typeof d.label === 'string' ? d.label : headerText(d, lanes);
  const withHeader = (s: string) => (header ? `${s} · ${t('detail.header', { h: header })}` : s);
  switch (e.type) {
    case 'send':
      return withHeader(t('detail.send', { to: list(d.to) }));
    case 'receive': {
      const c = e.copy ? copies.get(e.copy) : undefined;
      return withHeader(c ? t('detail.receive', { src: c.src }) : t('detail.receiveAny'));
    }
    case 'holdback':
      return withHeader(t('detail.holdback', { reason: reasonText(t, d.reason) }));
    case 'deliver':
      return withHeader(
        d.own ? t('detail.deliverOwn') : d.fromHoldback ? t('detail.deliverHeld') : t('detail.deliver'),
      );
    case 'discard':
      return d.reason === 'duplicate'
        ? t('detail.discard', { reason: t('detail.duplicate') })
        : typeof d.reason === 'string'
          ? t('detail.discard', { reason: known(t, 'discardReason', d.reason) })
          : t('detail.discardAny');
    case 'lost':
      return t('detail.lost', { copy: e.copy ?? '', reason: known(t, 'lostReason', String(d.reason ?? '')) });
    case 'ignored':
      return d.reason === 'crashed'
        ? t(e.copy ? 'detail.ignoredCrashed' : 'detail.ignoredAction', { copy: e.copy ?? '' })
        : t('detail.ignored', { copy: e.copy ?? '' });
    case 'timer':
      return t('detail.timer');
    default:
      // A protocol-specific event this does not know shows its plain facts.
      return (
        faultDetailText(t, e, d) ??
        withHeader(
          Object.entries(d)
            .filter(([, v]) => typeof v !== 'object' || v === null)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(', '),
        )
      );
  }
}

/** A reason code in words if the views know it, else as written. */
function known(t: Tx, area: string, code: string): string {
  const s = t(`${area}.${code}`, { defaultValue: '' });
  return s === '' ? code : s;
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * The events of groups, failures and reliability (lecture: "Groups", "Failure considerations",
 * "Reliability of multicasts") in words; null for an event type this does not know.
 */
function faultDetailText(t: Tx, e: TraceEvent, d: Record<string, unknown>): string | null {
  switch (e.type) {
    case 'crash':
      return t('detail.crash');
    case 'restart':
      return t(d.log === false ? 'detail.restartNoLog' : 'detail.restart', { n: str(d.incarnation) });
    case 'omit': {
      const key = d.dir === 'send' ? 'omitSend' : 'omitReceive';
      const base = d.copy ? t(`detail.${key}Copy`, { copy: str(d.copy) }) : t(`detail.${key}`);
      return typeof d.until === 'number' ? `${base} ${t('detail.until', { until: d.until })}` : base;
    }
    case 'byzantine': {
      const base = t(d.mode === 'equivocate' ? 'detail.equivocate' : 'detail.corruptMode');
      const parts = [base];
      if (typeof d.msg === 'string') parts.push(t('detail.onlyMsg', { msg: d.msg }));
      if (typeof d.until === 'number') parts.push(t('detail.until', { until: d.until }));
      return parts.join(' ');
    }
    case 'corrupt': {
      const bodies = (d.bodies ?? {}) as Record<string, unknown>;
      const sent = Object.entries(bodies)
        .map(([k, v]) => `${k}: ${str(v)}`)
        .join(', ');
      return t(d.mode === 'equivocate' ? 'detail.equivocated' : 'detail.corrupted', { bodies: sent });
    }
    case 'partition': {
      const groups = Array.isArray(d.groups)
        ? (d.groups as unknown[]).map((g) => `{${list(g)}}`).join(' | ')
        : '';
      return t('detail.partition', { groups, side: typeof d.side === 'number' ? d.side + 1 : '' });
    }
    case 'heal':
      return t('detail.heal');
    case 'ack': {
      const what = list(d.acked);
      if (d.piggyback === true) return t('detail.ackPiggy', { acked: what, on: str(d.on) });
      if (typeof d.upTo === 'number') return t('detail.ackCumulative', { acked: what, upTo: d.upTo });
      if (d.phase === 'go') return t('detail.ackDone', { acked: what });
      return t('detail.ack', { acked: what });
    }
    case 'retransmit': {
      const r = typeof d.reason === 'string' ? d.reason : 'timeout';
      return typeof d.attempt === 'number'
        ? t('detail.retransmitAttempt', { to: list(d.to), attempt: d.attempt })
        : t('detail.retransmit', { to: list(d.to), reason: known(t, 'retransmitReason', r) });
    }
    case 'giveup':
      return t('detail.giveup', { to: list(d.to), tries: str(d.tries) });
    case 'queued':
      return d.reason === 'window' ? t('detail.queuedWindow', { window: str(d.window) }) : t('detail.queued');
    case 'nack':
      return t('detail.nack', { to: str(d.to), missing: list(d.missing) });
    case 'view': {
      const base = t(d.initial === true ? 'detail.viewInitial' : 'detail.view', {
        id: str(d.id),
        members: list(d.members),
      });
      const changes = [
        Array.isArray(d.joined) && d.joined.length > 0 ? t('detail.joined', { who: list(d.joined) }) : '',
        Array.isArray(d.left) && d.left.length > 0 ? t('detail.left', { who: list(d.left) }) : '',
        Array.isArray(d.excluded) && d.excluded.length > 0
          ? t('detail.excluded', { who: list(d.excluded) })
          : '',
        Array.isArray(d.missing) && d.missing.length > 0
          ? t('detail.viewWithout', { msgs: list(d.missing) })
          : '',
      ].filter(Boolean);
      return changes.length ? `${base} · ${changes.join(' · ')}` : base;
    }
    case 'membership':
      return t('detail.membership', { id: str(d.id), members: list(d.members) });
    case 'refused':
      // Each refusal says its own reason: a non-member's send, a member's join, a non-member's leave.
      return t(REFUSED[str(d.reason)] ?? 'detail.refusedOther', {
        group: str(d.group),
        reason: str(d.reason),
      });
    case 'flush':
      return t('detail.flush', { view: str(d.view) });
    case 'flush-ok':
      return Array.isArray(d.waiting) && d.waiting.length > 0
        ? t('detail.flushOkWaiting', { from: e.from ?? '', view: str(d.view), waiting: list(d.waiting) })
        : t('detail.flushOkAll', { from: e.from ?? '', view: str(d.view) });
    case 'view-held':
      return t('detail.viewHeld', { id: str(d.id), from: str(d.from), msgs: list(d.missing) });
    case 'request':
      return t(`detail.request${d.op === 'leave' ? 'Leave' : d.op === 'exclude' ? 'Exclude' : 'Join'}`, {
        node: str(d.node),
        group: str(d.group),
      });
    case 'suspect':
      return t(d.reason === 'no-stable' ? 'detail.suspectStable' : 'detail.suspectAck', {
        who: str(d.suspect),
        msg: str(d.msg),
      });
    case 'forward':
      return t(d.role === 'survivor' ? 'detail.forwardSurvivor' : 'detail.forward', { to: list(d.to) });
    default:
      return null;
  }
}

// ─── The network lab (lecture: "LAN (Ethernet) multicasting", "IGMP", "Multicast routing") ───

/** The event types only the network lab's trace has (hosts, LANs, routers: IGMP and PIM). */
const NETWORK_TYPES = ['filter', 'rpf-fail', 'pim-state', 'transition', 'notify', 'join', 'leave'];

/** Where each PIM machine is defined (RFC 3973 dense mode, RFC 7761 sparse mode). */
const PIM_RFC: Record<string, string> = {
  'dm-upstream': 'RFC 3973 §4.4.1',
  'dm-downstream': 'RFC 3973 §4.4.2',
  'dm-assert': 'RFC 3973 §4.6',
  'dm-originator': 'RFC 3973 §4.5.2',
  'sm-upstream-star': 'RFC 7761 §4.5.6',
  'sm-upstream-sg': 'RFC 7761 §4.5.7',
  'sm-downstream-star': 'RFC 7761 §4.5.2',
  'sm-downstream-sg': 'RFC 7761 §4.5.3',
  'sm-rpt-downstream': 'RFC 7761 §4.5.4',
  'sm-rpt-upstream': 'RFC 7761 §4.5.9',
  'sm-register': 'RFC 7761 §4.4.1',
  'sm-sptbit': 'RFC 7761 §4.2.2',
};

/** Where each IGMP machine is defined: the host's per group, the router's querier and per group. */
const IGMP_RFC: Record<string, string> = {
  host: 'RFC 2236 §6',
  querier: 'RFC 2236 §7',
  group: 'RFC 2236 §7',
};

const SEND_ROLES = ['originate', 'forward', 'relay', 'medium'];

/** A bilingual `{ en, zh }` the protocol wrote into the trace, in the views' language. */
function pick(t: Tx, b: unknown): string {
  if (typeof b !== 'object' || b === null) return '';
  const r = b as Record<string, unknown>;
  return str(r[t('detail.net.lang')]) || str(r.en);
}

/** A state change of an RFC machine: its states and event verbatim, its actions as the RFC lists them. */
function machineStep(t: Tx, d: Record<string, unknown>, rfc: string | undefined): string {
  const actions = Array.isArray(d.actions) ? d.actions.map(String) : [];
  const parts = [
    t('detail.net.step', { from: str(d.from), to: str(d.to), event: str(d.event) }),
    actions.length > 0 ? t('detail.net.actions', { actions: actions.join(', ') }) : '',
    rfc ? ` · ${rfc}` : '',
  ];
  return parts.join('');
}

/**
 * A network lab event in words, or null for an event of the other labs (which the caller words).
 * The RFCs' state, event and action names stay verbatim, in both languages.
 */
function networkDetailText(
  t: Tx,
  e: TraceEvent,
  d: Record<string, unknown>,
  copies: ReadonlyMap<string, CopyRecord>,
): string | null {
  switch (e.type) {
    case 'send':
      return SEND_ROLES.includes(str(d.role)) && typeof d.on === 'string' ? netSendText(t, e, d) : null;
    case 'receive': {
      if (typeof d.iface === 'string') return t('detail.net.receiveIface', { iface: d.iface });
      if (typeof d.by !== 'string') return null;
      // The card's own reason for taking the frame (exact table, hash bit, promiscuous, broadcast).
      const c = e.copy ? copies.get(e.copy) : undefined;
      const card = t(`detail.net.by.${d.by}`, { mac: str(d.dstMac), h: str(d.hashIndex), defaultValue: '' });
      const arrived = c ? t('detail.receive', { src: c.src }) : '';
      return [arrived, card || t('detail.receiveAny')].filter(Boolean).join(' · ');
    }
    case 'deliver': {
      if (typeof d.mode !== 'string') return null;
      const mode = known(t, 'detail.net.mode', d.mode);
      return `${t('detail.deliver')} · ${
        typeof d.group === 'string' ? t('detail.net.deliverGroup', { mode, group: d.group }) : mode
      }`;
    }
    case 'discard': {
      if (typeof d.stage !== 'string') return null;
      const code = str(d.reason);
      const reason = code === 'duplicate' ? t('detail.duplicate') : known(t, 'detail.net.reason', code);
      const text = t('detail.net.discard', { stage: known(t, 'detail.net.stage', d.stage), reason });
      return typeof d.group === 'string' ? `${text} · ${t('detail.net.group', { group: d.group })}` : text;
    }
    case 'ignored':
      return typeof d.why === 'object' && d.why !== null
        ? t('detail.net.ignored', { why: pick(t, d.why) })
        : null;
    case 'filter': {
      const why = t(`detail.net.filter.${str(d.reason)}`, { h: str(d.hashIndex), defaultValue: '' });
      return t('detail.net.filter.text', { mac: str(d.dstMac), why: why || str(d.reason) });
    }
    case 'rpf-fail': {
      const args = {
        iface: str(d.iface),
        expected: str(d.expected),
        toward: str(d.toward),
        source: str(d.source),
        group: str(d.group),
      };
      return t(args.expected ? 'detail.net.rpfFail' : 'detail.net.rpfFailNone', args);
    }
    case 'pim-state': {
      const m = str(d.machine);
      const args = { entry: str(d.entry), machine: known(t, 'detail.net.pim', m), iface: str(d.iface) };
      return `${t(args.iface ? 'detail.net.pimStateIface' : 'detail.net.pimState', args)}${t('detail.net.colon')}${machineStep(t, d, PIM_RFC[m])}`;
    }
    case 'transition': {
      const m = str(d.machine);
      const machine = t(`detail.net.igmp.${m}`, { group: str(d.group), defaultValue: m });
      return `${t('detail.net.transition', { machine, lan: str(d.lan) })}${t('detail.net.colon')}${machineStep(t, d, IGMP_RFC[m])}`;
    }
    case 'notify':
      return t(d.change === '-' ? 'detail.net.notifyLost' : 'detail.net.notifyGained', {
        lan: str(d.lan),
        group: str(d.group),
      });
    case 'join':
    case 'leave':
      return t(`detail.net.${e.type}`, { group: str(d.group) });
    default:
      return null;
  }
}

/** A frame or packet put on a LAN or link: who sends what, where, to which address. */
function netSendText(t: Tx, e: TraceEvent, d: Record<string, unknown>): string {
  // The segment repeating a frame to its other stations: one transmission, seen by all.
  if (d.role === 'medium') return t('detail.net.send.medium', { sender: str(d.sender), to: list(d.to) });
  // Data is named by its mode and group (its diagram label is shorthand); IGMP and PIM messages
  // by the RFC's name for them ("Query", "Report G", "Prune(S,G)").
  const what = e.kind === 'data' || e.kind === undefined ? dataText(t, d) : str(d.label) || str(e.kind);
  const head = t(`detail.net.send.${str(d.role)}`, { what, on: str(d.on) });
  const to =
    typeof d.dstMac === 'string'
      ? t('detail.net.sendToMac', { dst: str(d.dst), mac: d.dstMac, ttl: str(d.ttl) })
      : t('detail.net.sendTo', { dst: str(d.dst), ttl: str(d.ttl) });
  return `${head} · ${to}`;
}

function dataText(t: Tx, d: Record<string, unknown>): string {
  const group = str(d.group);
  const mode = typeof d.mode === 'string' ? known(t, 'detail.net.mode', d.mode) : '';
  if (group && typeof d.source === 'string') return t('detail.net.dataSG', { source: d.source, group });
  if (group) return t(mode ? 'detail.net.dataGroupMode' : 'detail.net.dataGroup', { group, mode });
  return mode ? t('detail.net.dataMode', { mode }) : t('detail.net.data');
}

const REFUSED: Record<string, string> = {
  'closed-group': 'detail.refused',
  'already-member': 'detail.refusedJoin',
  'not-member': 'detail.refusedLeave',
};

const KNOWN_TYPES = [
  ...NETWORK_TYPES,
  'send',
  'receive',
  'holdback',
  'deliver',
  'discard',
  'lost',
  'ignored',
  'timer',
  'crash',
  'restart',
  'omit',
  'byzantine',
  'corrupt',
  'partition',
  'heal',
  'ack',
  'retransmit',
  'giveup',
  'queued',
  'nack',
  'view',
  'membership',
  'refused',
  'flush',
  'flush-ok',
  'view-held',
  'request',
  'suspect',
  'forward',
];

/** An event type in the lecture's words ("hold back", "deliver"); protocol-specific types as written. */
export function typeText(t: Tx, type: string): string {
  return KNOWN_TYPES.includes(type) ? t(`type.${type}`) : type;
}
