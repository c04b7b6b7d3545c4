import { describe, expect, it } from 'vitest';
import atomic from '../../scenarios/examples/atomic-example1.json';
import vsync from '../../scenarios/examples/atomic-vsync-remove.json';
import stopAndWait from '../../scenarios/examples/reliability-reliable.json';
import type { ProcessScenario } from '../../scenarios/schema';
import { simulate } from '../../scenarios/simulate';
import { validateScenario } from '../../scenarios/validate';
import type { Trace } from '../../sim/trace';
import { processAt, processIndex, reliabilityAt } from './derive';

function load(json: unknown): ProcessScenario {
  const v = validateScenario(json);
  if (!v.ok || v.value.lab !== 'process') throw new Error('example is invalid');
  return v.value;
}

/** The cursor just after the handling that recorded `step` finished: its state record is then shown. */
function shownAfter(trace: Trace, node: string, step: number): number {
  const rec = trace.states.find((r) => r.node === node && r.step >= step);
  return (rec?.step ?? step) + 1;
}

describe("a process's reliability state at the cursor", () => {
  describe('atomic multicast, example 1', () => {
    const s = load(atomic);
    const trace = simulate(s);
    const index = processIndex(trace);
    const send = trace.events.find((e) => e.type === 'send' && e.kind === 'data')!;
    const sender = send.node;
    const members = s.processes.filter((p) => p !== sender);

    it("lists, after each ACK reaches the sender, exactly the members whose ACK has not (lecture: 'wait for acknowledgement from each group member')", () => {
      const acks = trace.events.filter(
        (e) =>
          e.type === 'ack' &&
          e.node === sender &&
          e.detail?.phase === 'msg' &&
          (e.detail.acked as string[]).includes(send.msg!),
      );
      expect(acks.length).toBeGreaterThan(0);
      for (const ack of acks) {
        const cursor = ack.step + 1;
        const acked = new Set(acks.filter((a) => a.step < cursor).map((a) => a.from));
        const rel = reliabilityAt(index, sender, cursor)!;
        const pending = rel.pending.find((p) => p.msg === send.msg);
        const expected = members.filter((m) => !acked.has(m as never));
        if (expected.length > 0) expect(pending?.waiting).toEqual(expected);
        expect(rel.buffer).toContain(send.msg);
      }
    });

    it('shows the persistent log: the sender logs the message, then each ACK, then "go"', () => {
      const rel = reliabilityAt(index, sender, trace.events.length)!;
      const mine = rel.log!.filter((l) => ('id' in l ? l.id === send.msg : l.msg === send.msg));
      expect(mine[0]).toEqual({ t: 'msg', msg: send.msg, role: 'sender', from: sender, to: members });
      const acks = mine.filter((l) => l.t === 'ack').map((l) => (l.t === 'ack' ? l.by : ''));
      expect([...acks].sort()).toEqual([...members].sort());
      const go = mine.findIndex((l) => l.t === 'go');
      const lastAck = mine.map((l) => l.t).lastIndexOf('ack');
      expect(go).toBeGreaterThan(lastAck);
    });

    it('holds a logged message from the application until "go", then delivers it', () => {
      for (const node of members) {
        const held = trace.events.find(
          (e) => e.node === node && e.type === 'holdback' && e.msg === send.msg,
        )!;
        const deliver = trace.events.find(
          (e) => e.node === node && e.type === 'deliver' && e.msg === send.msg,
        )!;
        expect(reliabilityAt(index, node, shownAfter(trace, node, held.step))!.held).toContain(send.msg);
        expect(reliabilityAt(index, node, shownAfter(trace, node, deliver.step))!.held).not.toContain(
          send.msg,
        );
      }
    });
  });

  it("keeps a held message held when a duplicate of it is discarded (lecture: 'discard duplicates')", () => {
    const trace = simulate(load(atomic));
    const index = processIndex(trace);
    const dup = trace.events.find((e) => e.type === 'discard' && e.detail?.reason === 'duplicate')!;
    const held = trace.events.find((e) => e.type === 'holdback' && e.node === dup.node && e.msg === dup.msg)!;
    const deliver = trace.events.find(
      (e) => e.type === 'deliver' && e.node === dup.node && e.msg === dup.msg,
    );
    expect(held.step).toBeLessThan(dup.step);
    expect(deliver === undefined || deliver.step > dup.step).toBe(true);
    expect(processAt(index, dup.node, dup.step + 1).holdback.map((h) => h.msg)).toContain(dup.msg);
  });

  it('shows what waits for the pipelining window', () => {
    // Stop and wait (window 1): a message multicast while another awaits its ACKs waits its turn.
    const trace = simulate(load(stopAndWait));
    const index = processIndex(trace);
    const queued = trace.events.find((e) => e.type === 'queued');
    expect(queued).toBeDefined();
    const rel = reliabilityAt(index, queued!.node, shownAfter(trace, queued!.node, queued!.step))!;
    expect(rel.queued).toContain(queued!.msg);
  });

  it('shows the current view under virtual synchrony', () => {
    const trace = simulate(load(vsync));
    const index = processIndex(trace);
    const view = trace.events.filter((e) => e.type === 'view').at(-1)!;
    const rel = reliabilityAt(index, view.node, trace.events.length)!;
    expect(rel.view).toMatchObject({ id: view.detail?.id, members: view.detail?.members });
  });

  it('is null for a process with neither a reliability nor a membership layer', () => {
    const s = load(atomic);
    const plain = simulate({ ...s, reliability: undefined });
    expect(reliabilityAt(processIndex(plain), 'P0', plain.events.length)).toBeNull();
  });
});
