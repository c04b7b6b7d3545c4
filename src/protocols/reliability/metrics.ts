import type { Trace } from '../../sim/trace';

/**
 * What a reliability setting cost and achieved, computed from a trace alone, so settings run on
 * the same schedule can be compared side by side (lecture, "Optimizing Acknowledgements").
 */
export interface ReliabilityMetrics {
  /** Copies of application messages put on the wire, retransmissions and forwards included. */
  messages: number;
  /** Copies of ACKs (and atomic multicast's replies to "go"). */
  acks: number;
  /** ACKs that rode on a message instead of travelling alone. */
  piggybacked: number;
  nacks: number;
  /** Copies of other protocol messages: "go", "stable", membership changes. */
  control: number;
  /** Destinations of retransmissions. */
  retransmissions: number;
  /** Members given up on. */
  giveups: number;
  /** Deliveries to a process other than the sender. */
  deliveries: number;
  /** Virtual time from a message's multicast to each such delivery: mean and maximum (null if none). */
  latency: { mean: number; max: number } | null;
  /** The largest retransmission buffer any process held, and which. */
  peakBuffer: { size: number; node: string | null };
  /** ACKs (and piggybacked ACKs) arriving at senders, per time unit: the feedback-implosion chart. */
  acksPerTime: { time: number; count: number }[];
  peakAckRate: number;
}

const ACK_KINDS = new Set(['ack', 'done']);
const APP_KINDS = new Set(['data', 'sync', 'order']);

export function reliabilityMetrics(trace: Trace): ReliabilityMetrics {
  let messages = 0;
  let acks = 0;
  let nacks = 0;
  let control = 0;
  for (const c of trace.copies) {
    if (ACK_KINDS.has(c.kind)) acks++;
    else if (c.kind === 'nack') nacks++;
    else if (APP_KINDS.has(c.kind)) messages++;
    else control++;
  }
  let retransmissions = 0;
  let giveups = 0;
  let piggybacked = 0;
  const sentAt = new Map<string, number>();
  const lat: number[] = [];
  const arrivals = new Map<number, number>();
  for (const e of trace.events) {
    const d = e.detail ?? {};
    if (e.type === 'retransmit') retransmissions += Array.isArray(d.to) ? d.to.length : 1;
    else if (e.type === 'giveup') giveups += Array.isArray(d.to) ? d.to.length : 1;
    else if (e.type === 'ack') {
      if (d.piggyback === true) piggybacked++;
      arrivals.set(e.time, (arrivals.get(e.time) ?? 0) + 1);
    }
    if (e.msg === undefined) continue;
    if (e.node === e.from && (e.type === 'send' || e.type === 'deliver') && !sentAt.has(e.msg))
      sentAt.set(e.msg, e.time);
    if (e.type === 'deliver' && e.node !== e.from) {
      const t0 = sentAt.get(e.msg);
      if (t0 !== undefined) lat.push(e.time - t0);
    }
  }
  const peakBuffer = { size: 0, node: null as string | null };
  for (const s of trace.states) {
    const rel = (s.state as { reliability?: { buffered?: number } } | null)?.reliability;
    if (rel?.buffered !== undefined && rel.buffered > peakBuffer.size) {
      peakBuffer.size = rel.buffered;
      peakBuffer.node = s.node;
    }
  }
  const acksPerTime = [...arrivals].map(([time, count]) => ({ time, count })).sort((a, b) => a.time - b.time);
  return {
    messages,
    acks,
    piggybacked,
    nacks,
    control,
    retransmissions,
    giveups,
    deliveries: lat.length,
    latency: lat.length ? { mean: lat.reduce((a, b) => a + b, 0) / lat.length, max: Math.max(...lat) } : null,
    peakBuffer,
    acksPerTime,
    peakAckRate: Math.max(0, ...acksPerTime.map((a) => a.count)),
  };
}
