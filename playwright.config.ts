import { defineConfig } from '@playwright/test';

/**
 * e2e against the production build (vite build + vite preview): some bugs exist only there
 * (TOOLCHAIN.md: d3-transition and sideEffects). Browsers cannot be downloaded here, so we drive
 * Debian's Chromium; set CHROMIUM_PATH to use another build.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** E2E_PORT lets a second run (another checkout, another engineer) serve the build beside the first. */
const port = Number(process.env.E2E_PORT ?? 4173);
/** E2E_OUTDIR builds and serves elsewhere than dist/, so a build running beside it cannot empty the served folder. */
const outDir = process.env.E2E_OUTDIR ? ` --outDir ${JSON.stringify(process.env.E2E_OUTDIR)}` : '';
const buildArgs = outDir ? ` --${outDir} --emptyOutDir` : '';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PW_JSON
    ? [['json', { outputFile: '.playwright-report.json' }], ['list']]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npm run build${buildArgs} && ./node_modules/.bin/vite preview${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
