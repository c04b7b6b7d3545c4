/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, runnerImport } from 'vite';
import type * as GenSchema from './scripts/gen-schema';

/**
 * Emit the scenario format's JSON Schema into the build as `scenario.schema.json`, generated
 * from the zod schema (never committed). Loaded through Vite's module runner at build time, so
 * the config itself imports no TypeScript module by an extensionless path.
 */
function scenarioSchema(): Plugin {
  return {
    name: 'multicast-lab:scenario-schema',
    apply: 'build',
    async generateBundle() {
      const { module } = await runnerImport<typeof GenSchema>(
        fileURLToPath(new URL('./scripts/gen-schema.ts', import.meta.url)),
      );
      this.emitFile({
        type: 'asset',
        fileName: 'scenario.schema.json',
        source: module.scenarioJsonSchemaText(),
      });
    },
  };
}

// base: './' makes the static build work from any sub-path, so a course can host it anywhere.
export default defineConfig({
  base: './',
  plugins: [react(), scenarioSchema()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // The network lab's and PIM's views are their own chunk, loaded on demand (src/ui/App.tsx).
    // The entry chunk left (about 1.07 MB minified, 345 kB gzipped) is what the first screen
    // needs: React, zod (a shared link is validated at boot), the lessons, the simulators with
    // xstate (simulate is synchronous and runs at boot), i18next and the space-time diagram.
    // The limit sits just above it as a budget: past it, look for another split first.
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'scripts/**/*.test.ts',
      'scripts/**/*.test.mjs',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 120_000,
  },
});
