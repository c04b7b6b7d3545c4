import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import closedGroup from '../scenarios/examples/groups-closed.json';
import { membershipRun } from '../scenarios/lessons/groups/scenarios';
import { simulate } from '../scenarios/simulate';
import { load } from './testing/scenarios';
import { eventDetailText, reasonText, type Tx, typeText } from './text';

const i18n = initI18n('en');
const en = i18n.getFixedT('en', 'views') as unknown as Tx;
const zh = i18n.getFixedT('zh', 'views') as unknown as Tx;

const dir = join(__dirname, '../scenarios/examples');
const examples = readdirSync(dir).filter((f) => /^(reliability|atomic|faults|groups)-.*\.json$/.test(f));

describe('groups, failures and reliability in words', () => {
  it('has the examples to read', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples)(
    'every event of %s reads as a sentence in English and Chinese, never as raw fields',
    (f) => {
      const trace = simulate(load(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
      const copies = new Map(trace.copies.map((c) => [c.id, c]));
      for (const e of trace.events) {
        for (const t of [en, zh]) {
          const type = typeText(t, e.type);
          const text = eventDetailText(t, e, copies, trace.nodes);
          // A raw `key=value` fallback or an untranslated key means the event has no sentence.
          expect(text, `${e.type} ${JSON.stringify(e.detail)}`).not.toMatch(
            /\w=\S|detail\.|reason\.|Reason\./,
          );
          expect(type).not.toMatch(/^type\./);
        }
        // Chinese must differ from English for the event types the lecture names.
        if (['crash', 'partition', 'retransmit', 'view'].includes(e.type))
          expect(typeText(zh, e.type)).not.toBe(typeText(en, e.type));
      }
    },
  );

  it('says why a message waits for "go", "stable" or a view change', () => {
    expect(reasonText(en, { kind: 'go' })).toMatch(/"go"/);
    expect(reasonText(zh, { kind: 'go' })).toMatch(/go/);
    expect(reasonText(en, { kind: 'stable' })).toMatch(/stable/);
    expect(reasonText(en, { kind: 'view', need: 2 })).toMatch(/view 2/);
    expect(reasonText(zh, { kind: 'view', need: 2 })).toMatch(/视图 2/);
  });
});

describe('the membership layer in words', () => {
  const read = (trace: ReturnType<typeof simulate>, t: Tx, type: string, node?: string) => {
    const copies = new Map(trace.copies.map((c) => [c.id, c]));
    return trace.events
      .filter((e) => e.type === type && (node === undefined || e.node === node))
      .map((e) => eventDetailText(t, e, copies, trace.nodes));
  };

  it("each refusal says its own reason: a non-member's send, a member's join, a non-member's leave", () => {
    const trace = simulate(
      load({
        ...closedGroup,
        actions: [
          ...closedGroup.actions,
          { type: 'join_group', at: 1, node: 'P1', group: 'G', msg: 'j1' },
          { type: 'leave_group', at: 1, node: 'P3', group: 'G', msg: 'l1' },
        ],
      }),
    );
    const byMsg = (t: Tx, msg: string) => {
      const copies = new Map(trace.copies.map((c) => [c.id, c]));
      const e = trace.events.find((x) => x.type === 'refused' && x.msg === msg)!;
      return eventDetailText(t, e, copies, trace.nodes);
    };
    expect(byMsg(en, 'm2')).toMatch(/only members may send/);
    expect(byMsg(en, 'j1')).toMatch(/join_group.*already a member of G/);
    expect(byMsg(en, 'l1')).toMatch(/leave_group.*not a member of G/);
    for (const t of [en, zh]) expect(new Set(['m2', 'j1', 'l1'].map((m) => byMsg(t, m))).size).toBe(3);
    expect(byMsg(zh, 'j1')).toMatch(/已经是 G 的成员/);
    expect(byMsg(zh, 'l1')).toMatch(/不是 G 的成员/);
  });

  it('the manager taking a flush-ok, and a member holding a view until a message of the old view arrives', () => {
    const trace = simulate(membershipRun);
    const oks = trace.events.filter((e) => e.type === 'flush-ok' && e.node === 'P0');
    const okText = read(trace, en, 'flush-ok', 'P0');
    oks.forEach((e, i) => {
      expect(okText[i]).toContain(`flush-ok from ${e.from}`);
      const waiting = e.detail?.waiting as string[];
      if (waiting.length > 0) expect(okText[i]).toContain(`still waiting for ${waiting.join(', ')}`);
      else expect(okText[i]).toMatch(/every member has answered/);
    });
    // The lesson delays m2 (view 1) to P1 past the view message: P1 holds view 2 until m2 is in.
    expect(read(trace, en, 'view-held', 'P1')).toEqual([
      expect.stringMatching(/holds view 2 until m2, sent to it in view 1, has arrived/),
    ]);
    expect(read(trace, zh, 'view-held', 'P1')).toEqual([expect.stringMatching(/视图 2.*m2/)]);
    expect(typeText(zh, 'view-held')).not.toBe(typeText(en, 'view-held'));
    expect(typeText(zh, 'flush-ok')).not.toBe(typeText(en, 'flush-ok'));
  });
});
