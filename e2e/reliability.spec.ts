/**
 * Issue 3 in the browser, on the production build: faults injected by the controls at the
 * current virtual time, the reliability setting and its ACK optimizations, the metrics, a
 * partition drawn and healed, and a shared link that reproduces the faults exactly.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ui } from '../src/i18n/ui';
import { views } from '../src/i18n/views';
import type { Scenario } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import { validateScenario } from '../src/scenarios/validate';
import { expect, openScenario, test } from './fixtures';

const root = resolve(import.meta.dirname, '..');
function example(name: string): Scenario {
  const v = validateScenario(JSON.parse(readFileSync(resolve(root, 'src/scenarios/examples', name), 'utf8')));
  if (!v.ok) throw new Error(`${name} is invalid`);
  return v.value;
}

async function logRows(page: Page): Promise<string[][]> {
  const show = page.getByRole('button', { name: ui.en.panels.showLog });
  if (await show.isVisible()) await show.click();
  const rows = page.getByRole('table', { name: views.en.log.caption }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? '')),
  );
}

/** The cursor (events shown) just after the first event at or past virtual time `time`. */
const cursorAt = (s: Scenario, time: number) => simulate(s).events.findIndex((e) => e.time >= time);

test('crashing the sender by click halfway through an atomic multicast shows the crash and its outcome', async ({
  page,
}) => {
  const s = example('atomic-example1.json');
  const trace = simulate(s);
  const sender = trace.events.find((e) => e.type === 'send' && e.kind === 'data')!;
  // Halfway: after the first ACK reached the sender, before its "go".
  const firstAck = trace.events.find((e) => e.type === 'ack' && e.node === sender.node)!;
  await openScenario(page, s, firstAck.step + 1);
  await page.getByTestId('fault-node').selectOption(sender.node);
  await page.getByTestId('fault-kind').selectOption('crash');
  await page.getByTestId('fault-inject').click();
  await expect(page.locator('.mv-crash')).toHaveCount(1);
  const rows = await logRows(page);
  expect(rows.some((r) => r[2] === sender.node && r[3] === views.en.type.crash)).toBe(true);
  // The checks panel now judges the group guarantees too.
  await expect(page.getByRole('region', { name: views.en.checks.title })).toContainText(
    views.en.guarantee.atomic,
  );
});

test('switching an ACK optimization changes the metrics', async ({ page }) => {
  const s = example('reliability-reliable.json');
  await openScenario(page, s, simulate(s).events.length);
  const acks = page.locator('[data-metric="acks"] dd');
  const before = await acks.textContent();
  await page.getByTestId('rel-nack').check();
  await expect(acks).not.toHaveText(before ?? '');
  await expect(page.locator('[data-metric="nacks"] dd')).toBeVisible();
  await page.getByRole('button', { name: ui.en.edit.undo }).click();
  await expect(acks).toHaveText(before ?? '');
});

test('a partition is drawn and healed, and its shared link reproduces every fault exactly', async ({
  page,
  context,
}) => {
  const s = example('reliability-reliable.json');
  const procs = s.lab === 'process' ? s.processes : [];
  await openScenario(page, s, Math.max(1, cursorAt(s, 2)));
  await page.getByTestId(`partition-${procs[0]}`).check();
  await page.getByTestId('partition').click();
  await expect(page.locator('.mv-part-edge')).toHaveCount(1);
  // Move on in time, then heal.
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await page.getByTestId('heal').click();
  await page.keyboard.press('End');
  await expect(page.locator('.mv-part-edge.heal')).toHaveCount(1);
  // And a crash with restart, to be reproduced by the link as well.
  await page.getByTestId('fault-node').selectOption(procs[1]!);
  await page.getByTestId('fault-kind').selectOption('crash-restart');
  await page.getByTestId('fault-inject').click();
  const rows = await logRows(page);
  await expect.poll(() => page.evaluate(() => location.hash.length)).toBeGreaterThan(10);
  const hash = await page.evaluate(() => location.hash);
  const other = await context.newPage();
  await other.goto(`./${hash}`);
  expect(await logRows(other)).toEqual(rows);
});
