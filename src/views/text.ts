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

const REFUSED: Record<string, string> = {
  'closed-group': 'detail.refused',
  'already-member': 'detail.refusedJoin',
  'not-member': 'detail.refusedLeave',
};

const KNOWN_TYPES = [
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
