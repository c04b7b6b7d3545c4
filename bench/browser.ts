import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

/**
 * In Chromium, against the production build served by `vite preview`: the time from a step key
 * (ArrowRight) to the next painted frame. Measured inside the page: from the keydown event's
 * timestamp to a message posted from the next requestAnimationFrame callback, which runs after
 * that frame's paint (rAF callbacks run just before style, layout and paint; the message is
 * handled once the frame is done). So it covers the app's keydown handler, the React commit,
 * the wait for the next frame and the frame's layout and paint, and not the time Playwright takes
 * to send the key. Also reported: the work alone, without the wait for the frame boundary.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const VITE = join(ROOT, 'node_modules/.bin/vite');

interface StepTiming {
  total: number;
  work: number;
  counter: string;
}

export interface StepPaintResult {
  chromium: string;
  /** Key press → painted frame, ms, one per press. */
  samples: number[];
  /**
   * The part of it that is work: the keydown handler and React commit, plus the frame's style,
   * layout and paint; the rest is waiting for the next frame boundary (up to one frame at 60 Hz).
   */
  work: number[];
  /** Presses after which the step counter showed a different step (should be all of them). */
  moved: number;
  consoleErrors: string[];
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    p.stdout.on('data', (d) => (output += d));
    p.stderr.on('data', (d) => (output += d));
    p.on('close', (code) => resolve({ code, output }));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Build, serve, open `#hash`, and press ArrowRight `presses` times (after `warmup` unmeasured ones). */
export async function measureStepPaint(hash: string, presses = 100, warmup = 10): Promise<StepPaintResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'mcl-bench-'));
  let preview: ChildProcess | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    const build = await run(VITE, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error']);
    if (build.code !== 0) throw new Error(`vite build failed:\n${build.output.slice(-2000)}`);
    const port = await freePort();
    // Started directly (not through npx) so it can be stopped by its own process id (TOOLCHAIN.md).
    preview = spawn(
      VITE,
      ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    // If the benchmark is interrupted, stop the server it started too.
    const stop = () => {
      if (preview?.pid) process.kill(preview.pid);
      process.exit(130);
    };
    process.once('SIGINT', stop).once('SIGTERM', stop);
    const base = `http://127.0.0.1:${port}/`;
    await waitForHttp(base, 20_000);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`${base}#${hash}`);
    const counter = page.getByTestId('step-counter');
    await counter.waitFor({ timeout: 20_000 });

    await page.evaluate(() => {
      const w = window as unknown as { __stepPaint: Promise<StepTiming> | null };
      w.__stepPaint = null;
      let committed = 0;
      // Capture phase on window: runs before the app's own keydown listener (on document).
      window.addEventListener(
        'keydown',
        (e) => {
          if (e.key !== 'ArrowRight') return;
          w.__stepPaint = new Promise((resolve) => {
            requestAnimationFrame(() => {
              const frame = performance.now();
              const ch = new MessageChannel();
              ch.port1.onmessage = () => {
                const painted = performance.now();
                resolve({
                  total: painted - e.timeStamp,
                  work: committed - e.timeStamp + (painted - frame),
                  counter: document.querySelector('[data-testid="step-counter"]')?.textContent ?? '',
                });
              };
              ch.port2.postMessage(0);
            });
          });
        },
        true,
      );
      // Bubble phase on window: after the app's listener; the microtask runs after React's own
      // (queued during the handler), so this is when the new step is committed to the DOM.
      window.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowRight') queueMicrotask(() => (committed = performance.now()));
      });
    });

    const samples: number[] = [];
    const work: number[] = [];
    let moved = 0;
    for (let i = 0; i < warmup + presses; i++) {
      const before = await counter.textContent();
      await page.keyboard.press('ArrowRight');
      const r = await page.evaluate(
        () => (window as unknown as { __stepPaint: Promise<StepTiming> }).__stepPaint,
      );
      // Let the frame after settle so presses do not queue behind each other.
      await page.evaluate(
        () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))),
      );
      if (i < warmup) continue;
      samples.push(r.total);
      work.push(r.work);
      if (r.counter !== before) moved++;
    }
    return { chromium: browser.version(), samples, work, moved, consoleErrors };
  } finally {
    await browser?.close();
    if (preview?.pid) process.kill(preview.pid);
    rmSync(outDir, { recursive: true, force: true });
  }
}
