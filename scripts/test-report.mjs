/**
 * Counting tests from the runners' JSON reports, for `npm test` (scripts/test-all.mjs). Pure, so
 * the rules that decide the final `N passed, N failed` line are tested on their own
 * (test-report.test.mjs): a skipped test is never a pass, a test file that failed to load is a
 * failure, and an error outside any test (a build that broke) is a failure too.
 */

/** @typedef {{ title: string, error: string | undefined }} Failure */
/** @typedef {{ passed: number, failed: number, skipped: string[], failures: Failure[] }} Count */

/** Vitest's JSON report (Jest-compatible): one entry per test file, one assertion result per test. */
export function countVitest(json, root = '') {
  /** @type {Count} */
  const r = { passed: 0, failed: 0, skipped: [], failures: [] };
  for (const file of json.testResults ?? []) {
    const rel = root && file.name.startsWith(`${root}/`) ? file.name.slice(root.length + 1) : file.name;
    let failedHere = 0;
    for (const a of file.assertionResults ?? []) {
      const title = `${rel} › ${a.fullName}`;
      if (a.status === 'passed') r.passed++;
      else if (a.status === 'failed') {
        r.failed++;
        failedHere++;
        r.failures.push({ title, error: (a.failureMessages ?? []).join('\n') });
      } else r.skipped.push(`${title} (${a.status})`);
    }
    if (file.status === 'failed' && failedHere === 0) {
      r.failed++;
      r.failures.push({ title: `${rel} (did not run)`, error: file.message });
    }
  }
  return r;
}

/** Playwright's JSON report: suites (files, describes) → specs → one test per project. */
export function countPlaywright(json) {
  /** @type {Count} */
  const r = { passed: 0, failed: 0, skipped: [], failures: [] };
  const walk = (suite, path) => {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? []) {
        const title = [...here, spec.title].join(' › ');
        if (t.status === 'expected') r.passed++;
        else if (t.status === 'skipped') r.skipped.push(title);
        else {
          // "unexpected", or "flaky": passed only on a retry, so it failed at least once.
          r.failed++;
          const bad = (t.results ?? []).find((x) => x.status !== 'passed' && x.status !== 'skipped');
          const error = bad?.errors?.map((e) => e.message ?? e.value).join('\n') ?? bad?.error?.message;
          r.failures.push({ title: `${title} (${t.status})`, error });
        }
      }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const s of json.suites ?? []) walk(s, []);
  for (const e of json.errors ?? []) {
    r.failed++;
    r.failures.push({ title: 'Playwright error outside any test', error: e.message ?? e.value });
  }
  return r;
}

/**
 * A runner that exits non-zero with nothing counted failed, or that ran no test at all, failed
 * too: CI must never read "0 failed" off a run that crashed or found nothing.
 */
export function settle(count, exitCode, runner, output) {
  const r = { ...count, failures: [...count.failures] };
  if (r.failed === 0 && exitCode !== 0) {
    r.failed = 1;
    r.failures.push({ title: `${runner} exited with code ${exitCode}`, error: output });
  }
  if (r.passed + r.failed === 0) {
    r.failed = 1;
    r.failures.push({ title: `${runner} ran no tests`, error: output });
  }
  return r;
}
