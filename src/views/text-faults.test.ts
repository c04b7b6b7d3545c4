import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
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
