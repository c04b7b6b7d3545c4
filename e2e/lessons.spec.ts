/**
 * The lesson player, end to end (issue 2, part 9): the table of contents in the lecture's order,
 * narrated steps in English and Chinese, Prev/Next, every step a deep link, and the closing
 * sandbox. Expected text comes from the lesson sources themselves, not from the page.
 */
import type { Page } from '@playwright/test';
import { LESSONS } from '../src/scenarios/lessons';
import type { Lesson } from '../src/scenarios/lessons/types';
import { decodeShare } from '../src/scenarios/url';
import { expect, test } from './fixtures';

type Lang = 'en' | 'zh';

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
  const step = lesson.steps[i];
  if (!step) throw new Error(`no step ${i}`);
  const panel = page.getByTestId('lesson');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(step.title[lang]);
  await expect(panel.getByTestId('narration')).toContainText(firstParagraph(step.body[lang]));
  const progress =
    lang === 'en' ? `step ${i + 1} / ${lesson.steps.length}` : `第 ${i + 1} / ${lesson.steps.length} 步`;
  await expect(panel.getByTestId('lesson-progress')).toHaveText(progress);
}

async function openFromContents(page: Page, lesson: Lesson, lang: Lang) {
  await page.getByRole('button', { name: lang === 'en' ? 'Lessons' : '课程', exact: true }).click();
  const toc = page.getByRole('dialog');
  await expect(toc).toBeVisible();
  await toc.getByRole('button', { name: lesson.title[lang] }).click();
  await expect(toc).toBeHidden();
}

test('the table of contents lists the lecture’s chapters in order with every lesson', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const toc = page.getByRole('dialog');
  const headings = await toc.getByRole('heading', { level: 3 }).allTextContents();
  // ARCHITECTURE.md: communication modes first, message ordering sixth, IPTV last.
  expect(headings[0]).toBe('Communication modes');
  expect(headings[5]).toBe('Message ordering');
  expect(headings.at(-1)).toBe('IP multicast in use (IPTV)');
  for (const l of LESSONS) await expect(toc.getByRole('button', { name: l.title.en })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toc).toBeHidden();
});

for (const lang of ['en', 'zh'] as const) {
  test(`walk the causal lesson in ${lang === 'en' ? 'English' : 'Chinese'}: narration, Next/Prev and deep links`, async ({
    page,
  }) => {
    const lesson = lessonOf('ordering.causal');
    await page.goto('./');
    if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
    await openFromContents(page, lesson, lang);
    await expectStep(page, lesson, 0, lang);
    const next = page.getByRole('button', { name: lang === 'en' ? 'Next' : '下一步', exact: true });
    const prev = page.getByRole('button', { name: lang === 'en' ? 'Previous' : '上一步', exact: true });
    await expect(prev).toBeDisabled();

    for (let i = 1; i < lesson.steps.length; i++) {
      await next.click();
      await expectStep(page, lesson, i, lang);
      await expect.poll(() => hashLesson(page)).toEqual({ id: lesson.id, step: i });
    }
    await expect(next).toBeDisabled();
    // Every lesson ends in a sandbox.
    await expect(page.getByTestId('lesson')).toContainText(
      lang === 'en' ? 'Now try it yourself' : '现在请你自己试试',
    );

    // A step is a deep link: opening the URL afresh shows that step, in that language.
    await prev.click();
    const stepNo = lesson.steps.length - 2;
    await expect.poll(() => hashLesson(page)).toEqual({ id: lesson.id, step: stepNo });
    const url = page.url();
    const fresh = await page.context().newPage();
    await fresh.goto(url);
    await expectStep(fresh, lesson, stepNo, lang);
    await fresh.close();
  });
}

test('the language switches mid-lesson, and Esc toggles between the lesson and exploring', async ({
  page,
}) => {
  const lesson = lessonOf('ordering.fifo');
  await page.goto('./');
  await openFromContents(page, lesson, 'en');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectStep(page, lesson, 1, 'en');
  await page.getByRole('button', { name: '中文' }).click();
  await expectStep(page, lesson, 1, 'zh');
  await page.keyboard.press('l');
  await expectStep(page, lesson, 1, 'en');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lesson')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Back to the lesson (Esc)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectStep(page, lesson, 1, 'en');
});

test('every lesson opens and walks to its sandbox without errors', async ({ page }) => {
  await page.goto('./');
  for (const lesson of LESSONS) {
    await openFromContents(page, lesson, 'en');
    for (let i = 1; i < lesson.steps.length; i++)
      await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expectStep(page, lesson, lesson.steps.length - 1, 'en');
    expect(lesson.steps.at(-1)?.sandbox).toBe(true);
    await expect(page.getByTestId('load-error')).toBeHidden();
  }
});
