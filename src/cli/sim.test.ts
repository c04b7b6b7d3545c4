import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProcessScenario } from '../scenarios/schema';
import { simulate } from '../scenarios/simulate';
import { encodeShare } from '../scenarios/url';
import { validateScenario } from '../scenarios/validate';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const EXAMPLE = join(ROOT, 'src/scenarios/examples/fifo-holdback.json');
const dir = mkdtempSync(join(tmpdir(), 'mcl-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the CLI as a user would: a separate process, arguments, optional stdin. */
function sim(args: string[], input?: string) {
  const r = spawnSync(TSX, ['src/cli/sim.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const exampleText = readFileSync(EXAMPLE, 'utf8');
const parsed = validateScenario(JSON.parse(exampleText));
if (!parsed.ok) throw new Error('the example scenario is invalid');
const example = parsed.value as ProcessScenario;
/** The trace the CLI must print: simulate() of the same scenario, in this process. */
const expectedJson = JSON.stringify(simulate(example));

describe('npm run sim', () => {
  it('prints the trace of every example scenario file as JSON', () => {
    const examples = join(ROOT, 'src/scenarios/examples');
    const files = readdirSync(examples).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const v = validateScenario(JSON.parse(readFileSync(join(examples, f), 'utf8')));
      if (!v.ok) throw new Error(`${f} is not a valid scenario`);
      const r = sim([join(examples, f)]);
      expect({ f, status: r.status, stderr: r.stderr }).toEqual({ f, status: 0, stderr: '' });
      expect(r.stdout).toBe(`${JSON.stringify(simulate(v.value))}\n`);
      const trace = JSON.parse(r.stdout);
      expect(trace.events.length).toBeGreaterThan(0);
      expect(trace.events.map((e: { step: number }) => e.step)).toEqual(
        trace.events.map((_: unknown, i: number) => i),
      );
    }
  });

  it('prints the same trace for a share link, whole URL or hash text', () => {
    const hash = encodeShare({ scenario: example, cursor: 3, lang: 'zh' });
    expect(sim([`https://example.edu/lab/#${hash}`]).stdout).toBe(`${expectedJson}\n`);
    expect(sim([hash]).stdout).toBe(`${expectedJson}\n`);
  });

  it('reads a scenario or a link from stdin with "-"', () => {
    expect(sim(['-'], exampleText).stdout).toBe(`${expectedJson}\n`);
    const link = sim(['-'], `#${encodeShare({ scenario: example, cursor: 0 })}\n`);
    expect(link.status).toBe(0);
    expect(link.stdout).toBe(`${expectedJson}\n`);
  });

  it('--pretty indents the same JSON', () => {
    const r = sim([EXAMPLE, '--pretty']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\n  "events": [');
    expect(JSON.stringify(JSON.parse(r.stdout))).toBe(expectedJson);
  });

  it("--check adds the checkers' verdicts: FIFO holds under fifo, and fails where fifo held back when run unordered", () => {
    type Out = {
      trace: unknown;
      checks: { guarantee: string; holds: boolean; violation?: { node: string } }[];
    };
    const fifoRun = sim([EXAMPLE, '--check']);
    expect(fifoRun.status).toBe(0);
    const withFifo = JSON.parse(fifoRun.stdout) as Out;
    expect(JSON.stringify(withFifo.trace)).toBe(expectedJson);
    expect(withFifo.checks.map((c) => c.guarantee).sort()).toEqual(['causal', 'fifo', 'sync', 'total']);
    expect(withFifo.checks.find((c) => c.guarantee === 'fifo')?.holds).toBe(true);
    // Latencies are drawn per copy, so the unordered run sees the same arrivals; it delivers on
    // arrival, so FIFO breaks exactly where the FIFO layer had to hold a message back.
    const events = (withFifo.trace as { events: { type: string; node: string }[] }).events;
    const heldAt = new Set(events.filter((e) => e.type === 'holdback').map((e) => e.node));
    expect(heldAt.size).toBeGreaterThan(0);
    const file = join(dir, 'unordered.json');
    writeFileSync(file, JSON.stringify({ ...example, ordering: 'unordered' }));
    const unordered = JSON.parse(sim([file, '--check']).stdout) as Out;
    const fifo = unordered.checks.find((c) => c.guarantee === 'fifo');
    expect(fifo?.holds).toBe(false);
    expect(heldAt.has(fifo?.violation?.node ?? '')).toBe(true);
  });

  it('a scenario with a bad field exits 2 and names the field', () => {
    const i = example.actions.length - 1;
    const bad = { ...example, actions: example.actions.map((a, j) => (j === i ? { ...a, node: 'P9' } : a)) };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = sim([file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`actions[${i}].node: "P9" is not one of processes`);
  });

  it('the same bad field in a share link is named under "scenario."', () => {
    const bad = { ...example, processes: ['P0', 'P0', 'P2'] };
    const r = sim([`#${encodeShare({ scenario: bad as ProcessScenario, cursor: 0 })}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scenario.processes[1]: duplicate process id "P0"');
  });

  it('a file that is not JSON, a missing file, a cut-off link and a bad option exit 2 with a reason', () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{"version": 1,');
    const a = sim([notJson]);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('not JSON');
    const b = sim([join(dir, 'missing.json')]);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('no such file');
    const hash = encodeShare({ scenario: example, cursor: 0 });
    const c = sim([`#${hash.slice(0, hash.length - 6)}`]);
    expect(c.status).toBe(2);
    expect(c.stderr).toContain('cut off');
    const d = sim([EXAMPLE, '--frobnicate']);
    expect(d.status).toBe(2);
    expect(d.stderr).toContain('unknown option --frobnicate');
    expect(sim([]).status).toBe(2);
  });
});
