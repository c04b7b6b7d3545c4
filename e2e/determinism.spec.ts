/**
 * Determinism, Node vs browser (issue 2, "Done means"): the same scenario gives the identical
 * trace JSON, byte for byte, in Node and in Chromium.
 *
 * How, and why this way. The production app has no hook that runs `simulate` on demand, and
 * adding one only for this test would ship test code to every student. So the spec builds the
 * very same source — src/scenarios/simulate.ts with everything it imports: the engine, the
 * protocols, xstate and zod — with the project's own bundler (Vite), in production mode and
 * minified as `npm run build` does, into one script held in memory. It loads that script
 * into a blank page of the Chromium the other specs drive and simulates there, while Node runs the
 * unbundled TypeScript. The two JSON strings must be equal for every example scenario, every
 * lesson step's scenario and a fixed set of random scenarios under every ordering. Nothing is
 * added to the app or to dist/.
 *
 * A second test ties this to the shipped bundle itself: each example opened as a share link in
 * the production app lists, in its event log (the diagram's text twin), exactly the events
 * (step, time, node, message, sender) that Node's trace holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { build, type Rollup } from 'vite';
import { ui } from '../src/i18n/ui';
import { views } from '../src/i18n/views';
import { LESSONS, resolveStepScenario } from '../src/scenarios/lessons';
import { ORDERINGS, type Ordering } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import { errorsToText, validateScenario } from '../src/scenarios/validate';
import { expect, openScenario, test } from './fixtures';

const root = resolve(import.meta.dirname, '..');
const GLOBAL = 'MulticastLabDeterminism';

/** Bundle simulate for the browser the way the production build bundles the app. */
async function browserBundle(): Promise<string> {
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: {
        entry: join(root, 'src/scenarios/simulate.ts'),
        formats: ['iife'],
        name: GLOBAL,
        fileName: 'determinism',
      },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((c): c is Rollup.OutputChunk => c.type === 'chunk');
  if (!chunk) throw new Error('the determinism bundle has no code');
  return chunk.code;
}

/** A random but valid process scenario under `ordering`: 2–8 processes, multicasts, loss, interventions. */
function randomScenario(ordering: Ordering) {
  return fc.integer({ min: 2, max: 8 }).chain((n) => {
    const procs = Array.from({ length: n }, (_, i) => `P${i}`);
    return fc
      .record({
        seed: fc.nat(),
        latency: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 })),
        loss: fc.constantFrom(0, 0, 0.1, 0.3),
        sends: fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 30 }),
            node: fc.constantFrom(...procs),
            sync: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        edits: fc.array(
          fc.record({ msg: fc.nat(11), to: fc.constantFrom(...procs), drop: fc.boolean(), at: fc.nat(40) }),
          { maxLength: 3 },
        ),
        clocks: fc.array(
          fc.record({ offset: fc.integer({ min: -20, max: 20 }), drift: fc.integer({ min: -20, max: 20 }) }),
          {
            minLength: n,
            maxLength: n,
          },
        ),
      })
      .map((r) => ({
        version: 1,
        lab: 'process',
        seed: r.seed,
        processes: procs,
        ordering,
        network: { latency: [r.latency[0], r.latency[0] + r.latency[1]], loss: r.loss },
        ...(ordering === 'globaltime'
          ? {
              clocks: Object.fromEntries(
                procs.map((p, i) => [p, { offset: r.clocks[i]!.offset, drift: r.clocks[i]!.drift / 100 }]),
              ),
            }
          : {}),
        actions: r.sends.map((s, i) => ({
          type: ordering === 'sync' && s.sync ? 'sync' : 'multicast',
          at: s.at,
          node: s.node,
          msg: `m${i + 1}`,
        })),
        interventions: r.edits.map((e) =>
          e.drop
            ? { copy: `m${e.msg + 1}@${e.to}`, drop: true }
            : { copy: `m${e.msg + 1}@${e.to}`, deliverAt: e.at },
        ),
      }));
  });
}

/** The example scenarios (the folder the CLI and the tests share), by file name. */
function examples(): { name: string; text: string }[] {
  const dir = join(root, 'src/scenarios/examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: `example ${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/** Every scenario the test compares, by name, as the JSON text a file or link would hold. */
function scenarios(): { name: string; text: string }[] {
  const list = examples();
  for (const lesson of LESSONS)
    lesson.steps.forEach((step, i) => {
      if (step.scenario)
        list.push({
          name: `lesson ${lesson.id} step ${i + 1}`,
          text: JSON.stringify(resolveStepScenario(lesson, i)),
        });
    });
  // A fixed fast-check seed: the same random scenarios on every run, so a failure reproduces.
  ORDERINGS.forEach((ordering, k) => {
    fc.sample(randomScenario(ordering), { seed: 20_24 + k, numRuns: 12 }).forEach((s, i) => {
      list.push({ name: `random ${ordering} #${i + 1}`, text: JSON.stringify(s) });
    });
  });
  return list;
}

/** Where two strings first differ, with a little context, or null when they are equal. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `differ at character ${i}:\n  browser: …${a.slice(Math.max(0, i - 60), i + 60)}\n  node:    …${b.slice(Math.max(0, i - 60), i + 60)}`;
}

test('simulate gives byte-identical trace JSON in Node and in Chromium', async ({ page }) => {
  const code = await browserBundle();
  const cases = scenarios().map(({ name, text }) => {
    const v = validateScenario(JSON.parse(text));
    if (!v.ok) throw new Error(`${name} is not a valid scenario:\n${errorsToText(v.errors)}`);
    return { name, input: JSON.stringify(v.value) };
  });
  const inNode = cases.map((c) => {
    try {
      return JSON.stringify(simulate(JSON.parse(c.input)));
    } catch (e) {
      return `threw: ${(e as Error).message}`;
    }
  });

  await page.setContent('<!doctype html><html lang="en"><title>determinism</title></html>');
  await page.addScriptTag({ content: code });
  const inBrowser = await page.evaluate(
    ({ inputs, global }) => {
      const api = (window as unknown as Record<string, { simulate(s: unknown): unknown }>)[global]!;
      return inputs.map((text) => {
        try {
          return JSON.stringify(api.simulate(JSON.parse(text)));
        } catch (e) {
          return `threw: ${(e as Error).message}`;
        }
      });
    },
    { inputs: cases.map((c) => c.input), global: GLOBAL },
  );

  expect(inBrowser).toHaveLength(cases.length);
  cases.forEach((c, i) => {
    expect(firstDifference(inBrowser[i]!, inNode[i]!), c.name).toBeNull();
  });
  // A scenario that throws in both places would be "identical" but is a bug all the same.
  const threw = cases.flatMap((c, i) => (inNode[i]!.startsWith('threw:') ? [`${c.name}: ${inNode[i]}`] : []));
  expect(threw, 'scenarios whose simulation threw').toEqual([]);
  // Every ordering took part, so no ordering's determinism went unchecked.
  const orderings = new Set(cases.map((c) => (JSON.parse(c.input) as { ordering: string }).ordering));
  expect([...orderings].sort()).toEqual([...ORDERINGS].sort());
});

test('the production app lists the same events as Node for every example link', async ({ page }) => {
  for (const { name, text } of examples()) {
    const v = validateScenario(JSON.parse(text));
    if (!v.ok) throw new Error(`${name} is not a valid scenario:\n${errorsToText(v.errors)}`);
    const trace = simulate(v.value);
    // A fresh document per example, so each link boots the app as a student opening it would.
    await page.goto('about:blank');
    await openScenario(page, v.value, trace.events.length);
    const show = page.getByRole('button', { name: ui.en.panels.showLog });
    if (await show.isVisible()) await show.click();
    const rows = page.getByRole('table', { name: views.en.log.caption }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? '')),
    );
    // The log lists the run's last events (all of them for a short run): compare each one it lists.
    const expected = trace.events
      .slice(trace.events.length - shown.length)
      .map((e) => [String(e.step), String(e.time), e.node, e.msg ?? '', e.from ?? '']);
    const seen = shown.map((c) => [c[0], c[1], c[2], c[4], c[5]]);
    expect(seen, name).toEqual(expected);
  }
});
