/**
 * The reliability chapter's lessons in the production build (issue 3, part 6): atomic multicast
 * example 1 walked in English and the ACK optimizations in Chinese, each to its sandbox, with no
 * console errors (fixtures.ts). Expected text comes from the lesson sources; expected numbers
 * from simulating each step's scenario here, not from the page.
 */
import type { Page } from '@playwright/test';
import { reliabilityMetrics } from '../src/protocols/reliability/metrics';
import { LESSONS, resolveStepScenario } from '../src/scenarios/lessons';
import type { Lesson } from '../src/scenarios/lessons/types';
import { simulate } from '../src/scenarios/simulate';
import { expect, test } from './fixtures';

type Lang = 'en' | 'zh';

const firstParagraph = (body: string) =>
  (body.split('\n').find((l) => l.trim().length > 0) ?? '').replaceAll('**', '').trim();

function lessonOf(id: string): Lesson {
  const l = LESSONS.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
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

async function open(page: Page, lesson: Lesson, lang: Lang) {
  await page.goto('./');
  if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: lang === 'en' ? 'Lessons' : '课程', exact: true }).click();
  const toc = page.getByRole('dialog');
  await toc.getByRole('button', { name: lesson.title[lang] }).click();
  await expect(toc).toBeHidden();
  await expectStep(page, lesson, 0, lang);
}

/** Walk every step with Next, checking each step's narration, to the sandbox. */
async function walk(page: Page, lesson: Lesson, lang: Lang, atStep?: (i: number) => Promise<void>) {
  const next = page.getByRole('button', { name: lang === 'en' ? 'Next' : '下一步', exact: true });
  await atStep?.(0);
  for (let i = 1; i < lesson.steps.length; i++) {
    await next.click();
    await expectStep(page, lesson, i, lang);
    await atStep?.(i);
  }
  await expect(next).toBeDisabled();
  expect(lesson.steps.at(-1)?.sandbox).toBe(true);
  await expect(page.getByTestId('load-error')).toBeHidden();
}

test('atomic multicast, example 1, in English: every step to the sandbox; the diagram shows the run', async ({
  page,
}) => {
  const lesson = lessonOf('reliability.atomic');
  await open(page, lesson, 'en');
  await walk(page, lesson, 'en', async (i) => {
    // Each step shows its own run: the diagram names every process of the step's scenario.
    const sc = resolveStepScenario(lesson, i);
    if (sc.lab !== 'process') throw new Error('a process-lab lesson');
    const labels = page.getByRole('main').locator('svg text');
    for (const p of sc.processes)
      await expect(labels.filter({ hasText: new RegExp(`^${p}$`) }).first()).toBeVisible();
  });
});

test('ACK optimizations, in Chinese: every step to the sandbox; the metrics panel follows each setting', async ({
  page,
}) => {
  const lesson = lessonOf('reliability.acks');
  await open(page, lesson, 'zh');
  const seen = new Set<string>();
  await walk(page, lesson, 'zh', async (i) => {
    if (lesson.steps[i]?.highlight?.panel !== 'metrics') return;
    const m = reliabilityMetrics(simulate(resolveStepScenario(lesson, i)));
    const acks = page.getByTestId('metrics').locator('[data-metric="acks"] dd');
    await expect(acks).toContainText(String(m.acks));
    await expect(page.getByTestId('metrics').locator('[data-metric="nacks"] dd')).toHaveText(String(m.nacks));
    seen.add(`${m.acks}/${m.nacks}/${m.piggybacked}`);
  });
  // The settings differ visibly: stop-and-wait and pipelining share their counts, the others do not.
  expect(seen.size).toBe(4);
});
