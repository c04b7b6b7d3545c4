import { describe, expect, it } from 'vitest';
import { countPlaywright, countVitest, settle } from './test-report.mjs';

/** Reports shaped as Vitest's and Playwright's JSON reporters write them, with known contents. */
const vitestReport = {
  testResults: [
    {
      name: '/repo/src/a.test.ts',
      status: 'failed',
      assertionResults: [
        { fullName: 'a adds', status: 'passed' },
        {
          fullName: 'a subtracts',
          status: 'failed',
          failureMessages: ['AssertionError: expected 1 to be 2'],
        },
        { fullName: 'a later', status: 'skipped' },
        { fullName: 'a someday', status: 'todo' },
      ],
    },
    {
      name: '/repo/src/b.test.ts',
      status: 'passed',
      assertionResults: [{ fullName: 'b works', status: 'passed' }],
    },
    {
      name: '/repo/src/c.test.ts',
      status: 'failed',
      message: 'SyntaxError: Unexpected token',
      assertionResults: [],
    },
  ],
};

const test = (title, status, results = []) => ({ title, status, results });
const playwrightReport = {
  suites: [
    {
      title: 'shell.spec.ts',
      specs: [{ title: 'opens', tests: [test('opens', 'expected', [{ status: 'passed' }])] }],
      suites: [
        {
          title: 'keyboard',
          specs: [
            {
              title: 'steps',
              tests: [
                test('steps', 'unexpected', [
                  { status: 'failed', errors: [{ message: 'Error: timed out' }] },
                ]),
              ],
            },
            { title: 'later', tests: [test('later', 'skipped')] },
            {
              title: 'wobbles',
              tests: [
                test('wobbles', 'flaky', [
                  { status: 'failed', errors: [{ message: 'Error: once' }] },
                  { status: 'passed' },
                ]),
              ],
            },
          ],
        },
      ],
    },
  ],
  errors: [{ message: 'Error: Process from config.webServer was not able to start.' }],
};

describe('counting Vitest results', () => {
  const r = countVitest(vitestReport, '/repo');
  it('counts passes and failures per test, and a file that did not load as one failure', () => {
    expect(r.passed).toBe(2);
    expect(r.failed).toBe(2);
    expect(r.failures.map((f) => f.title)).toEqual([
      'src/a.test.ts › a subtracts',
      'src/c.test.ts (did not run)',
    ]);
    expect(r.failures[1].error).toContain('SyntaxError');
  });
  it('never counts a skipped or todo test as passed', () => {
    expect(r.skipped).toEqual(['src/a.test.ts › a later (skipped)', 'src/a.test.ts › a someday (todo)']);
  });
});

describe('counting Playwright results', () => {
  const r = countPlaywright(playwrightReport);
  it('walks nested suites and names each test by its path', () => {
    expect(r.passed).toBe(1);
    expect(r.failures.map((f) => f.title)).toEqual([
      'shell.spec.ts › keyboard › steps (unexpected)',
      'shell.spec.ts › keyboard › wobbles (flaky)',
      'Playwright error outside any test',
    ]);
  });
  it('counts a flaky test and an error outside any test as failures, with their first error', () => {
    expect(r.failed).toBe(3);
    expect(r.failures[1].error).toBe('Error: once');
    expect(r.failures[2].error).toContain('webServer');
  });
  it('never counts a skipped test as passed', () => {
    expect(r.skipped).toEqual(['shell.spec.ts › keyboard › later']);
  });
});

describe('settling a runner stage', () => {
  const clean = { passed: 3, failed: 0, skipped: [], failures: [] };
  it('keeps a clean run as it is', () => {
    expect(settle(clean, 0, 'vitest', '')).toEqual(clean);
  });
  it('turns a non-zero exit with no failed test into one failure', () => {
    const r = settle(clean, 1, 'playwright', 'Error: boom');
    expect(r.failed).toBe(1);
    expect(r.failures[0]).toEqual({ title: 'playwright exited with code 1', error: 'Error: boom' });
  });
  it('turns a run of no tests into one failure, even when the runner exited 0', () => {
    const r = settle({ passed: 0, failed: 0, skipped: ['x'], failures: [] }, 0, 'vitest', '');
    expect(r.failed).toBe(1);
    expect(r.failures[0]?.title).toBe('vitest ran no tests');
  });
});
