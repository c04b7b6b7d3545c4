import { readFileSync, statSync } from 'node:fs';
import { checkAll } from '../checks';
import { simulate } from '../scenarios/simulate';
import type { Trace } from '../sim/trace';
import { type Loaded, loadLink, loadScenarioText, loadStdin, looksLikeLink } from './load';

/**
 * The headless runner (ARCHITECTURE.md, "CLI"): a scenario file, a share link, or `-` for stdin
 * → the trace as JSON on stdout. Bad input exits with status 2 and the same field-precise
 * message the app shows; a scenario that validates but cannot be simulated exits with 1.
 */

const USAGE = `usage: npm run -s sim -- <scenario.json | share-URL | -> [--pretty] [--check]

  scenario.json   a scenario file (docs/scenario-format.md)
  share-URL       a whole share link, "#v1.…", or "v1.…"
  -               read a scenario or a share link from stdin

  --pretty        indent the JSON
  --check         print {"trace": …, "checks": […]}: the trace and the checkers' verdicts
                  (FIFO, causal, total, sync: which hold in this run, and the first violation)
  --help          this text

Prints the trace (docs/scenario-format.md, "The trace") as JSON on stdout.
Exit status: 0 done, 1 the scenario could not be simulated, 2 bad input or usage.`;

const FLAGS = new Set(['--pretty', '--check', '--help', '-h']);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function loadFile(path: string): Loaded {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, message: `${path}: cannot read it (${e instanceof Error ? e.message : String(e)})` };
  }
  return loadScenarioText(path, text);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

async function load(arg: string): Promise<Loaded> {
  if (arg === '-') return loadStdin(await readStdin());
  // An existing file wins, so a file whose name contains "#" still loads as a file.
  if (isFile(arg)) return loadFile(arg);
  if (looksLikeLink(arg)) return loadLink('link', arg);
  return {
    ok: false,
    message: `${arg}: no such file, and not a share link (those contain "#" or start with "v1.")`,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const inputs = argv.filter((a) => a === '-' || !a.startsWith('-'));
  const flags = argv.filter((a) => a !== '-' && a.startsWith('-'));
  if (flags.includes('--help') || flags.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = flags.find((f) => !FLAGS.has(f));
  if (unknown !== undefined || inputs.length !== 1) {
    const why = unknown !== undefined ? `unknown option ${unknown}` : 'give exactly one input';
    process.stderr.write(`sim: ${why}\n${USAGE}\n`);
    return 2;
  }
  const loaded = await load(inputs[0]!);
  if (!loaded.ok) {
    process.stderr.write(`sim: ${loaded.message}\n`);
    return 2;
  }
  let trace: Trace;
  try {
    trace = simulate(loaded.scenario);
  } catch (e) {
    process.stderr.write(
      `sim: cannot simulate this scenario: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 1;
  }
  const out = flags.includes('--check') ? { trace, checks: checkAll(trace) } : trace;
  process.stdout.write(`${JSON.stringify(out, null, flags.includes('--pretty') ? 2 : undefined)}\n`);
  return 0;
}

// exitCode, not exit(): a large trace written to a pipe must flush before Node ends.
process.exitCode = await main(process.argv.slice(2));
