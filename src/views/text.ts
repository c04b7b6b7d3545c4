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
      return t('reason.unknown', { kind: (reason as { kind: string }).kind });
  }
}

const KNOWN_GUARANTEES = ['fifo', 'causal', 'total', 'sync'];

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
          ? t('detail.discard', { reason: d.reason })
          : t('detail.discardAny');
    case 'lost':
      return t('detail.lost', { copy: e.copy ?? '', reason: String(d.reason ?? '') });
    case 'ignored':
      return t('detail.ignored', { copy: e.copy ?? '' });
    case 'timer':
      return t('detail.timer');
    default:
      return withHeader(
        Object.entries(d)
          .filter(([, v]) => typeof v !== 'object' || v === null)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(', '),
      );
  }
}

const KNOWN_TYPES = ['send', 'receive', 'holdback', 'deliver', 'discard', 'lost', 'ignored', 'timer'];

/** An event type in the lecture's words ("hold back", "deliver"); protocol-specific types as written. */
export function typeText(t: Tx, type: string): string {
  return KNOWN_TYPES.includes(type) ? t(`type.${type}`) : type;
}
