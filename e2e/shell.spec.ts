/**
 * The shell, end to end on the production build (issue 2, parts 6, 7 and 10): open a shared
 * link, step by keyboard, intervene by click and see the link change, undo, bad links, language,
 * presenter mode, files. Every test also fails on any console error (fixtures.ts).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { randomMulticasts } from '../bench/workloads';
import { ui } from '../src/i18n/ui';
import { type ProcessScenario, type Scenario, titleIn } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import { decodeShare, type ShareDoc } from '../src/scenarios/url';
import { validateScenario } from '../src/scenarios/validate';
import { expect, openScenario, test } from './fixtures';

function scenarioOf(data: unknown): ProcessScenario {
  const v = validateScenario(data);
  if (!v.ok || v.value.lab !== 'process') throw new Error('the example is not a valid process-lab scenario');
  return v.value;
}

/**
 * The lecture's FIFO situation, from the example file: P0 multicasts m1 at t=0 and m2 at t=1,
 * P1 multicasts m3 at t=2; the copy m1@P2 is held on the wire until t=9. Latency is at most 6,
 * so m2 reaches P2 by t=7, before m1: P2 must hold m2 back until m1 arrives.
 */
const FIFO = scenarioOf(
  JSON.parse(readFileSync(new URL('../src/scenarios/examples/fifo-holdback.json', import.meta.url), 'utf8')),
);

/** The header shows the example's English title (the app opens in English). */
const FIFO_TITLE = titleIn(FIFO.title, 'en') ?? '';

const counter = (page: Page) => page.getByTestId('step-counter');

/** Open a share link and wait until the lab is on screen (and its keys are live). */
async function open(page: Page, scenario: Scenario, cursor: number) {
  await openScenario(page, scenario, cursor);
  await expect(counter(page)).toBeVisible();
}

/** The total number of steps, read from the counter "step n / N · t = x". */
async function totalSteps(page: Page): Promise<number> {
  const m = /\/\s*(\d+)/.exec((await counter(page).textContent()) ?? '');
  if (!m?.[1]) throw new Error('no step counter');
  return Number(m[1]);
}

async function expectStep(page: Page, step: number, total: number) {
  await expect(counter(page)).toContainText(new RegExp(`\\b${step}\\s*/\\s*${total}\\b`));
}

/** The share document in the page's URL hash, once it has settled on a hash that decodes. */
async function hashDoc(page: Page): Promise<ShareDoc> {
  const hash = new URL(page.url()).hash.slice(1);
  const r = decodeShare(hash);
  if (!r.ok) throw new Error(`the page's hash does not decode: ${r.error.summary}`);
  return r.value;
}

/** The event log's shown rows (up to the cursor) of one type, as `node msg`. */
async function logRows(page: Page, type: string): Promise<string[]> {
  const rows = page.locator(`#event-log tr.t-${type}:not(.future)`);
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      return `${cells[2]} ${cells[4]}`;
    }),
  );
}

async function openLog(page: Page) {
  const toggle = page.getByRole('button', { name: 'Show event log' });
  if (await toggle.isVisible()) await toggle.click();
  await expect(page.locator('#event-log table')).toBeVisible();
}

/** The copy `id` on the diagram (the element the student clicks). */
const copy = (page: Page, id: string): Locator => page.locator(`[data-copy="${id}"]`).first();

test('a shared link opens its scenario at its step, and the event log shows the deliveries', async ({
  page,
}) => {
  await open(page, FIFO, 0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIFO_TITLE);
  const total = await totalSteps(page);
  await open(page, FIFO, total);
  await expectStep(page, total, total);
  await openLog(page);

  const delivered = await logRows(page, 'deliver');
  // No loss in this scenario: every member delivers every message, m1 before m2 (FIFO).
  for (const p of FIFO.processes) {
    for (const m of ['m1', 'm2', 'm3']) expect(delivered).toContain(`${p} ${m}`);
    expect(delivered.indexOf(`${p} m1`)).toBeLessThan(delivered.indexOf(`${p} m2`));
  }
  // P2 receives m2 before m1 and must hold it back.
  expect(await logRows(page, 'holdback')).toContain('P2 m2');
});

test('keyboard: → ← Home End PageDown PageUp move the cursor and the step counter follows', async ({
  page,
}) => {
  await open(page, FIFO, 0);
  const total = await totalSteps(page);
  await expectStep(page, 0, total);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 3, total);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 2, total);
  await page.keyboard.press('End');
  await expectStep(page, total, total);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, total, total);
  await page.keyboard.press('Home');
  await expectStep(page, 0, total);
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expectStep(page, 2, total);
  await page.keyboard.press('PageUp');
  await expectStep(page, 1, total);
  // The scrubber is the same cursor.
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveValue('1');
  // The URL follows the cursor (throttled), so a copied link opens this very step.
  await expect.poll(async () => (await hashDoc(page)).cursor).toBe(1);
});

test('Space plays to the end and stops there', async ({ page }) => {
  await open(page, FIFO, 0);
  const total = await totalSteps(page);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expectStep(page, total, total);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('dropping an in-flight copy by click re-runs the diagram and changes the link; undo restores it', async ({
  page,
}) => {
  // Halfway through m1@P2's flight (it is held on the wire until t=9), where a student clicks it.
  const trace = simulate(FIFO);
  const flight = trace.copies.find((c) => c.id === 'm1@P2');
  if (!flight) throw new Error('no copy m1@P2');
  const mid = (flight.sentAt + flight.arriveAt) / 2;
  await open(page, FIFO, trace.events.filter((e) => e.time <= mid).length);
  const before = await hashDoc(page);
  await expect(copy(page, 'm1@P2')).not.toHaveClass(/lossy/);
  await copy(page, 'm1@P2').click();
  await page.getByRole('dialog').getByRole('button', { name: /Drop/ }).click();

  await expect
    .poll(async () => (await hashDoc(page)).scenario.interventions)
    .toContainEqual({
      copy: 'm1@P2',
      drop: true,
    });
  await expect(copy(page, 'm1@P2')).toHaveClass(/lossy/);
  // Re-run: with m1 lost, P2 never delivers m1, and under FIFO never m2 either.
  await page.keyboard.press('End');
  await openLog(page);
  const delivered = await logRows(page, 'deliver');
  expect(delivered).not.toContain('P2 m1');
  expect(delivered).not.toContain('P2 m2');
  expect(delivered).toContain('P1 m1');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await hashDoc(page)).scenario).toEqual(before.scenario);
  await expect(copy(page, 'm1@P2')).not.toHaveClass(/lossy/);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('Ctrl+Z undoes, a multicast can be added at the current time, and Reset returns to the link', async ({
  page,
}) => {
  await open(page, FIFO, 4);
  await page.getByTestId('multicast-from').selectOption('P1');
  await page.getByTestId('multicast-send').click();
  await expect
    .poll(async () =>
      (await hashDoc(page)).scenario.actions.map((a) => ('node' in a ? `${a.node} ${a.msg}` : a.type)),
    )
    .toEqual(['P0 m1', 'P0 m2', 'P1 m3', 'P1 m4']);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await hashDoc(page)).scenario.actions).toHaveLength(3);

  await page.getByTestId('multicast-send').click();
  await page.getByTestId('multicast-send').click();
  await expect.poll(async () => (await hashDoc(page)).scenario.actions).toHaveLength(5);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await hashDoc(page)).scenario).toEqual(FIFO);
});

test('the ordering switch re-runs the same schedule: unordered lets P2 deliver m2 before m1', async ({
  page,
}) => {
  await open(page, FIFO, 0);
  await page.getByTestId('ordering').selectOption('unordered');
  await expect.poll(async () => (await hashDoc(page)).scenario).toEqual({ ...FIFO, ordering: 'unordered' });
  await page.keyboard.press('End');
  await openLog(page);
  const delivered = await logRows(page, 'deliver');
  // Unordered delivers on receipt: m2 arrives at P2 by t=7, m1 only at t=9.
  expect(delivered).toEqual(expect.arrayContaining(['P2 m1', 'P2 m2']));
  expect(delivered.indexOf('P2 m2')).toBeLessThan(delivered.indexOf('P2 m1'));
});

test('a corrupted link shows what is wrong and a working default scenario', async ({ page }) => {
  await page.goto('./#v1.this-is-not-deflate');
  await expect(counter(page)).toBeVisible();
  const alert = page.getByTestId('load-error');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('could not be opened');
  // The default scenario works: stepping moves the counter.
  const total = await totalSteps(page);
  expect(total).toBeGreaterThan(0);
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 1, total);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
});

test('a link with an invalid scenario names the field that is wrong', async ({ page }) => {
  const bad = { ...FIFO, processes: ['P0', 'P1', 'P1'] };
  await open(page, bad as Scenario, 0);
  const alert = page.getByTestId('load-error');
  await expect(alert).toContainText('processes[2]');
  await expect(alert).toContainText('duplicate');
  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
});

test('a link pasted into the address bar of an open app is opened (hashchange), a bad one keeps the screen', async ({
  page,
}) => {
  await open(page, FIFO, 0);
  const other = { ...FIFO, title: 'Pasted link', ordering: 'unordered' as const };
  const { encodeShare } = await import('../src/scenarios/url');
  await page.evaluate(
    (h) => {
      window.location.hash = h;
    },
    encodeShare({ scenario: other, cursor: 2 }),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pasted link');
  await expectStep(page, 2, await totalSteps(page));

  await page.evaluate(() => {
    window.location.hash = 'v1.@@@';
  });
  await expect(page.getByTestId('load-error')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pasted link');
});

test('Copy link copies the full URL, and opening it shows the same screen', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, FIFO, 5);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const share = page.getByRole('dialog', { name: 'Share this screen' });
  await expect(share.getByTestId('copy-status')).toHaveText('Copied');
  await expect(share.getByRole('img', { name: 'QR code of the link' })).toBeVisible();
  const url = await share.getByTestId('share-url').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.keyboard.press('Escape');
  await expect(share).toBeHidden();

  const second = await context.newPage();
  await second.goto(url);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText(FIFO_TITLE);
  await expect(counter(second)).toHaveText((await counter(page).textContent()) ?? '');
  await second.close();
});

test('switching language shows the Chinese interface, and L switches back', async ({ page }) => {
  await open(page, FIFO, 0);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '课程' })).toBeVisible();
  await expect(counter(page)).toContainText('第 0 /');
  await expect.poll(async () => (await hashDoc(page)).lang).toBe('zh');
  await page.keyboard.press('l');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Lessons' })).toBeVisible();
});

test('presenter mode toggles with P: no side chrome, and the link remembers it', async ({ page }) => {
  await open(page, FIFO, 3);
  const app = page.getByTestId('app');
  await openLog(page);
  await page.keyboard.press('p');
  await expect(app).toHaveClass(/presenter/);
  await expect(page.locator('#event-log')).toBeHidden();
  await expect(page.getByTestId('multicast-send')).toBeHidden();
  await expect(page.getByTestId('step-counter')).toBeVisible();
  await expect.poll(async () => (await hashDoc(page)).presenter).toBe(true);
  await page.keyboard.press('p');
  await expect(app).not.toHaveClass(/presenter/);
});

test('? shows the keyboard help in both languages and Esc closes it', async ({ page }) => {
  await open(page, FIFO, 0);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Play / pause');
  await expect(help).toContainText('播放 / 暂停');
  // Keys other than Esc do not move the lab under an open dialog.
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toContainText(/\b0\s*\//);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('opening a bad scenario file shows the field-precise errors and keeps the current scenario', async ({
  page,
}) => {
  await open(page, FIFO, 0);
  const input = page.getByTestId('open-file');
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...FIFO, network: { latency: [5, 2], loss: 0 } })),
  });
  const alert = page.getByTestId('load-error');
  await expect(alert).toContainText('network.latency');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIFO_TITLE);
  // The banner follows a language switch: its sentence and the field's message both.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(alert).toContainText(ui.zh.errors.invalid);
  await expect(alert).not.toContainText(ui.en.errors.invalid);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(alert).toContainText(ui.en.errors.invalid);

  await input.setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{ nope') });
  await expect(alert).toContainText('not valid JSON');

  const good = { ...FIFO, title: 'From a file' };
  await input.setInputFiles({
    name: 'ok.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(good)),
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From a file');
  await expect(alert).toBeHidden();
});

for (const presenter of [false, true]) {
  test(`at 1280×720 the header fits in English and Chinese${presenter ? ' in presenter mode' : ''}: every control and the title in the current language`, async ({
    page,
  }) => {
    await openScenario(page, FIFO, 0, presenter ? { presenter: true } : {});
    const header = page.getByRole('banner');
    const names = {
      en: ['Lessons', 'Address lab', 'EN', '中文', 'Presenter', 'Copy link', 'Keyboard shortcuts'],
      zh: ['课程', '地址实验', 'EN', '中文', '演示', '复制链接', '键盘快捷键'],
    };
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
      const title = page.getByRole('heading', { level: 1 });
      await expect(title).toHaveText(titleIn(FIFO.title, lang) ?? '');
      await expect(page).toHaveTitle(new RegExp(`^${titleIn(FIFO.title, lang)}`));
      // Visible means some of it: a long title may end in an ellipsis, but not vanish.
      expect((await title.boundingBox())?.width ?? 0).toBeGreaterThan(100);
      expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
      for (const name of names[lang])
        await expect(header.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
      await expect(header.getByTestId('ordering')).toBeInViewport({ ratio: 1 });
      await expect(header.getByTestId('examples')).toBeInViewport({ ratio: 1 });
      // Presenter mode hides the file tools with the rest of the secondary chrome.
      const file = header.getByRole('button', { name: lang === 'en' ? 'File' : '文件' });
      if (presenter) await expect(file).toBeHidden();
      else await expect(file).toBeInViewport({ ratio: 1 });
    }
  });
}

/** An example file's title in `lang`, read from the file itself. */
function exampleTitle(id: string, lang: 'en' | 'zh'): string {
  const data = JSON.parse(
    readFileSync(new URL(`../src/scenarios/examples/${id}.json`, import.meta.url), 'utf8'),
  ) as { title: { en: string; zh: string } };
  return data.title[lang];
}

test("the Examples menu opens any lab's example from the ordering screen, and speaks Chinese in Chinese", async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByTestId('ordering')).toBeVisible();
  const menu = page.getByRole('banner').getByTestId('examples');
  const title = page.getByRole('heading', { level: 1 });

  // A process-lab example from the reliability chapter: the process lab shows it.
  await menu.selectOption('atomic-vsync-sender-crash');
  await expect(title).toHaveText(exampleTitle('atomic-vsync-sender-crash', 'en'));
  await expect(counter(page)).toBeVisible();
  await expect(page.getByTestId('load-error')).toBeHidden();
  // The menu goes back to its placeholder, so the same example can be chosen again.
  await expect(menu).toHaveValue('');

  // A PIM example: the network lab opens on its topology.
  await menu.selectOption('pim-dense-graft');
  await expect(title).toHaveText(exampleTitle('pim-dense-graft', 'en'));
  await expect(page.getByTestId('network-lab')).toBeVisible();
  await expect(page.getByTestId('topology')).toBeVisible();
  await expect(page.getByTestId('ordering')).toBeHidden();

  // In Chinese the sections and the entries are Chinese; from the network lab, back to a process example.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(menu).toHaveAccessibleName('示例');
  await expect(menu.locator('optgroup').first()).toHaveAttribute('label', '通信模式');
  await expect(
    menu.locator('optgroup', { has: page.locator('option[value="causal-lecture"]') }),
  ).toHaveAttribute('label', '消息排序');
  await expect(menu.locator('option[value="causal-lecture"]')).toHaveText(
    exampleTitle('causal-lecture', 'zh'),
  );
  await expect(menu.locator('option[value="pim-dense-graft"]')).toHaveText(
    '接收者在被剪枝的分支下加入：嫁接',
  );
  await menu.selectOption('causal-lecture');
  await expect(title).toHaveText(exampleTitle('causal-lecture', 'zh'));
  await expect(page.getByTestId('ordering')).toHaveValue('causal');
  await expect(counter(page)).toBeVisible();
});

test('the File menu works from the keyboard, and Save names the file by the title in the current language', async ({
  page,
}) => {
  await open(page, FIFO, 0);
  const file = page.getByRole('button', { name: 'File' });
  await file.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'File' });
  await expect(menu).toBeVisible();
  await expect(file).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('menuitem', { name: 'Open…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Open…' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Save' })).toBeFocused();
  // Esc closes the menu, gives focus back to its button, and leaves the lab's cursor alone.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(file).toBeFocused();
  await expect(file).toHaveAttribute('aria-expanded', 'false');
  await expect(counter(page)).toContainText(/\b0\s*\//);

  await page.getByRole('button', { name: '中文' }).click();
  const zhFile = page.getByRole('button', { name: '文件' });
  await zhFile.click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: '保存' }).click();
  // fileio.ts: the title with every run of other characters made one "-".
  expect((await download).suggestedFilename()).toBe('FIFO-P0-的第二条消息超过了它的第一条.json');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(zhFile).toBeFocused();
});

test('the main screen has no serious or critical accessibility violations (axe)', async ({ page }) => {
  await open(page, FIFO, 6);
  await openLog(page);
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('at 1280×720 the diagram, the process panel and playback fit without scrolling the page', async ({
  page,
}) => {
  await open(page, FIFO, 6);
  const fits = await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
  expect(fits).toBe(true);
  for (const sel of ['.diagram', '.side', '.playback'])
    await expect(page.locator(sel)).toBeInViewport({ ratio: 0.9 });
});

test('on a long run the event log keeps the current row in view as the cursor steps on', async ({ page }) => {
  const long = randomMulticasts({ processes: 5, multicasts: 60, ordering: 'causal', seed: 7, spacing: 3 });
  await open(page, long, 40);
  await openLog(page);
  const current = page.locator('#event-log tr[aria-current="step"]');
  const box = page.locator('#event-log .mv-log-scroll');
  const inBox = async () => {
    const [r, b] = [await current.boundingBox(), await box.boundingBox()];
    return !!r && !!b && r.y >= b.y - 1 && r.y + r.height <= b.y + b.height + 1;
  };
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
  await expectStep(page, 100, await totalSteps(page));
  await expect.poll(inBox).toBe(true);
  for (let i = 0; i < 45; i++) await page.keyboard.press('ArrowLeft');
  await expectStep(page, 55, await totalSteps(page));
  await expect.poll(inBox).toBe(true);
});
