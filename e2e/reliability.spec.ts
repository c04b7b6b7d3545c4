/**
 * Issue 3 in the browser, on the production build: faults injected by clicking a process's lane
 * (or, from the keyboard, its name), the reliability setting and its ACK optimizations in one
 * compact row, the metrics and their comparison, a partition drawn and healed, a shared link that
 * reproduces every fault exactly, every lane on screen at 1280×720, and no serious axe finding.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { ui } from '../src/i18n/ui';
import { views } from '../src/i18n/views';
import { reliabilityMetrics } from '../src/protocols/reliability/metrics';
import type { Scenario } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import { validateScenario } from '../src/scenarios/validate';
import { expect, openScenario, test } from './fixtures';

const root = resolve(import.meta.dirname, '..');
function example(name: string): Scenario & { lab: 'process' } {
  const v = validateScenario(JSON.parse(readFileSync(resolve(root, 'src/scenarios/examples', name), 'utf8')));
  if (!v.ok || v.value.lab !== 'process') throw new Error(`${name} is invalid`);
  return v.value;
}

async function logRows(page: Page): Promise<string[][]> {
  const show = page.getByRole('button', { name: ui.en.panels.showLog });
  if (await show.isVisible()) await show.click();
  const rows = page.getByRole('table', { name: views.en.log.caption }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // The log shows the last events before the cursor; earlier ones come on request.
  const earlier = page.getByRole('button', { name: /^Show \d+ earlier events$/ });
  while (await earlier.isVisible()) await earlier.click();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? '')),
  );
}

/**
 * Click `node`'s lane at a point free of copies (each copy has its own menu), scanning from the
 * right of the plot; the lane menu opens there. Its time field then sets the exact time.
 */
async function openLaneMenu(page: Page, node: string, time: number) {
  const menu = page.getByTestId('lane-menu');
  // The diagram settles its width after the first paint: find the point again if a click missed.
  await expect(async () => {
    if (await menu.isVisible()) return;
    await page.keyboard.press('Escape');
    const at = await page.evaluate((lane) => {
      const button = document.querySelector(`.mv-lane-button[data-lane="${lane}"] rect`);
      const plot = document.querySelector('.mv-plot svg');
      const stage = document.querySelector('.diagram');
      if (!button || !plot || !stage) return null;
      const y = (button.getBoundingClientRect().top + button.getBoundingClientRect().bottom) / 2;
      const box = plot.getBoundingClientRect();
      const right = Math.min(box.right, stage.getBoundingClientRect().right);
      for (let x = right - 40; x > box.left + 80; x -= 3) {
        const hit = document.elementFromPoint(x, y);
        if (hit && plot.contains(hit) && !hit.closest('[data-copy], .mv-lane-button')) return { x, y };
      }
      return null;
    }, node);
    expect(at, `a free point on ${node}'s lane`).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect(menu).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(menu).toContainText(node);
  await menu.getByTestId('lane-time').fill(String(time));
  return menu;
}

async function expectNoSeriousViolations(page: Page, testInfo: TestInfo, screen: string) {
  const result = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe ${screen}`, {
    body: JSON.stringify(result.violations, null, 2),
    contentType: 'application/json',
  });
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `serious or critical axe violations on ${screen}`).toEqual([]);
}

test('crashing the sender by a click on its lane halfway through an atomic multicast: nobody else processes the message', async ({
  page,
}) => {
  const s = example('atomic-example1.json');
  const trace = simulate(s);
  const send = trace.events.find((e) => e.type === 'send' && e.kind === 'data')!;
  const sender = send.node;
  // Halfway: after the first ACK reached the sender, before it could send "go".
  const firstAck = trace.events.find((e) => e.type === 'ack' && e.node === sender)!;
  await openScenario(page, s, firstAck.step + 1);
  const menu = await openLaneMenu(page, sender, firstAck.time);
  await menu.getByTestId('lane-fault-crash').click();
  await expect(menu).toBeHidden();
  await expect(page.locator(`.mv-outage[data-node="${sender}"]`)).toHaveCount(1);

  await page.keyboard.press('End');
  const rows = await logRows(page);
  expect(
    rows.some((r) => r[1] === String(firstAck.time) && r[2] === sender && r[3] === views.en.type.crash),
  ).toBe(true);
  // Lecture, atomicity: "if it fails to arrive at any member, no member will process it". The
  // members that logged the message hold it, still waiting for the "go" that never comes.
  const received = new Set(
    trace.events
      .filter((e) => e.type === 'holdback' && e.msg === send.msg && e.step <= firstAck.step)
      .map((e) => e.node),
  );
  expect(received.size).toBeGreaterThan(0);
  for (const node of received) {
    const panel = page.getByRole('region', { name: node, exact: true });
    await expect(panel.getByTestId('rel-state').locator('[data-rel="held"] dd')).toContainText(send.msg!);
  }
  expect(rows.some((r) => r[3] === views.en.type.deliver && r[4] === send.msg && r[2] !== sender)).toBe(
    false,
  );
  const checks = page.getByRole('region', { name: views.en.checks.title });
  await expect(checks.locator('li', { hasText: views.en.guarantee.atomic })).toContainText(
    views.en.checks.holds,
  );
});

test('switching ACK optimizations changes the metrics, and the comparison marks the setting in use', async ({
  page,
}) => {
  const s = example('reliability-reliable.json');
  await openScenario(page, s, simulate(s).events.length);
  const acks = page.locator('[data-metric="acks"] dd');
  const nacks = page.locator('[data-metric="nacks"] dd');
  const expected = (r: Scenario) => reliabilityMetrics(simulate(r));
  await expect(acks).toHaveText(String(expected(s).acks));
  const compare = page.getByTestId('metrics-compare');
  await expect(compare.locator('tr.current')).toHaveAttribute('data-setting', 'reliable');

  // NACKs replace ACKs (lecture, "Negative ACKs"): the sender hears only about what is missing.
  await page.getByTestId('rel-options').click();
  await page.getByTestId('rel-nack').check();
  const withNacks = { ...s, reliability: { ...s.reliability!, nack: true } };
  await expect(acks).toHaveText('0');
  expect(expected(withNacks).nacks).not.toBe(expected(s).nacks);
  await expect(nacks).toHaveText(String(expected(withNacks).nacks));
  await expect(compare.locator('tr.current')).toHaveAttribute('data-setting', 'nack');
  await expect(compare.locator('tr[data-setting="nack"] td[data-col="acks"]')).toHaveText('0');

  // Undo, then pipelining: a window of 4 messages awaiting ACKs.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: ui.en.edit.undo }).click();
  await expect(acks).toHaveText(String(expected(s).acks));
  await page.getByTestId('rel-options').click();
  await page.getByTestId('rel-window').fill('4');
  const piped = { ...s, reliability: { ...s.reliability!, window: 4 } };
  // The figures come from the metrics module (unit-tested on its own); here they must differ from
  // the previous setting's, or a panel that never re-rendered would pass (39 vs 40 ACKs here).
  expect(expected(piped).acks).not.toBe(expected(s).acks);
  await expect(acks).toHaveText(String(expected(piped).acks));
  await expect(compare.locator('tr.current')).toHaveAttribute('data-setting', 'pipelining');

  // The implosion chart: one ACK per other member for one multicast, against group size.
  await expect(page.getByTestId('implosion').getByRole('img')).toBeVisible();
});

test('a partition drawn and healed from the lanes, a crash and restart from the keyboard, and a shared link that reproduces every fault', async ({
  page,
  context,
}) => {
  const s = example('reliability-reliable.json');
  const [p0, p1] = s.processes;
  await openScenario(page, s, 1);

  // Partition at t = 6: P0 alone against the rest (the menu's default sides).
  let menu = await openLaneMenu(page, p0!, 6);
  await menu.getByTestId('lane-partition-open').click();
  await expect(menu.getByTestId(`lane-side-${p0}`)).toHaveValue('0');
  await menu.getByTestId('lane-partition').click();
  await expect(page.locator('.mv-part-edge')).toHaveCount(1);
  // Heal at t = 30, from another lane.
  menu = await openLaneMenu(page, p1!, 30);
  await menu.getByTestId('lane-heal').click();
  await expect(page.locator('.mv-part-edge.heal')).toHaveCount(1);

  // From the keyboard: the lane's name is a button; Enter opens the menu at the cursor's time,
  // focus goes in, Esc closes it and focus comes back.
  const name = page.locator(`.mv-lane-button[data-lane="${p1}"]`);
  await name.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lane-menu')).toBeVisible();
  await expect(page.getByTestId('lane-fault-crash')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lane-menu')).toBeHidden();
  await expect(name).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByTestId('lane-span').fill('12');
  await page.getByTestId('lane-fault-crash-restart').click();

  await page.keyboard.press('End');
  await expect(page.locator('.mv-part-edge.heal')).toHaveCount(1);
  await expect(page.locator('.mv-restart')).toHaveCount(1);
  const rows = await logRows(page);
  const partitionRows = rows.filter((r) => r[3] === views.en.type.partition);
  expect(partitionRows.length).toBe(s.processes.length);
  expect(partitionRows.every((r) => r[1] === '6')).toBe(true);
  expect(rows.some((r) => r[2] === p1 && r[3] === views.en.type.crash)).toBe(true);

  // Copy link, then open it in a new page: the same run, event for event.
  await page.getByRole('button', { name: ui.en.header.copyLink }).click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await context.newPage();
  await other.goto(url);
  expect(await logRows(other)).toEqual(rows);
});

for (const presenter of [false, true]) {
  test(`every lane of a five-process reliability run is on screen at 1280×720${presenter ? ' in presenter mode' : ''}`, async ({
    page,
  }) => {
    const s = example('reliability-reliable.json');
    await openScenario(
      page,
      s,
      Math.floor(simulate(s).events.length / 2),
      presenter ? { presenter: true } : {},
    );
    const diagram = page.locator('.diagram');
    await expect(page.locator('.mv-lane-button')).toHaveCount(s.processes.length);
    const box = (await diagram.boundingBox())!;
    for (const p of s.processes) {
      const lane = (await page.locator(`.mv-lane-button[data-lane="${p}"] rect`).boundingBox())!;
      expect(lane.y, `${p}'s lane is below the diagram's top`).toBeGreaterThanOrEqual(box.y);
      expect(lane.y + lane.height, `${p}'s lane is above the diagram's bottom`).toBeLessThanOrEqual(
        box.y + box.height,
      );
    }
  });
}

test('the reliability popover and the lane menu have no serious or critical accessibility violations', async ({
  page,
}, testInfo) => {
  const s = example('atomic-example1.json');
  await openScenario(page, s, Math.floor(simulate(s).events.length / 2));
  await page.getByTestId('rel-options').click();
  await expect(page.getByRole('dialog', { name: ui.en.rel.optionsTitle })).toBeVisible();
  await expectNoSeriousViolations(page, testInfo, 'the reliability popover');
  await page.keyboard.press('Escape');
  await openLaneMenu(page, s.processes[1]!, 5);
  await expectNoSeriousViolations(page, testInfo, 'the lane menu');
});
