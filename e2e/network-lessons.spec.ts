/**
 * The network chapters' lessons (issue 4, part 7) on the production build: the IGMP lesson walked
 * in English and the addressing lesson in Chinese, step by step to the sandbox, each step on the
 * network lab with its narration, and no console errors (fixtures.ts). Expected text comes from
 * the lesson sources, not from the page.
 */
import type { Page } from '@playwright/test';
import { LESSONS } from '../src/scenarios/lessons';
import type { Lesson } from '../src/scenarios/lessons/types';
import { decodeShare } from '../src/scenarios/url';
import { expect, test } from './fixtures';

type Lang = 'en' | 'zh';

const UI = {
  en: {
    lessons: 'Lessons',
    next: 'Next',
    prev: 'Previous',
    progress: (i: number, n: number) => `step ${i} / ${n}`,
  },
  zh: {
    lessons: '课程',
    next: '下一步',
    prev: '上一步',
    progress: (i: number, n: number) => `第 ${i} / ${n} 步`,
  },
};

/** The narration's first paragraph as a student reads it: the `**` marks are not shown. */
const firstParagraph = (body: string) =>
  (body.split('\n').find((l) => l.trim().length > 0) ?? '').replaceAll('**', '').trim();

function lessonOf(id: string): Lesson {
  const l = LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

async function hashLesson(page: Page) {
  const r = decodeShare(new URL(page.url()).hash.slice(1));
  return r.ok ? (r.value.lesson ?? null) : null;
}

async function expectStep(page: Page, lesson: Lesson, i: number, lang: Lang) {
  const step = lesson.steps[i]!;
  const panel = page.getByTestId('lesson');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(step.title[lang]);
  await expect(panel.getByTestId('narration')).toContainText(firstParagraph(step.body[lang]));
  await expect(panel.getByTestId('lesson-progress')).toHaveText(
    UI[lang].progress(i + 1, lesson.steps.length),
  );
  // Every step of these lessons runs on the network lab, and loads without an error.
  await expect(page.getByTestId('network-lab')).toBeVisible();
  await expect(page.getByTestId('topology')).toBeVisible();
  await expect(page.getByTestId('load-error')).toBeHidden();
}

async function walk(page: Page, id: string, lang: Lang) {
  const lesson = lessonOf(id);
  await page.goto('./');
  if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: UI[lang].lessons, exact: true }).click();
  const toc = page.getByRole('dialog');
  await toc.getByRole('button', { name: lesson.title[lang] }).click();
  await expect(toc).toBeHidden();
  await expectStep(page, lesson, 0, lang);
  const next = page.getByRole('button', { name: UI[lang].next, exact: true });
  for (let i = 1; i < lesson.steps.length; i++) {
    await next.click();
    await expectStep(page, lesson, i, lang);
    await expect.poll(() => hashLesson(page)).toEqual({ id, step: i });
  }
  await expect(next).toBeDisabled();
  expect(lesson.steps.at(-1)?.sandbox).toBe(true);
  return lesson;
}

test('walk the IGMP lesson in English to its sandbox', async ({ page }) => {
  const lesson = await walk(page, 'igmp.v2', 'en');
  // Back one step and forward again: the invalid-messages step and the sandbox's own scenario.
  await page.getByRole('button', { name: 'Previous', exact: true }).click();
  await expectStep(page, lesson, lesson.steps.length - 2, 'en');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectStep(page, lesson, lesson.steps.length - 1, 'en');
});

test('walk the addressing lesson in Chinese to its sandbox, and open a step from its link', async ({
  page,
}) => {
  const lesson = await walk(page, 'addressing.class-d', 'zh');
  await page.getByRole('button', { name: '上一步', exact: true }).click();
  const stepNo = lesson.steps.length - 2;
  await expect.poll(() => hashLesson(page)).toEqual({ id: lesson.id, step: stepNo });
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  await expectStep(fresh, lesson, stepNo, 'zh');
  await fresh.close();
});
