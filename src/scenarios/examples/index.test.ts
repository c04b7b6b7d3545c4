import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../validate';
import { EXAMPLE_SECTIONS, EXAMPLES, exampleById } from '.';

const DIR = __dirname;
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();
const fileData = (id: string): unknown => JSON.parse(readFileSync(join(DIR, `${id}.json`), 'utf8'));

const HAN = /\p{Script=Han}/u;

/**
 * The menu as the lecture orders it (ARCHITECTURE.md, "The lecture, as the app's table of
 * contents"; inside a chapter, the lessons' order): section by section, in English.
 */
const MENU: [section: string, ids: string[]][] = [
  ['Communication modes', ['network-modes']],
  [
    'Groups and their design issues',
    ['groups-closed', 'groups-open', 'groups-hierarchical', 'groups-centralized', 'groups-distributed'],
  ],
  ['Failures', ['faults-crash', 'faults-omission', 'faults-byzantine', 'faults-partition']],
  ['Implementing group communication', ['network-mechanisms']],
  [
    'Reliability: atomic multicast',
    [
      'atomic-example1',
      'atomic-example1-receiver-crash',
      'atomic-example1-crash',
      'atomic-example1-lost-log',
      'atomic-vsync-remove',
      'atomic-vsync-sender-crash',
    ],
  ],
  [
    'Reliability: reliable and unreliable multicast',
    [
      'reliability-reliable',
      'reliability-implosion',
      'reliability-sender-crash',
      'reliability-pipelining',
      'reliability-cumulative',
      'reliability-piggyback',
      'reliability-nack',
      'reliability-unreliable',
    ],
  ],
  [
    'Message ordering',
    [
      'globaltime-skew',
      'total-sequencer',
      'causal-lecture',
      'sync-barrier',
      'fifo-holdback',
      'unordered-different-orders',
    ],
  ],
  ['IP multicast addressing and LAN delivery', ['network-mac-collision']],
  ['IGMP', ['igmp-querier-election', 'igmp-v1-timeout', 'igmp-invalid-packets', 'iptv-channel-change']],
  [
    'PIM dense mode',
    [
      'pim-dense-flood-prune',
      'pim-dense-graft',
      'pim-dense-prune-expiry',
      'pim-dense-state-refresh',
      'pim-dense-assert-lan',
    ],
  ],
  [
    'PIM sparse mode and IPTV',
    ['pim-sparse-rp-tree', 'pim-sparse-register', 'pim-sparse-spt-switch', 'pim-iptv'],
  ],
  [
    'PIM: bad topologies',
    ['pim-bad-disconnected-source', 'pim-bad-rp-unreachable', 'pim-bad-equal-cost-loop'],
  ],
];

describe('the Examples menu', () => {
  it('lists every example file exactly once, under its own name, with that file as its data', () => {
    const ids = EXAMPLES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(FILES);
    for (const id of FILES) expect(exampleById(id)?.data, id).toEqual(fileData(id));
  });

  it('lists only examples that validate', () => {
    for (const e of EXAMPLES) {
      const v = validateScenario(e.data);
      expect(v.ok ? [] : v.errors, e.id).toEqual([]);
    }
  });

  it('titles every example and names every section in English and in Chinese', () => {
    for (const e of EXAMPLES) {
      expect(e.title.en.trim(), e.id).not.toBe('');
      expect(HAN.test(e.title.en), `${e.id}: English title has Chinese characters`).toBe(false);
      expect(HAN.test(e.title.zh), `${e.id}: Chinese title has no Chinese characters`).toBe(true);
    }
    // "IGMP" is the same word in both languages; every other section is translated.
    for (const s of EXAMPLE_SECTIONS) {
      expect(s.title.en.trim()).not.toBe('');
      expect(HAN.test(s.title.en), s.title.en).toBe(false);
      if (s.title.en !== 'IGMP') expect(HAN.test(s.title.zh), s.title.en).toBe(true);
      else expect(s.title.zh).toBe('IGMP');
    }
  });

  it("uses a file's own bilingual title unless the menu gives a shorter label", () => {
    const causal = exampleById('causal-lecture');
    expect(causal?.title).toEqual({
      en: "Causal: the lecture's example, m1 reaches P2 before m0",
      zh: '因果序：讲义中的例子，m1 先于 m0 到达 P2',
    });
    const graft = exampleById('pim-dense-graft');
    expect(graft?.title.en).toBe('A receiver joins under a pruned branch: Graft');
    for (const e of EXAMPLES) {
      const file = fileData(e.id) as { title: { en: string; zh: string } };
      expect(e.title.en.length, e.id).toBeLessThanOrEqual(file.title.en.length);
      expect(e.title.zh.length, e.id).toBeLessThanOrEqual(file.title.zh.length);
    }
  });

  it("groups the examples in sections in the lecture's order", () => {
    expect(EXAMPLE_SECTIONS.map((s) => [s.title.en, s.examples.map((e) => e.id)])).toEqual(MENU);
    for (const s of EXAMPLE_SECTIONS) for (const e of s.examples) expect(e.section).toEqual(s.title);
  });
});
