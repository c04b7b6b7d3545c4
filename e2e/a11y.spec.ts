/**
 * Accessibility (issue 2, "Done means"): an axe scan of the screens a student and an instructor
 * see — the main screen, a lesson step in both languages, the lessons dialog, and presenter
 * mode — finds no serious or critical violation. Minor and moderate findings are not failures
 * here; the scan still lists them in the report's attachment.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { LESSONS, resolveCursor, resolveStepScenario } from '../src/scenarios/lessons';
import { simulate } from '../src/scenarios/simulate';
import { DEFAULT_SCENARIO, expect, openScenario, test } from './fixtures';

/** Scan the page as it is now; fail on serious or critical violations, naming each and where. */
async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, screen: string) {
  const result = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe ${screen}`, {
    body: JSON.stringify(result.violations, null, 2),
    contentType: 'application/json',
  });
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
      const more = v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : '';
      const why = v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '';
      return `${v.impact} ${v.id}: ${v.help} — at ${where.join(', ')}${more}. ${why}`;
    });
  expect(serious, `serious or critical axe violations on ${screen}`).toEqual([]);
}

/** The app has drawn its diagram: the screen is worth scanning. */
async function ready(page: Page) {
  await expect(page.getByRole('main').getByRole('figure').locator('svg')).toBeVisible();
}

test('the main screen has no serious or critical accessibility violations', async ({ page }, testInfo) => {
  // Mid-run, so copies are in flight and messages wait in hold-back queues.
  const middle = Math.floor(simulate(DEFAULT_SCENARIO).events.length / 2);
  await openScenario(page, DEFAULT_SCENARIO, middle);
  await ready(page);
  await expectNoSeriousViolations(page, testInfo, 'the main screen');
});

test('the lessons dialog has no serious or critical accessibility violations', async ({ page }, testInfo) => {
  await page.goto('./');
  await ready(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'the lessons dialog');
});

for (const lang of ['en', 'zh'] as const) {
  test(`a lesson step in ${lang === 'en' ? 'English' : 'Chinese'} has no serious or critical accessibility violations`, async ({
    page,
  }, testInfo) => {
    const lesson = LESSONS.find((l) => l.id === 'ordering.causal');
    if (!lesson) throw new Error('the causal-ordering lesson is gone: choose another lesson to scan');
    const step = Math.min(1, lesson.steps.length - 1);
    const scenario = resolveStepScenario(lesson, step);
    const cursor = resolveCursor(simulate(scenario), lesson.steps[step]!.cursor);
    await openScenario(page, scenario, cursor, { lesson: { id: lesson.id, step }, lang });
    await ready(page);
    // The scan is of this step in this language, not of whatever the page happens to show.
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
    await expect(page.getByTestId('lesson').getByRole('heading', { level: 2 })).toContainText(
      lesson.steps[step]!.title[lang],
    );
    await expect(page.getByTestId('narration')).toBeVisible();
    await expectNoSeriousViolations(page, testInfo, `lesson ${lesson.id} step ${step + 1} (${lang})`);
  });
}

test('presenter mode has no serious or critical accessibility violations', async ({ page }, testInfo) => {
  const middle = Math.floor(simulate(DEFAULT_SCENARIO).events.length / 2);
  await openScenario(page, DEFAULT_SCENARIO, middle, { presenter: true });
  await ready(page);
  await expect(page.getByTestId('app')).toHaveClass(/presenter/);
  await expectNoSeriousViolations(page, testInfo, 'presenter mode');
});
