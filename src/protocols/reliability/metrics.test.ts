import { describe, expect, it } from 'vitest';
import cumulative from '../../scenarios/examples/reliability-cumulative.json';
import nack from '../../scenarios/examples/reliability-nack.json';
import pipelining from '../../scenarios/examples/reliability-pipelining.json';
import stopAndWait from '../../scenarios/examples/reliability-reliable.json';
import type { NodeId } from '../../sim/ids';
import type { CopyRecord, Trace, TraceEvent } from '../../sim/trace';
import { reliabilityMetrics } from './metrics';
import { run } from './testkit';

const copy = (msg: string, kind: string, src: string, to: string, lost: string | null = null) =>
  ({
    id: `${msg}@${to}`,
    msg,
    kind,
    from: src,
    src,
    to,
    sentAt: 0,
    sentStep: 0,
    arriveAt: 1,
    arriveStep: 1,
    lost,
  }) as CopyRecord;
const ev = (step: number, time: number, type: string, node: string, extra: Partial<TraceEvent> = {}) =>
  ({ step, time, type, node, ...extra }) as TraceEvent;

describe('reliability metrics', () => {
  it('counts a hand-made run', () => {
    const t: Trace = {
      format: 1,
      nodes: ['P0', 'P1', 'P2'] as NodeId[],
      copies: [
        copy('m1', 'data', 'P0', 'P1'),
        copy('m1', 'data', 'P0', 'P2', 'loss'),
        copy('ack:P1:1', 'ack', 'P1', 'P0'),
        copy('m1', 'data', 'P0', 'P2'),
        copy('ack:P2:1', 'ack', 'P2', 'P0'),
        copy('nack:P2:1', 'nack', 'P2', 'P0'),
      ],
      events: [
        ev(0, 0, 'send', 'P0', { msg: 'm1' as never, from: 'P0' as NodeId }),
        ev(1, 3, 'deliver', 'P1', { msg: 'm1' as never, from: 'P0' as NodeId }),
        ev(2, 5, 'ack', 'P0', { from: 'P1' as NodeId, detail: { acked: ['m1'] } }),
        ev(3, 10, 'retransmit', 'P0', { msg: 'm1' as never, from: 'P0' as NodeId, detail: { to: ['P2'] } }),
        ev(4, 13, 'deliver', 'P2', { msg: 'm1' as never, from: 'P0' as NodeId }),
        ev(5, 15, 'ack', 'P0', { from: 'P2' as NodeId, detail: { acked: ['m1'], piggyback: true } }),
        ev(6, 15, 'ack', 'P0', { from: 'P1' as NodeId, detail: { acked: [] } }),
      ],
      states: [
        { step: 0, node: 'P0' as NodeId, state: { reliability: { buffered: 1 } } },
        { step: 5, node: 'P0' as NodeId, state: { reliability: { buffered: 0 } } },
      ],
      initial: {},
      endTime: 15,
      truncated: false,
    };
    const m = reliabilityMetrics(t);
    expect(m).toMatchObject({
      messages: 3,
      acks: 2,
      nacks: 1,
      control: 0,
      retransmissions: 1,
      giveups: 0,
      piggybacked: 1,
      deliveries: 2,
      latency: { mean: 8, max: 13 },
      peakBuffer: { size: 1, node: 'P0' },
      peakAckRate: 2,
    });
    expect(m.acksPerTime).toEqual([
      { time: 5, count: 1 },
      { time: 15, count: 2 },
    ]);
  });

  it('shows what the lecture says each optimization buys, on the same schedule', () => {
    const of = (data: object) => reliabilityMetrics(run(data as Record<string, unknown>).t);
    const plain = of(stopAndWait);
    const pipe = of(pipelining);
    const cum = of(cumulative);
    const neg = of(nack);
    // Pipelining: no round trip per message, so messages get through sooner.
    expect(pipe.latency!.mean).toBeLessThan(plain.latency!.mean);
    // Cumulative ACKs: one ACK for several messages.
    expect(cum.acks).toBeLessThan(pipe.acks);
    // Negative ACKs: no positive ACKs at all, but the sender keeps everything it sent.
    expect(neg.acks).toBe(0);
    expect(neg.peakBuffer.size).toBe(4);
  });
});
