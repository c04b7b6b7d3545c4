import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { deflateSync, inflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LoadError } from '../store/lab';
import { ORDERINGS, type Scenario } from './schema';
import {
  type DecodeMeter,
  decodeShare,
  encodeShare,
  NET_PANELS,
  PIM_TABS,
  SHARE_LIMITS,
  type ShareDoc,
  type ShareView,
} from './url';
import { validateScenario } from './validate';

const EXAMPLES_DIR = new URL('./examples/', import.meta.url);
const examples: { name: string; scenario: Scenario }[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((name) => {
    const v = validateScenario(JSON.parse(readFileSync(new URL(name, EXAMPLES_DIR), 'utf8')));
    if (!v.ok) throw new Error(`${name} is not a valid scenario`);
    return { name, scenario: v.value };
  });

const id = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,15}$/);
const tick = fc.integer({ min: 0, max: 1_000_000 });
/** Multiples of 1/1000 so no -0 or NaN sneaks in: the JSON round trip must be exact. */
const fraction = (max: number) => fc.integer({ min: -max * 1000, max: max * 1000 }).map((n) => n / 1000);

/** Valid process scenarios: unique member ids, actions by members, each intervention on one copy. */
const processScenario: fc.Arbitrary<Scenario> = fc
  .record({
    processes: fc.uniqueArray(id, { minLength: 2, maxLength: 8 }),
    msgs: fc.uniqueArray(id, { minLength: 0, maxLength: 20 }),
    seed: fc.integer({ min: 0, max: 4294967295 }),
    ordering: fc.constantFrom(...ORDERINGS),
    latency: fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })),
    loss: fraction(1).map(Math.abs),
    title: fc.option(fc.string({ maxLength: 200, unit: 'grapheme' }), { nil: undefined }),
    maxTime: fc.option(tick, { nil: undefined }),
    withClocks: fc.boolean(),
    picks: fc.array(fc.tuple(fc.nat(), tick, fc.boolean()), { maxLength: 20 }),
    interventions: fc.array(
      fc.tuple(
        id,
        id,
        fc.option(fc.integer({ min: 2, max: 9999 }), { nil: undefined }),
        fc.option(tick, { nil: undefined }),
      ),
      { maxLength: 10 },
    ),
  })
  .chain((r) =>
    fc
      .array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fraction(0.5)), {
        minLength: r.processes.length,
        maxLength: r.processes.length,
      })
      .map((clocks): Scenario => {
        const [a, b] = r.latency;
        return {
          version: 1,
          lab: 'process',
          ...(r.title !== undefined ? { title: r.title } : {}),
          seed: r.seed,
          processes: r.processes,
          ordering: r.ordering,
          network: { latency: [Math.min(a, b), Math.max(a, b)], loss: r.loss },
          ...(r.withClocks
            ? {
                clocks: Object.fromEntries(
                  r.processes.map((p, i) => [p, { offset: clocks[i]![0], drift: clocks[i]![1] }]),
                ),
              }
            : {}),
          actions: r.msgs.map((msg, i) => {
            const [who, at, sync] = r.picks[i] ?? [i, i, false];
            return {
              type: sync ? 'sync' : 'multicast',
              at,
              node: r.processes[who % r.processes.length]!,
              msg,
            };
          }),
          interventions: r.interventions.map(([msg, to, n, at]) => ({
            copy: `${msg}@${to}${n === undefined ? '' : `#${n}`}`,
            ...(at === undefined ? { drop: true as const } : { deliverAt: at }),
          })),
          ...(r.maxTime !== undefined ? { maxTime: r.maxTime } : {}),
        };
      }),
  );

const shareDoc: fc.Arbitrary<ShareDoc> = fc.record(
  {
    scenario: processScenario,
    cursor: fc.nat({ max: 100_000 }),
    lesson: fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9.-]{0,30}$/), step: fc.nat({ max: 100 }) }),
    lang: fc.constantFrom('en' as const, 'zh' as const),
    presenter: fc.boolean(),
    view: fc.record(
      {
        panel: fc.constantFrom(...NET_PANELS),
        node: fc.option(id, { nil: null }),
        tab: fc.constantFrom(...PIM_TABS),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<ShareView>,
  },
  { requiredKeys: ['scenario', 'cursor'] },
);

/** Hash text for any bytes, the way encodeShare writes its payload (unpadded base64url). */
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const packed = (text: string) => `v1.${b64url(deflateSync(strToU8(text), { level: 9 }))}`;

/**
 * The work bound: input is capped at SHARE_LIMITS.hashChars, so at most that many ×3/4 bytes
 * reach the inflater in 256-byte pushes, and inflating stops after the first push that passes
 * SHARE_LIMITS.inflatedBytes; one push of ≤ 256 (plus a held-over block header) compressed
 * bytes yields well under 1 MiB more, as deflate expands at most ~1032:1.
 */
const MAX_PUSHES = Math.ceil((SHARE_LIMITS.hashChars * 3) / 4 / 256);
const MAX_INFLATED = SHARE_LIMITS.inflatedBytes + 1024 * 1024;

/** Decode anything; it must not throw, must stay within the work bound, and may succeed only with a valid document. */
function decodeSafely(input: string) {
  const meter: DecodeMeter = { inflated: 0, pushes: 0 };
  const r = decodeShare(input, meter);
  expect(meter.pushes).toBeLessThanOrEqual(MAX_PUSHES);
  expect(meter.inflated).toBeLessThanOrEqual(MAX_INFLATED);
  if (r.ok) {
    expect(validateScenario(r.value.scenario).ok).toBe(true);
    expect(Number.isSafeInteger(r.value.cursor) && r.value.cursor >= 0).toBe(true);
  } else {
    expect(r.error.source).toBe('link');
    expect(r.error.summary.length).toBeGreaterThan(0);
  }
  return { r, meter };
}

describe('share link round trip', () => {
  it('property: decodeShare(encodeShare(doc)) gives back the same document for generated scenarios', () => {
    fc.assert(
      fc.property(shareDoc, (doc) => {
        const hash = encodeShare(doc);
        expect(hash.startsWith('v1.')).toBe(true);
        expect(hash).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
        const r = decodeShare(hash);
        expect(r).toEqual({ ok: true, value: doc });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips every example scenario, with or without "#", and inside a whole URL', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const { scenario } of examples) {
      const doc: ShareDoc = {
        scenario,
        cursor: 4,
        lesson: { id: 'ordering.fifo', step: 2 },
        lang: 'zh',
        presenter: true,
      };
      const hash = encodeShare(doc);
      for (const form of [
        hash,
        `#${hash}`,
        `https://example.edu/course/lab/index.html#${hash}`,
        ` ${hash}\n`,
      ])
        expect(decodeShare(form)).toEqual({ ok: true, value: doc });
    }
  });

  it("carries the network lab's view: panel, node (or none) and PIM tab, each on its own", () => {
    const graft = examples.find((e) => e.name === 'pim-dense-graft.json')!.scenario;
    for (const view of [
      { panel: 'details', node: 'R3', tab: 'compare' },
      { panel: 'igmp', node: 'H1' },
      { tab: 'control' },
      { node: null },
      {},
    ] satisfies ShareView[]) {
      const doc: ShareDoc = { scenario: graft, cursor: 7, view };
      expect(decodeShare(encodeShare(doc))).toEqual({ ok: true, value: doc });
    }
    // A link without a view (every link made before it existed) decodes without one.
    const r = decodeShare(encodeShare({ scenario: graft, cursor: 7 }));
    expect(r.ok && 'view' in r.value).toBe(false);
  });

  it('keeps a view.node the scenario does not have: the lab ignores it (an edit may have removed it)', () => {
    const graft = examples.find((e) => e.name === 'pim-dense-graft.json')!.scenario;
    const doc: ShareDoc = { scenario: graft, cursor: 0, view: { node: 'R99' } };
    expect(decodeShare(encodeShare(doc))).toEqual({ ok: true, value: doc });
  });

  it('fits a scenario at the schema limits (64 processes, 1,000 actions, 1,000 interventions, longest random ids) within the link limit', () => {
    // Random ids of the longest allowed length compress worst; a seeded generator keeps it repeatable.
    const [chars] = fc.sample(
      fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), {
        minLength: 200_000,
        maxLength: 200_000,
      }),
      { seed: 7, numRuns: 1 },
    );
    let at = 0;
    const id = (n: number) => {
      const from = at;
      at += n - 1;
      return `x${chars!.slice(from, at).join('')}`;
    };
    const processes = Array.from({ length: 64 }, () => id(16));
    const scenario: Scenario = {
      version: 1,
      lab: 'process',
      title: id(200),
      seed: 4294967295,
      processes,
      ordering: 'causal',
      network: { latency: [1, 1000], loss: 0.123456789 },
      actions: Array.from({ length: 1000 }, (_, i) => ({
        type: 'multicast',
        at: 999_000 + i,
        node: processes[i % 64]!,
        msg: id(16),
      })),
      interventions: Array.from({ length: 1000 }, (_, i) => ({
        copy: `${id(41)}@${id(16)}#${1000 + i}`,
        deliverAt: 999_000 + i,
      })),
    };
    expect(validateScenario(scenario).ok).toBe(true);
    const hash = encodeShare({ scenario, cursor: 0 });
    expect(hash.length).toBeLessThanOrEqual(SHARE_LIMITS.hashChars);
    expect(decodeShare(hash).ok).toBe(true);
  });
});

describe('share link errors: each failure says what is wrong', () => {
  const good = encodeShare({ scenario: examples[0]!.scenario, cursor: 0 });
  const problem = (input: string) => {
    const r = decodeShare(input);
    if (r.ok) throw new Error('expected a failure');
    return r;
  };

  it('reports errors the store can show as its LoadError', () => {
    const r = problem('');
    const asStoreError: LoadError = r.error;
    expect(asStoreError.source).toBe('link');
  });

  it('an empty link, or a URL with nothing after "#"', () => {
    expect(problem('').problem.code).toBe('empty');
    expect(problem('https://example.edu/lab/#').problem.code).toBe('empty');
    expect(problem('https://example.edu/lab/').problem.code).toBe('empty');
  });

  it('a link without the version prefix', () => {
    expect(problem('#hello').problem.code).toBe('no-version');
    expect(problem(good.slice(3)).problem.code).toBe('no-version');
  });

  it('a link from a newer version names that version', () => {
    const r = problem(`v2.${good.slice(3)}`);
    expect(r.problem).toEqual({ code: 'newer-version', version: 2 });
    expect(r.error.summary).toContain('newer version');
    expect(r.error.summary).toContain('v2');
    expect(problem(`v0.${good.slice(3)}`).problem.code).toBe('unknown-version');
    expect(problem(`v01.${good.slice(3)}`).problem).toEqual({ code: 'unknown-version', version: '01' });
  });

  it('a character outside base64url names the character and its position', () => {
    const at = 10;
    const bad = `${good.slice(0, at)}%${good.slice(at + 1)}`;
    const r = problem(bad);
    expect(r.problem).toEqual({ code: 'bad-character', char: '%', position: at + 1 });
    expect(r.error.summary).toContain('"%"');
    expect(r.error.summary).toContain(`character ${at + 1}`);
    expect(problem(`${good}=`).problem).toEqual({
      code: 'bad-character',
      char: '=',
      position: good.length + 1,
    });
    expect(problem(`v1.ab😀cd`).problem).toEqual({ code: 'bad-character', char: '😀', position: 6 });
  });

  it('a link cut short', () => {
    expect(problem(good.slice(0, good.length - 5)).problem.code).toBe('truncated');
    expect(problem('v1.').problem.code).toBe('truncated');
  });

  it('corrupted compressed data', () => {
    // Block type 3 is reserved in deflate (RFC 1951 §3.2.3): first byte 0b111 = final block, type 3.
    expect(problem(`v1.${b64url(new Uint8Array([0x07, 0, 0, 0]))}`).problem).toEqual({
      code: 'corrupted',
      detail: 'invalid block type',
    });
  });

  it('a link longer than the limit, without reading it', () => {
    const meter: DecodeMeter = { inflated: 0, pushes: 0 };
    const r = decodeShare(`v1.${'A'.repeat(SHARE_LIMITS.hashChars)}`, meter);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problem).toEqual({
        code: 'too-long',
        length: SHARE_LIMITS.hashChars + 3,
        limit: SHARE_LIMITS.hashChars,
      });
    expect(meter).toEqual({ inflated: 0, pushes: 0 });
  });

  it('a deflate bomb stops at the inflated-size bound', () => {
    // 50 MB of zeros packs into about 49 KB, under the link limit; unbounded it would inflate to 50 MB.
    const bomb = `v1.${b64url(deflateSync(new Uint8Array(50_000_000), { level: 9 }))}`;
    expect(bomb.length).toBeLessThanOrEqual(SHARE_LIMITS.hashChars);
    const { r, meter } = decodeSafely(bomb);
    expect(r.ok ? null : r.problem).toEqual({ code: 'too-large', limit: SHARE_LIMITS.inflatedBytes });
    expect(meter.inflated).toBeGreaterThan(SHARE_LIMITS.inflatedBytes);
  });

  it('bytes that are not UTF-8, and text that is not JSON', () => {
    expect(problem(`v1.${b64url(deflateSync(new Uint8Array([0xff, 0xfe, 0x80])))}`).problem.code).toBe(
      'not-text',
    );
    const r = problem(packed('{"scenario": '));
    expect(r.problem.code).toBe('not-json');
  });

  it('JSON that is not a share document names the field', () => {
    expect(problem(packed('[1,2]')).problem.code).toBe('not-share-doc');
    const noCursor = problem(packed(JSON.stringify({ scenario: examples[0]!.scenario })));
    expect(noCursor.problem.code).toBe('not-share-doc');
    expect(noCursor.error.errors.map((e) => e.path)).toEqual(['cursor']);
    const badParts = problem(
      packed(
        JSON.stringify({
          scenario: examples[0]!.scenario,
          cursor: -1,
          lang: 'fr',
          presenter: 'yes',
          lesson: { id: 'x' },
        }),
      ),
    );
    expect(badParts.error.errors.map((e) => e.path).sort()).toEqual([
      'cursor',
      'lang',
      'lesson.step',
      'presenter',
    ]);
    expect(problem(packed(JSON.stringify({ cursor: 0 }))).error.errors.map((e) => e.path)).toEqual([
      'scenario',
    ]);
  });

  it('a bad view names the field, in English and Chinese', () => {
    const scenario = examples[0]!.scenario;
    const errorsOf = (view: unknown) =>
      problem(packed(JSON.stringify({ scenario, cursor: 0, view }))).error.errors;
    expect(errorsOf({ panel: 'routing' })).toEqual([
      {
        path: 'view.panel',
        message: 'a panel: details, modes, igmp, cards, address, edit or pim',
        zh: '应为一个面板：details、modes、igmp、cards、address、edit 或 pim',
      },
    ]);
    expect(errorsOf({ tab: 'Dense vs sparse' })).toEqual([
      {
        path: 'view.tab',
        message: 'a PIM tab: topology, control or compare',
        zh: '应为一个 PIM 标签页：topology、control 或 compare',
      },
    ]);
    // A node id has the scenario's id form (a letter, then at most 15 more characters).
    for (const node of ['3R', 'R'.repeat(17), '', 'R 1', 7])
      expect(errorsOf({ node }).map((e) => e.path)).toEqual(['view.node']);
    expect(errorsOf({ panel: 'pim', zoom: 2 }).map((e) => e.path)).toEqual(['view']);
    expect(errorsOf('details').map((e) => e.path)).toEqual(['view']);
    expect(
      errorsOf({ panel: 7, tab: null })
        .map((e) => e.path)
        .sort(),
    ).toEqual(['view.panel', 'view.tab']);
  });

  it('an invalid scenario lists its field errors under "scenario."', () => {
    const s = examples[0]!.scenario;
    if (s.lab !== 'process') throw new Error('the first example is a process scenario');
    const broken = { ...s, actions: [...s.actions, { type: 'multicast', at: 3, node: 'P9', msg: 'zz' }] };
    const r = problem(packed(JSON.stringify({ scenario: broken, cursor: 0 })));
    expect(r.problem).toEqual({ code: 'invalid-scenario', count: 1 });
    expect(r.error.errors).toEqual([
      {
        path: `scenario.actions[${s.actions.length}].node`,
        message: '"P9" is not one of processes',
        zh: '"P9" 不在 processes 之中',
      },
    ]);
  });

  it('a nested-array bomb in place of a field is an error, not a stack overflow', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    for (const text of [
      `{"scenario":{"version":${deep}},"cursor":0}`,
      `{"scenario":{"version":1,"lab":"process","title":${deep}},"cursor":0}`,
      `{"scenario":${deep},"cursor":0}`,
      deep,
    ]) {
      const { r } = decodeSafely(packed(text));
      expect(r.ok).toBe(false);
    }
  });
});

describe('share link fuzzing: corrupted or random links never throw, stay bounded, and fail unless valid', () => {
  // Three examples and a generated scenario: every truncation and bit flip of each stays a few
  // thousand decodes apiece, however many examples the folder grows to.
  const links = examples.slice(0, 3).map(({ scenario }) => encodeShare({ scenario, cursor: 5 }));
  const generated = fc.sample(processScenario, { numRuns: 1, seed: 42 })[0]!;
  links.push(encodeShare({ scenario: generated, cursor: 0, lang: 'en' }));

  it('property: 3,000 random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (s) => {
        decodeSafely(s);
        decodeSafely(`#v1.${s}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('property: 3,000 random base64url payloads behind a valid prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{0,400}$/), (s) => {
        expect(decodeSafely(`v1.${s}`).r.ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('every truncation of real links fails', () => {
    // Cutting k ≥ 1 characters drops at least the last deflate byte, which holds the end of the
    // end-of-block code (RFC 1951 §3.2.5), so no strict prefix is a complete stream.
    let n = 0;
    for (const link of links) {
      for (let len = 0; len < link.length; len++) {
        expect(decodeSafely(link.slice(0, len)).r.ok).toBe(false);
        n++;
      }
    }
    expect(n).toBeGreaterThan(500);
  });

  it('every single-bit flip of real links decodes safely (valid only if the flip left a valid document)', () => {
    let n = 0;
    for (const link of links) {
      const bytes = Buffer.from(link.slice(3), 'base64url');
      for (let bit = 0; bit < bytes.length * 8; bit++) {
        const flipped = Uint8Array.from(bytes);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        decodeSafely(`v1.${b64url(flipped)}`);
        n++;
      }
    }
    expect(n).toBeGreaterThan(2000);
  });

  it('property: 1,000 random byte payloads, compressed, are not share documents', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(decodeSafely(`v1.${b64url(deflateSync(bytes))}`).r.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: 1,000 random JSON values, compressed, fail unless they are share documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        expect(decodeSafely(packed(JSON.stringify(v))).r.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: 500 real links with random bytes spliced into the compressed data decode safely', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...links),
        fc.nat(),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        (link, where, junk) => {
          const bytes = Buffer.from(link.slice(3), 'base64url');
          const at = where % bytes.length;
          const out = new Uint8Array(bytes.length + junk.length);
          out.set(bytes.subarray(0, at));
          out.set(junk, at);
          out.set(bytes.subarray(at), at + junk.length);
          decodeSafely(`v1.${b64url(out)}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('deflate bombs of every shape stop at the bound', () => {
    const zeros = deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 });
    const spaces = deflateSync(strToU8(`{"scenario":${' '.repeat(4_000_000)}1}`), { level: 9 });
    const bigString = deflateSync(strToU8(`{"scenario":{"title":"${'x'.repeat(3_000_000)}"},"cursor":0}`), {
      level: 9,
    });
    for (const data of [zeros, spaces, bigString]) {
      expect(inflateSync(data).length).toBeGreaterThan(SHARE_LIMITS.inflatedBytes);
      const { r } = decodeSafely(`v1.${b64url(data)}`);
      expect(r.ok ? null : r.problem.code).toBe('too-large');
    }
  });

  it('huge inputs are rejected by length alone', () => {
    for (const s of [
      'A'.repeat(10_000_000),
      `#v1.${'_'.repeat(SHARE_LIMITS.hashChars * 4)}`,
      '#'.repeat(1_000_000),
    ]) {
      const { r, meter } = decodeSafely(s);
      expect(r.ok).toBe(false);
      expect(meter.pushes).toBe(0);
    }
  });
});
