/**
 * The multicast-routing lessons in the real app (issue 5, part 6): the Graft lesson walked in
 * English and the SPT-switch lesson in Chinese, step by step to the sandbox, on the network lab's
 * topology. Expected text comes from the lesson sources; what the topology must show at a step
 * (the Graft's link carrying a control copy, the tree labelled) comes from the lesson's claims.
 */
import type { Page } from '@playwright/test';
import { LESSONS } from '../src/scenarios/lessons';
import { PIM_LESSONS } from '../src/scenarios/lessons/pim';
import type { Lesson } from '../src/scenarios/lessons/types';
import { decodeShare } from '../src/scenarios/url';
import { expect, test } from './fixtures';

type Lang = 'en' | 'zh';

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
  const progress =
    lang === 'en' ? `step ${i + 1} / ${lesson.steps.length}` : `第 ${i + 1} / ${lesson.steps.length} 步`;
  await expect(panel.getByTestId('lesson-progress')).toHaveText(progress);
}

async function walk(page: Page, lesson: Lesson, lang: Lang, atStep: (i: number) => Promise<void>) {
  await page.goto('./');
  if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: lang === 'en' ? 'Lessons' : '课程', exact: true }).click();
  const toc = page.getByRole('dialog');
  await toc.getByRole('button', { name: lesson.title[lang] }).click();
  await expect(toc).toBeHidden();
  const next = page.getByRole('button', { name: lang === 'en' ? 'Next' : '下一步', exact: true });
  for (let i = 0; i < lesson.steps.length; i++) {
    if (i > 0) await next.click();
    await expectStep(page, lesson, i, lang);
    await expect.poll(() => hashLesson(page)).toEqual({ id: lesson.id, step: i });
    // Every step shows the network lab, never an error in place of the run.
    await expect(page.getByTestId('network-lab')).toBeVisible();
    await expect(page.getByTestId('load-error')).toBeHidden();
    await atStep(i);
  }
  await expect(next).toBeDisabled();
  await expect(page.getByTestId('lesson')).toContainText(
    lang === 'en' ? 'Now try it yourself' : '现在请你自己试试',
  );
}

test('walk the Graft lesson in English to the sandbox: the Graft and its Graft-Ack cross R3–R4', async ({
  page,
}) => {
  const lesson = lessonOf('pim-dm.graft');
  await walk(page, lesson, 'en', async (i) => {
    // Step 3 shows the Graft from R4 sent and answered: the link R3–R4 has carried control copies.
    if (i === 2) await expect(page.getByTestId('count-R3-R4')).toBeVisible();
    // Step 4 points at R4, whose tables open by themselves: the Graft-Ack came back, (S,G) is Forwarding.
    if (i === 3) {
      const r4 = page.getByRole('button', { name: /Router R4/ }).first();
      await expect(r4).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('pim-table')).toContainText('Forwarding');
    }
  });
});

test('walk the SPT-switch lesson in Chinese to the sandbox', async ({ page }) => {
  const lesson = lessonOf('pim-sm.spt-switch');
  await walk(page, lesson, 'zh', async (i) => {
    // Once the switch is done, the step opens R5's table: it receives S on the source tree (SPTbit 1).
    if (i === 4) {
      const r5 = page.getByRole('button', { name: /路由器 R5/ }).first();
      await expect(r5).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('pim-table')).toContainText('SPTbit 1');
    }
  });
});

test('every multicast-routing lesson walks to its sandbox in English without errors', async ({ page }) => {
  for (const lesson of PIM_LESSONS) await walk(page, lesson, 'en', async () => {});
});
