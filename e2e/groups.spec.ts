/**
 * Groups by click and the groups and failures lessons (issue 3 §1 and §6), on the production
 * build: a join and a leave made from a lane's menu and each view marked on the diagram; a
 * non-member's send to a closed group refused where the student can see it; the group's settings
 * as switches; a groups lesson walked in English and a failures lesson in Chinese to their
 * sandboxes; axe clean on a lesson step. Expected text comes from the sources, not the page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ui } from '../src/i18n/ui';
import { views } from '../src/i18n/views';
import { LESSONS, resolveCursor, resolveStepScenario } from '../src/scenarios/lessons';
import { closedRun } from '../src/scenarios/lessons/groups/scenarios';
import type { Lesson } from '../src/scenarios/lessons/types';
import type { ProcessScenario } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import { decodeShare } from '../src/scenarios/url';
import { expect, openScenario, test } from './fixtures';

/** A closed group P0, P1, P2 with P3 outside, and only the member's m1: the student adds the rest. */
const closedGroup: ProcessScenario = {
  ...closedRun,
  actions: closedRun.actions.filter((a) => a.msg === 'm1'),
};

function lessonOf(id: string): Lesson {
  const l = LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

/** The scenario the page's URL carries now. */
async function hashScenario(page: Page) {
  const r = decodeShare(new URL(page.url()).hash.slice(1));
  return r.ok ? r.value.scenario : null;
}

/** Open the lane menu of `node` at the cursor's time (its name is a button) and click one of its group actions. */
async function laneGroup(page: Page, node: string, op: 'join' | 'leave' | 'send' | 'query') {
  await page.locator(`.mv-lane-button[data-lane="${node}"]`).click();
  const menu = page.getByTestId('lane-menu');
  await expect(menu).toBeVisible();
  await menu.getByTestId(`lane-group-${op}`).click();
  await expect(menu).toBeHidden();
}

async function logText(page: Page): Promise<string> {
  const show = page.getByRole('button', { name: ui.en.panels.showLog });
  if (await show.isVisible()) await show.click();
  return (await page.getByRole('table', { name: views.en.log.caption }).textContent()) ?? '';
}

test('join and leave by click: each becomes a view every member installs, marked on its lane', async ({
  page,
}) => {
  await openScenario(page, closedGroup, 4);
  await laneGroup(page, 'P3', 'join');
  await expect
    .poll(async () => (await hashScenario(page))?.actions.some((a) => a.type === 'join_group'))
    .toBe(true);
  await page.keyboard.press('End');
  // View 2 adds P3: P0, P1, P2 and P3 each install it.
  await expect(page.locator('.mv-view-install')).toHaveCount(4);
  await expect(page.locator('.mv-view-install text').first()).toHaveText(
    views.en.diagram.group.view.replace('{{id}}', '2'),
  );

  await laneGroup(page, 'P1', 'leave');
  await page.keyboard.press('End');
  // View 3 without P1: installed by the three that stay and by P1 as it leaves.
  await expect(page.locator('.mv-view-install')).toHaveCount(8);
  await expect
    .poll(async () => {
      const s = await hashScenario(page);
      return s?.lab === 'process' ? s.actions.map((a) => a.type) : [];
    })
    .toEqual(['send_to_group', 'join_group', 'leave_group']);

  // Undo takes the leave back out of the run.
  await page.getByRole('button', { name: ui.en.edit.undo }).click();
  await expect(page.locator('.mv-view-install')).toHaveCount(4);
});

test("a non-member's send to a closed group is refused visibly; opened, the group takes it", async ({
  page,
}) => {
  await openScenario(page, closedGroup, simulate(closedGroup).events.length);
  await laneGroup(page, 'P3', 'send');
  await page.keyboard.press('End');
  await expect(page.locator('.mv-refused')).toHaveCount(3);
  expect(await logText(page)).toContain(views.en.detail.refused.replace('{{group}}', 'G'));

  await page.getByTestId('group-settings').click();
  await page.getByTestId('group-open').check();
  await page.keyboard.press('End');
  await expect(page.locator('.mv-refused')).toHaveCount(0);
  await expect
    .poll(async () => {
      const sc = await hashScenario(page);
      return sc?.lab === 'process' ? sc.groups?.closed : undefined;
    })
    .toBe(false);
});

test('query_membership by click: the answer is written on the asker’s lane', async ({ page }) => {
  await openScenario(page, closedGroup, 4);
  await laneGroup(page, 'P2', 'query');
  await page.keyboard.press('End');
  await expect(page.locator('.mv-members-answer')).toHaveCount(1);
  await expect(page.locator('.mv-members-answer text')).toContainText('P0,P1,P2');
});

async function walk(page: Page, lesson: Lesson, lang: 'en' | 'zh') {
  await page.getByRole('button', { name: lang === 'en' ? 'Lessons' : '课程', exact: true }).click();
  const toc = page.getByRole('dialog');
  await toc.getByRole('button', { name: lesson.title[lang] }).click();
  await expect(toc).toBeHidden();
  const panel = page.getByTestId('lesson');
  const next = page.getByRole('button', { name: lang === 'en' ? 'Next' : '下一步', exact: true });
  for (let i = 0; i < lesson.steps.length; i++) {
    if (i > 0) await next.click();
    await expect(panel.getByRole('heading', { level: 2 })).toContainText(lesson.steps[i]!.title[lang]);
  }
  await expect(next).toBeDisabled();
  await expect(panel).toContainText(lang === 'en' ? ui.en.lesson.sandbox : ui.zh.lesson.sandbox);
  await expect(page.getByTestId('load-error')).toBeHidden();
}

test('walk the groups lesson in English to its sandbox', async ({ page }) => {
  await page.goto('./');
  await walk(page, lessonOf('groups.membership'), 'en');
});

test('walk a failures lesson in Chinese to its sandbox', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: '中文' }).click();
  await walk(page, lessonOf('failures.crash-omission'), 'zh');
});

test('a groups lesson step has no serious or critical accessibility violations', async ({ page }) => {
  const lesson = lessonOf('groups.membership');
  const step = 3;
  const scenario = resolveStepScenario(lesson, step);
  const cursor = resolveCursor(simulate(scenario), lesson.steps[step]!.cursor);
  await openScenario(page, scenario, cursor, { lesson: { id: lesson.id, step } });
  await expect(page.getByTestId('lesson')).toBeVisible();
  await expect(page.locator('.mv-view-install').first()).toBeVisible();
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(serious).toEqual([]);
});
