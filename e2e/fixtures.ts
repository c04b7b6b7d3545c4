import { test as base, expect, type Page } from '@playwright/test';
import type { Scenario } from '../src/scenarios/schema';
import { encodeShare, type ShareDoc } from '../src/scenarios/url';

/**
 * The e2e suite's `test`: Playwright's, plus an automatic watch on the page's console and
 * uncaught exceptions. Issue 2 asks for "no console errors anywhere", so every spec that imports
 * `test` from here fails when the page logged an error, threw, or crashed — even if all its
 * assertions passed.
 */
export const test = base.extend<{
  /** Console errors a spec expects and accepts (matched against the text). Empty by default. */
  allowedConsoleErrors: RegExp[];
  /** What went wrong on the page so far; checked when the test ends. */
  pageProblems: string[];
}>({
  allowedConsoleErrors: [[], { option: true }],
  pageProblems: [
    async ({ page, allowedConsoleErrors }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const text = m.text();
        if (!allowedConsoleErrors.some((re) => re.test(text))) problems.push(`console.error: ${text}`);
      });
      page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.name}: ${e.message}`));
      page.on('crash', () => problems.push('the page crashed'));
      await use(problems);
      expect(problems, 'console errors, uncaught exceptions or crashes on the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** The scenario the app shows with no link, or instead of a bad one. */
export { DEFAULT_SCENARIO } from '../src/ui/defaultScenario';
export { expect };

/**
 * Open the app on a share link for `scenario` at `cursor` (events shown), the way a student
 * opens a link an instructor sent. `extra` adds the link's lesson, language or presenter flag.
 */
export async function openScenario(
  page: Page,
  scenario: Scenario,
  cursor = 0,
  extra: Omit<ShareDoc, 'scenario' | 'cursor'> = {},
): Promise<void> {
  await page.goto(`./#${encodeShare({ scenario, cursor, ...extra })}`);
}
