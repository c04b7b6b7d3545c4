#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, with one summary.
 *
 *   1. typecheck  tsc --noEmit (one check)
 *   2. lint       biome check (one check)
 *   3. unit       vitest run: unit and property tests, counted from its JSON report
 *   4. e2e        Playwright in Chromium against the production build, counted from its JSON report
 *
 * The last line is exactly `N passed, N failed` (CI reads it); the exit code is non-zero when
 * anything failed or nothing ran. Skipped tests are never counted as passed: they are listed as
 * a warning. Every stage runs even when an earlier one failed, so one run shows every problem.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { countPlaywright, countVitest, settle } from './test-report.mjs';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const tmp = mkdtempSync(join(tmpdir(), 'multicast-lab-test-'));
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const red = (s) => paint('31', s);
const green = (s) => paint('32', s);
const yellow = (s) => paint('33', s);
const bold = (s) => paint('1', s);

/** One row per stage: name, passed, failed, skipped, and what to show when it failed. */
const results = [];

/** Run a command; stream its output when `stream`, always keep it for the failure report. */
function run(cmd, args, { stream = false, env = {} } = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (target) => (chunk) => {
      const text = chunk.toString();
      out += text;
      if (stream) target.write(text);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('error', (err) => done({ code: 127, out: `${out}\n${err.message}` }));
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 128 : 1), out }));
  });
}

/** A command's output lines, without npm's harmless config warnings. */
const outputLines = (out) =>
  out
    .split('\n')
    .filter((l) => !l.includes('npm warn Unknown user config'))
    .join('\n')
    .trim()
    .split('\n');

/** The last lines of a command's output: where a crashed runner says why. */
const tail = (out, lines = 30) => outputLines(out).slice(-lines).join('\n');

/** The first lines of a checker's output: its first complaints, which name the files. */
function head(out, lines = 40) {
  const all = outputLines(out);
  const more = all.length > lines ? `\n  … ${all.length - lines} more lines` : '';
  return all.slice(0, lines).join('\n') + more;
}

/** The first lines of an error message, enough to see what went wrong: no blank lines, no library stack frames. */
function firstLines(text, lines = 10) {
  return stripVTControlCharacters(String(text ?? ''))
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s*at .*node_modules/.test(l))
    .slice(0, lines)
    .map((l) => `      ${l.length > 220 ? `${l.slice(0, 220)}…` : l}`)
    .join('\n');
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function header(name) {
  console.log(`\n${bold(`▶ ${name}`)}`);
}

/** A stage that is one check: it passes when the command exits 0; on failure, its first lines and a hint. */
async function commandStage(name, cmd, args, hint) {
  header(`${name}: ${[cmd.replace(`${root}/`, ''), ...args].join(' ')}`);
  const { code, out } = await run(cmd, args);
  if (code === 0) {
    console.log(green(`  ✓ ${name} passed`));
    results.push({ name, passed: 1, failed: 0, skipped: [] });
  } else {
    console.log(head(out, 60));
    console.log(red(`  ✗ ${name} failed (exit code ${code})`));
    if (hint) console.log(`    ${hint}`);
    results.push({ name, passed: 0, failed: 1, skipped: [] });
  }
}

/** Vitest's JSON report (Jest-compatible): count assertions; a file that did not load is one failure. */
async function unitStage() {
  const report = join(tmp, 'vitest.json');
  header('unit and property tests: vitest run');
  const { code, out } = await run(
    bin('vitest'),
    ['run', '--reporter=dot', '--reporter=json', `--outputFile.json=${report}`],
    { stream: true, env: color ? {} : { NO_COLOR: '1' } },
  );
  const json = readJson(report);
  const count = json
    ? countVitest(json, root)
    : {
        passed: 0,
        failed: 1,
        skipped: [],
        failures: [{ title: 'vitest produced no report', error: tail(out) }],
      };
  finishRunnerStage('unit', count, code, out, 'vitest');
}

/** Chromium for Playwright: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else `chromium` on PATH. */
function findChromium() {
  const executable = (p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (process.env.CHROMIUM_PATH)
    return executable(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, 'chromium');
    if (dir && executable(p)) return p;
  }
  return null;
}

/** A TCP port nothing listens on right now. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Playwright's JSON report: walk suites → specs → tests; global errors (a failed build) count too. */
async function e2eStage() {
  header('e2e: playwright test (Chromium, production build)');
  const chromium = findChromium();
  if (!chromium) {
    const asked = process.env.CHROMIUM_PATH;
    console.log(
      red(
        [
          asked
            ? `  ✗ CHROMIUM_PATH=${asked} is not an executable file.`
            : '  ✗ No Chromium found (looked for $CHROMIUM_PATH, /usr/bin/chromium and `chromium` on the PATH).',
          '    The end-to-end tests drive a real Chromium. Get one of these:',
          '      • Debian/Ubuntu:  sudo apt-get install chromium',
          '      • or point CHROMIUM_PATH at any Chromium or Chrome binary:',
          '          CHROMIUM_PATH=/path/to/chrome npm test',
        ].join('\n'),
      ),
    );
    results.push({ name: 'e2e', passed: 0, failed: 1, skipped: [] });
    return;
  }
  // A free port and a private build folder: the run always builds and serves its own production
  // build, never a preview server or a dist/ folder that something else left running or is rewriting.
  const port = process.env.E2E_PORT ?? String(await freePort());
  const outDir = process.env.E2E_OUTDIR ?? join(tmp, 'dist');
  console.log(`  Chromium: ${chromium}; production build in ${outDir}, served on port ${port}`);
  const report = join(tmp, 'playwright.json');
  const { code, out } = await run(bin('playwright'), ['test', '--reporter=list,json'], {
    stream: true,
    // Playwright sets FORCE_COLOR for its workers itself, so plain output is asked for the same way.
    env: {
      CHROMIUM_PATH: chromium,
      E2E_PORT: port,
      E2E_OUTDIR: outDir,
      PLAYWRIGHT_JSON_OUTPUT_FILE: report,
      ...(color ? {} : { FORCE_COLOR: '0' }),
    },
  });
  const json = readJson(report);
  const count = json
    ? countPlaywright(json)
    : {
        passed: 0,
        failed: 1,
        skipped: [],
        failures: [{ title: 'playwright produced no report', error: tail(out) }],
      };
  finishRunnerStage('e2e', count, code, out, 'playwright');
}

/** Print a runner stage's count, its failures and skipped tests, and record it. */
function finishRunnerStage(name, count, code, out, runner) {
  const r = { name, ...settle(count, code, runner, tail(out, 10)) };
  const line = `  ${r.passed} passed, ${r.failed} failed${r.skipped.length ? `, ${r.skipped.length} skipped` : ''}`;
  console.log(r.failed ? red(`  ✗ ${r.name}:${line}`) : green(`  ✓ ${r.name}:${line}`));
  for (const f of r.failures) console.log(`${red(`    ✗ ${f.title}`)}\n${firstLines(f.error)}`);
  for (const s of r.skipped) console.log(yellow(`    ⚠ skipped (not counted as passed): ${s}`));
  results.push(r);
}

async function main() {
  await commandStage('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  // The summary reporter lists the files with errors; warnings do not fail the check, so they are left out here.
  await commandStage(
    'lint',
    bin('biome'),
    [
      'check',
      '--diagnostic-level=error',
      '--reporter=summary',
      'src',
      'e2e',
      'scripts',
      'bench',
      'vite.config.ts',
      'playwright.config.ts',
    ],
    'Details: `npm run lint`. Formatting is fixed by `npm run format`.',
  );
  await unitStage();
  await e2eStage();

  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const skipped = results.reduce((n, r) => n + r.skipped.length, 0);
  console.log(`\n${bold('Summary')}`);
  for (const r of results) {
    const mark = r.failed ? red('✗') : green('✓');
    console.log(`  ${mark} ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed`);
  }
  if (skipped)
    console.log(yellow(`  ⚠ ${skipped} skipped test(s): skipped tests are not allowed in this project`));
  if (passed + failed === 0) console.log(red('  ✗ nothing ran'));
  rmSync(tmp, { recursive: true, force: true });
  // The one line CI reads: keep it last and exactly this shape.
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

// Dependencies first: a fresh checkout without `npm install` gets a clear message, not a stack trace.
if (!existsSync(bin('vitest')) || spawnSync(bin('tsc'), ['--version']).status !== 0) {
  console.error('Dependencies are missing: run `npm install` (or `npm ci`) first.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
await main();
