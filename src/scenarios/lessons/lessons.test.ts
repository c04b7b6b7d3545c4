import { describe, expect, it } from 'vitest';
import { checkAll } from '../../checks';
import type { CheckResult } from '../../checks/types';
import type { Trace } from '../../sim/trace';
import type { ProcessScenario } from '../schema';
import { simulate } from '../simulate';
import { validateScenario } from '../validate';
import { findAfter, LESSONS, lessonById, resolveCursor, resolveStepScenario } from './index';
import { type Bilingual, CHAPTERS, type Lesson } from './types';

/** The panels a highlight may point at, per lab (types.ts, `Highlight.panel`). */
const PANELS: Record<string, string[]> = {
  process: ['holdback', 'delivery', 'vector', 'checks', 'log', 'metrics', 'reliability'],
  network: ['modes', 'routing', 'igmp', 'pim', 'compare', 'address'],
};

/** Each step's trace, simulated once. */
const traces = new Map<string, Trace[]>();
function tracesOf(lesson: Lesson): Trace[] {
  let ts = traces.get(lesson.id);
  if (!ts) {
    const bySc = new Map<unknown, Trace>();
    ts = lesson.steps.map((_, i) => {
      const sc = resolveStepScenario(lesson, i);
      let t = bySc.get(sc);
      if (!t) {
        t = simulate(sc);
        bySc.set(sc, t);
      }
      return t;
    });
    traces.set(lesson.id, ts);
  }
  return ts;
}

function lesson(id: string): Lesson {
  const l = lessonById(id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

function mainTrace(id: string): Trace {
  return tracesOf(lesson(id))[0]!;
}

/** The step of the first event of `type` at `node` for `msg`, or -1. */
function stepOf(t: Trace, type: string, node: string, msg: string): number {
  return t.events.find((e) => e.type === type && e.node === node && e.msg === msg)?.step ?? -1;
}
/**
 * A step that must exist: `expect(seen(a)).toBeLessThan(b)` would otherwise pass vacuously on a
 * missing event (-1 is before everything).
 */
const seen = (step: number): number => {
  expect(step, 'the event is in the trace').toBeGreaterThanOrEqual(0);
  return step;
};

/** The application messages of a scenario: the ones its actions multicast. */
function appMsgs(lessonId: string): Set<string> {
  const sc = resolveStepScenario(lesson(lessonId), 0) as ProcessScenario;
  return new Set(sc.actions.map((a) => a.msg));
}

/** What `node`'s application saw, in order: its delivery queue, application messages only. */
function delivered(t: Trace, node: string, msgs: Set<string>): string[] {
  return t.events
    .filter((e) => e.type === 'deliver' && e.node === node && msgs.has(e.msg ?? ''))
    .map((e) => e.msg!);
}

/** The order in which `node` first had each application message: its own sends and its receipts. */
function receivedOrder(t: Trace, node: string, msgs: Set<string>): string[] {
  const out: string[] = [];
  for (const e of t.events) {
    if (e.node !== node || !msgs.has(e.msg ?? '') || out.includes(e.msg!)) continue;
    if (e.type === 'receive' || (e.type === 'send' && e.from === node)) out.push(e.msg!);
  }
  return out;
}

function result(results: CheckResult[], g: string): CheckResult {
  const r = results.find((x) => x.guarantee === g);
  if (!r) throw new Error(`checkAll gave no verdict on ${g}`);
  return r;
}

const texts = (l: Lesson): [string, Bilingual][] => [
  ['title', l.title],
  ['summary', l.summary],
  ...l.steps.flatMap((s, i): [string, Bilingual][] => [
    [`steps[${i}].title`, s.title],
    [`steps[${i}].body`, s.body],
  ]),
];

describe('the lesson registry', () => {
  it('has the ordering lessons, with unique ids that name their chapter', () => {
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of LESSONS) expect(l.id.startsWith(`${l.chapter}.`)).toBe(true);
    for (const id of [
      'ordering.delivering',
      'ordering.globaltime',
      'ordering.total',
      'ordering.causal',
      'ordering.sync',
      'ordering.fifo',
      'ordering.unordered',
    ])
      expect(lessonById(id)?.id).toBe(id);
    expect(lessonById('ordering.nope')).toBeUndefined();
  });

  it("lists chapters in the lecture's order (CHAPTERS)", () => {
    const idx = LESSONS.map((l) => CHAPTERS.indexOf(l.chapter));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
  });

  it('orders the ordering chapter as the lecture\'s "Message ordering" section does', () => {
    // Lecture: Sending vs. Receiving vs. Delivering, Global time, Total, Causal, Sync, SSF, Unordered.
    const ids = LESSONS.filter((l) => l.chapter === 'ordering').map((l) => l.id);
    expect(ids).toEqual([
      'ordering.delivering',
      'ordering.globaltime',
      'ordering.total',
      'ordering.causal',
      'ordering.sync',
      'ordering.fifo',
      'ordering.unordered',
    ]);
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, l) => {
  it('starts with a scenario, and every scenario it shows validates', () => {
    expect(l.steps[0]?.scenario).toBeDefined();
    for (const [i, s] of l.steps.entries()) {
      if (!s.scenario) continue;
      const v = validateScenario(JSON.parse(JSON.stringify(s.scenario)));
      expect(v.ok ? [] : v.errors, `step ${i}`).toEqual([]);
    }
  });

  it('fits a projector: 3-4 processes and a handful of messages', () => {
    for (const [i] of l.steps.entries()) {
      const t = tracesOf(l)[i]!;
      const sc = resolveStepScenario(l, i);
      // IGMP queries and PIM refreshes never stop: such a run ends at its time limit, not by running dry.
      const endless = sc.lab === 'network' && (sc.igmp !== undefined || sc.pim !== undefined);
      expect(t.truncated && !endless).toBe(false);
      expect(t.events.length).toBeLessThanOrEqual(2000);
      // Process-lab lessons: a lane per process (and the sequencer); other labs bring their own limits.
      if (sc.lab !== 'process') continue;
      const lanes = new Set([...sc.processes, ...(sc.ordering === 'total' ? [sc.sequencer ?? 'S'] : [])]);
      expect(lanes.size).toBeGreaterThanOrEqual(3);
      expect(lanes.size).toBeLessThanOrEqual(4);
      expect(sc.actions.length).toBeLessThanOrEqual(6);
    }
  });

  it('says everything in English and Chinese, as plain text', () => {
    for (const [where, t] of texts(l)) {
      expect(t.en.trim(), `${where}.en`).not.toBe('');
      expect(t.zh.trim(), `${where}.zh`).not.toBe('');
      expect(t.zh, `${where}.zh is Chinese`).toMatch(/[\u4e00-\u9fff]/);
      // Narration is rendered as text: no HTML may hide in it.
      expect(`${t.en}${t.zh}`, where).not.toMatch(/<[a-z/!]/i);
    }
  });

  it("uses the lecture's Chinese terms where the English uses its words", () => {
    const glossary: [RegExp, string][] = [
      [/hold-back queue/i, '保留队列'],
      [/delivery queue/i, '交付队列'],
      [/causal/i, '因果'],
      [/total order/i, '全序'],
      [/partial order/i, '偏序'],
      [/sequencer/i, '定序器'],
      [/\bsync\b/i, '同步'],
    ];
    for (const [where, t] of texts(l))
      for (const [en, zh] of glossary) if (en.test(t.en)) expect(t.zh, `${where}: ${en}`).toContain(zh);
  });

  it('points every cursor at an event that happens in its step', () => {
    const ts = tracesOf(l);
    for (const [i, s] of l.steps.entries()) {
      const t = ts[i]!;
      if (typeof s.cursor === 'object') {
        expect(findAfter(t, s.cursor), `step ${i}: ${JSON.stringify(s.cursor)}`).not.toBeNull();
      } else if (typeof s.cursor === 'number') {
        expect(s.cursor).toBeGreaterThanOrEqual(0);
        expect(s.cursor).toBeLessThanOrEqual(t.events.length);
      }
    }
  });

  it('highlights only nodes, messages and copies that exist in its trace', () => {
    const ts = tracesOf(l);
    for (const [i, s] of l.steps.entries()) {
      const t = ts[i]!;
      const h = s.highlight ?? {};
      const msgs = new Set(t.events.map((e) => e.msg));
      const copies = new Set(t.copies.map((c) => c.id as string));
      for (const n of h.nodes ?? []) expect(t.nodes, `step ${i} node`).toContain(n);
      for (const m of h.msgs ?? []) expect(msgs.has(m as never), `step ${i} msg ${m}`).toBe(true);
      for (const c of h.copies ?? []) expect(copies.has(c), `step ${i} copy ${c}`).toBe(true);
      if (h.panel !== undefined) expect(PANELS[resolveStepScenario(l, i).lab]).toContain(h.panel);
    }
  });

  it('moves forward through its run, and ends in a sandbox', () => {
    const ts = tracesOf(l);
    const cursors = l.steps.map((s, i) => resolveCursor(ts[i]!, s.cursor));
    // Within one scenario, each step shows at least as much of the run as the one before.
    for (let i = 1; i < l.steps.length; i++)
      if (!l.steps[i]!.scenario) expect(cursors[i], `step ${i}`).toBeGreaterThanOrEqual(cursors[i - 1]!);
    expect(l.steps.at(-1)?.sandbox).toBe(true);
    expect(l.steps.slice(0, -1).some((s) => s.sandbox)).toBe(false);
  });
});

describe('what the lessons claim happens, checked in the simulated run', () => {
  it('delivering: P1 delivers m1 at once; P2 receives m2 first, holds it back, delivers m1 then m2', () => {
    const t = mainTrace('ordering.delivering');
    expect(stepOf(t, 'holdback', 'P1', 'm1')).toBe(-1);
    expect(stepOf(t, 'deliver', 'P1', 'm1')).toBeGreaterThan(seen(stepOf(t, 'receive', 'P1', 'm1')));
    expect(seen(stepOf(t, 'receive', 'P2', 'm2'))).toBeLessThan(stepOf(t, 'receive', 'P2', 'm1'));
    expect(stepOf(t, 'holdback', 'P2', 'm2')).toBeGreaterThanOrEqual(0);
    expect(delivered(t, 'P2', appMsgs('ordering.delivering'))).toEqual(['m1', 'm2']);
  });

  it("causal: the lecture's example — P1 delivers m0 before multicasting m1; P2 receives m1 first, holds it back, delivers m0 then m1", () => {
    const t = mainTrace('ordering.causal');
    // multicast(G, m0) → multicast(G, m1): P1 delivered m0 before it sent m1.
    expect(seen(stepOf(t, 'deliver', 'P1', 'm0'))).toBeLessThan(stepOf(t, 'send', 'P1', 'm1'));
    expect(seen(stepOf(t, 'receive', 'P2', 'm1'))).toBeLessThan(stepOf(t, 'receive', 'P2', 'm0'));
    const held = stepOf(t, 'holdback', 'P2', 'm1');
    expect(held).toBeGreaterThan(seen(stepOf(t, 'receive', 'P2', 'm1')));
    expect(held).toBeLessThan(stepOf(t, 'receive', 'P2', 'm0'));
    const msgs = appMsgs('ordering.causal');
    for (const p of ['P0', 'P1', 'P2']) expect(delivered(t, p, msgs), p).toEqual(['m0', 'm1']);
    expect(result(checkAll(t), 'causal').holds).toBe(true);
  });

  it("causal: the vectors are the lecture's — m0 carries (1,0,0), m1 (1,1,0); P2 goes (0,0,0) → (1,0,0) → (1,1,0)", () => {
    const t = mainTrace('ordering.causal');
    // P2's precedence vector in P0, P1, P2 order: the state snapshot after an input, and the
    // vector each delivery records (one input may deliver several messages, as m0 then m1 here).
    const stateVector = (step: number): number[] => {
      const rec = t.states.filter((s) => s.node === 'P2' && s.step <= step).at(-1);
      const state = (rec?.state ?? t.initial.P2) as { ordering: { vector?: Record<string, number> } };
      return ['P0', 'P1', 'P2'].map((p) => state.ordering.vector?.[p] ?? 0);
    };
    const deliveredVector = (msg: string) =>
      t.events.find((e) => e.type === 'deliver' && e.node === 'P2' && e.msg === msg)?.detail?.vector;
    expect(stateVector(stepOf(t, 'holdback', 'P2', 'm1'))).toEqual([0, 0, 0]);
    expect(deliveredVector('m0')).toEqual([1, 0, 0]);
    expect(deliveredVector('m1')).toEqual([1, 1, 0]);
    expect(stateVector(t.events.length - 1)).toEqual([1, 1, 0]);
    const label = (msg: string) => t.copies.find((c) => c.msg === msg && c.to === 'P2')?.label ?? '';
    expect(label('m0').replace(/\s/g, '')).toContain('1,0,0');
    expect(label('m1').replace(/\s/g, '')).toContain('1,1,0');
  });

  it("FIFO: P0's m2 overtakes m1 and waits at P2, while P1's m3 is delivered in between", () => {
    const t = mainTrace('ordering.fifo');
    expect(seen(stepOf(t, 'receive', 'P2', 'm2'))).toBeLessThan(stepOf(t, 'receive', 'P2', 'm1'));
    expect(stepOf(t, 'holdback', 'P2', 'm2')).toBeGreaterThanOrEqual(0);
    expect(stepOf(t, 'holdback', 'P2', 'm3')).toBe(-1);
    const msgs = appMsgs('ordering.fifo');
    expect(delivered(t, 'P2', msgs)).toEqual(['m3', 'm1', 'm2']);
    for (const p of ['P0', 'P1', 'P2'])
      expect(
        delivered(t, p, msgs).filter((m) => m !== 'm3'),
        p,
      ).toEqual(['m1', 'm2']);
    expect(result(checkAll(t), 'fifo').holds).toBe(true);
  });

  it('unordered: P1 and P2 deliver m1, m2 in opposite orders, and the checks report FIFO, causal and total violated', () => {
    const t = mainTrace('ordering.unordered');
    const msgs = appMsgs('ordering.unordered');
    expect(delivered(t, 'P1', msgs)).toEqual(['m1', 'm2']);
    expect(delivered(t, 'P2', msgs)).toEqual(['m2', 'm1']);
    expect(t.events.some((e) => e.type === 'holdback')).toBe(false);
    const r = checkAll(t);
    for (const g of ['fifo', 'causal', 'total']) {
      expect(result(r, g).holds, g).toBe(false);
      expect(result(r, g).violation?.node, g).toBeDefined();
    }
  });

  it('total: every member delivers in one order although members received in different orders', () => {
    const id = 'ordering.total';
    const t = mainTrace(id);
    const sc = resolveStepScenario(lesson(id), 0) as ProcessScenario;
    expect(t.nodes).toContain(sc.sequencer ?? 'S');
    const msgs = appMsgs(id);
    const orders = sc.processes.map((p) => delivered(t, p, msgs));
    for (const o of orders) expect(o).toEqual(orders[0]);
    expect(orders[0]).toHaveLength(msgs.size);
    const received = new Set(sc.processes.map((p) => receivedOrder(t, p, msgs).join(',')));
    expect(received.size).toBeGreaterThanOrEqual(2);
    expect(result(checkAll(t), 'total').holds).toBe(true);
  });

  it("FIFO lesson's last point: FIFO holds while causal and total order do not", () => {
    const r = checkAll(mainTrace('ordering.fifo'));
    expect(result(r, 'fifo').holds).toBe(true);
    expect(result(r, 'causal').holds).toBe(false);
    expect(result(r, 'total').holds).toBe(false);
  });

  it('global time: m1 is sent first but stamped later than m2; P1 and P2 deliver by timestamp, P0 (fast clock) disagrees', () => {
    const id = 'ordering.globaltime';
    const t = mainTrace(id);
    const sc = resolveStepScenario(lesson(id), 0) as ProcessScenario;
    // Each timestamp from the scenario's own clocks (offset + (1 + drift) · send time), not the protocol's.
    const stamp = (msg: string) => {
      const send = t.events.find((e) => e.type === 'send' && e.msg === msg)!;
      const c = sc.clocks?.[send.node] ?? { offset: 0, drift: 0 };
      return { real: send.time, ts: Math.floor(c.offset + (1 + c.drift) * send.time) };
    };
    const m1 = stamp('m1');
    const m2 = stamp('m2');
    expect(m1.real).toBeLessThan(m2.real);
    expect(m1.ts).toBeGreaterThan(m2.ts);
    // P1 had received m1 before it multicast m2: what really happened puts m1 first.
    expect(seen(stepOf(t, 'receive', 'P1', 'm1'))).toBeLessThan(stepOf(t, 'send', 'P1', 'm2'));
    const msgs = appMsgs(id);
    expect(delivered(t, 'P1', msgs)).toEqual(['m2', 'm1']);
    expect(delivered(t, 'P2', msgs)).toEqual(['m2', 'm1']);
    expect(delivered(t, 'P0', msgs)).toEqual(['m1', 'm2']);
    expect(result(checkAll(t), 'total').holds).toBe(false);
    // The narration's numbers: Δ is the latency bound (3); P0's clock is 8 ahead, so m1's slot
    // 8 + 3 = 11 comes at real time 3, and when m2 reaches P0 its clock reads 8 + arrival time.
    const delta = sc.network.latency[1];
    expect([m1.ts, delta, m1.ts + delta]).toEqual([8, 3, 11]);
    expect(t.events[stepOf(t, 'deliver', 'P0', 'm1')]!.time).toBe(m1.ts + delta - 8);
    const m2AtP0 = t.copies.find((c) => c.id === 'm2@P0')!;
    expect(8 + m2AtP0.arriveAt).toBe(13);
    expect(stepOf(t, 'deliver', 'P0', 'm2')).toBeGreaterThan(seen(stepOf(t, 'deliver', 'P0', 'm1')));
  });

  it('sync: every member delivers the pre-sync m1, m2 before the post-sync m3; P1 holds m3 back until m1 arrives', () => {
    const id = 'ordering.sync';
    const t = mainTrace(id);
    const sc = resolveStepScenario(lesson(id), 0) as ProcessScenario;
    const syncAt = sc.actions.find((a) => a.type === 'sync')!.at;
    const data = sc.actions.filter((a) => a.type === 'multicast');
    const pre = data.filter((a) => a.at < syncAt).map((a) => a.msg);
    const post = data.filter((a) => a.at > syncAt).map((a) => a.msg);
    expect(pre).toEqual(['m1', 'm2']);
    expect(post).toEqual(['m3']);
    // The sync sender had delivered every pre-sync message before syncing, so "before" is unambiguous.
    for (const m of pre)
      expect(seen(stepOf(t, 'deliver', 'P2', m))).toBeLessThan(stepOf(t, 'send', 'P2', 's'));
    const msgs = appMsgs(id);
    for (const p of sc.processes) {
      const order = delivered(t, p, msgs);
      expect(new Set(order), p).toEqual(msgs);
      const lastPre = Math.max(...pre.map((m) => order.indexOf(m)));
      const firstPost = Math.min(...post.map((m) => order.indexOf(m)));
      expect(lastPre, p).toBeLessThan(firstPost);
    }
    expect(seen(stepOf(t, 'receive', 'P1', 'm3'))).toBeLessThan(stepOf(t, 'receive', 'P1', 'm1'));
    expect(stepOf(t, 'holdback', 'P1', 'm3')).toBeGreaterThanOrEqual(0);
    // The barrier opens at P0 and P2 before m3 is even sent, and at P1 only after m1.
    for (const p of ['P0', 'P2'])
      expect(stepOf(t, 'deliver', p, 's'), p).toBeLessThan(stepOf(t, 'send', 'P2', 'm3'));
    expect(stepOf(t, 'deliver', 'P1', 's')).toBeGreaterThan(seen(stepOf(t, 'deliver', 'P1', 'm1')));
    const r = result(checkAll(t), 'sync');
    expect(r.holds).toBe(true);
    expect(r.vacuous).toBeFalsy();
    // What sync ordering does not promise: P0 and P1 each delivered its own message first.
    expect(delivered(t, 'P0', msgs)[0]).toBe('m1');
    expect(delivered(t, 'P1', msgs)[0]).toBe('m2');
    expect(result(checkAll(t), 'total').holds).toBe(false);
  });
});

describe('what the sandbox steps suggest, tried on the same schedule', () => {
  const scenarioOf = (id: string) => resolveStepScenario(lesson(id), 0) as ProcessScenario;

  it('causal → unordered: P2 delivers m1 before m0 and the causal check fails', () => {
    const t = simulate({ ...scenarioOf('ordering.causal'), ordering: 'unordered' });
    expect(delivered(t, 'P2', appMsgs('ordering.causal'))).toEqual(['m1', 'm0']);
    expect(result(checkAll(t), 'causal').holds).toBe(false);
  });

  it('sync → unordered: P1 delivers m3 before m1 and the sync check fails', () => {
    const t = simulate({ ...scenarioOf('ordering.sync'), ordering: 'unordered' });
    const order = delivered(t, 'P1', appMsgs('ordering.sync'));
    expect(seen(order.indexOf('m3'))).toBeLessThan(order.indexOf('m1'));
    expect(result(checkAll(t), 'sync').holds).toBe(false);
  });

  it.each(['fifo', 'causal', 'total'] as const)(
    'unordered → %s: P2 holds m2 back and FIFO, causal, total hold',
    (o) => {
      const t = simulate({ ...scenarioOf('ordering.unordered'), ordering: o });
      expect(stepOf(t, 'holdback', 'P2', 'm2')).toBeGreaterThanOrEqual(0);
      expect(delivered(t, 'P2', appMsgs('ordering.unordered'))).toEqual(['m1', 'm2']);
      const r = checkAll(t);
      for (const g of ['fifo', 'causal', 'total']) expect(result(r, g).holds, g).toBe(true);
    },
  );

  it("total: when m1 reaches the sequencer first, the whole group's order flips to m1, m2", () => {
    const sc = scenarioOf('ordering.total');
    const t = simulate({ ...sc, interventions: [...sc.interventions, { copy: 'm1@S', deliverAt: 1 }] });
    for (const p of sc.processes) expect(delivered(t, p, appMsgs('ordering.total')), p).toEqual(['m1', 'm2']);
  });

  it('total → unordered: P0 and P1 each deliver their own message first', () => {
    const t = simulate({ ...scenarioOf('ordering.total'), ordering: 'unordered' });
    const msgs = appMsgs('ordering.total');
    expect(delivered(t, 'P0', msgs)).toEqual(['m1', 'm2']);
    expect(delivered(t, 'P1', msgs)).toEqual(['m2', 'm1']);
  });

  it('global time: m2 delayed to P2 past 11 is delivered late, after m1; under total ordering the members agree', () => {
    const sc = scenarioOf('ordering.globaltime');
    const late = simulate({ ...sc, interventions: [...sc.interventions, { copy: 'm2@P2', deliverAt: 12 }] });
    expect(delivered(late, 'P2', appMsgs('ordering.globaltime'))).toEqual(['m1', 'm2']);
    const t = simulate({ ...sc, ordering: 'total' });
    expect(result(checkAll(t), 'total').holds).toBe(true);
  });
});
