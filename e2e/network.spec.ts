/**
 * The network lab (issue 4, with issue 5's distribution trees): the modes compared on one
 * topology, the address lab's MAC mapping and collisions, an IPTV channel change stepped through
 * (membership, streams, leave latency), the packet inspector opened from the event log, an edited
 * topology (a host added, a router dragged) surviving a shared link, a PIM dense-mode prune on
 * the wire, and axe scans of every panel in normal and presenter mode. Expected numbers are
 * worked out from the example topologies by hand (see each comment), not copied from a run.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Scenario } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import { decodeShare } from '../src/scenarios/url';
import { validateScenario } from '../src/scenarios/validate';
import { expect, openScenario, test } from './fixtures';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../src/scenarios/examples/${name}.json`, import.meta.url), 'utf8'));
const modes = example('network-modes');
const iptv = example('iptv-channel-change');
const floodPrune = example('pim-dense-flood-prune');
const sptSwitch = example('pim-sparse-spt-switch');

function scenario(data: unknown): Scenario {
  const v = validateScenario(data);
  if (!v.ok) throw new Error(`example does not validate: ${JSON.stringify(v.errors)}`);
  return v.value;
}

async function topologyReady(page: Page) {
  await expect(page.getByTestId('topology')).toBeVisible();
}

const cell = (page: Page, msg: string, col: string) =>
  page.getByTestId('modes-table').locator(`tr[data-msg="${msg}"] td[data-col="${col}"]`);

test('the modes compared on one topology give each mode its counts', async ({ page }) => {
  const s = scenario(modes);
  await openScenario(page, s, simulate(s).events.length);
  await topologyReady(page);
  // Netcast to H2, H3 (on L2) and H4 (on L3): 3 unicasts, each crossing L1, R1's link to R2 or
  // R3, and the member's LAN: 3 packets from the source, 9 traversals.
  await expect(cell(page, 'net', 'sent')).toHaveText('3');
  await expect(cell(page, 'net', 'traversals')).toHaveText('9');
  // Multicast: one frame on L1, one copy on R1-R2 and on R1-R3, one frame on L2 and on L3: 5.
  await expect(cell(page, 'multi', 'sent')).toHaveText('1');
  await expect(cell(page, 'multi', 'traversals')).toHaveText('5');
  await expect(cell(page, 'multi', 'received')).toContainText('3');
  // The limited broadcast stays on L1: one frame, and H1 (the only other host there) gets it.
  await expect(cell(page, 'bcast', 'traversals')).toHaveText('1');
  await expect(cell(page, 'bcast', 'received')).toContainText('H1');
  await expect(page.getByRole('img', { name: /Link traversals and hosts that discarded/ })).toBeVisible();
});

test('the address lab maps 224.10.8.5 to 01:00:5e:0a:08:05 and lists the 32 groups that share it', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Address lab' }).click();
  const dialog = page.getByRole('dialog', { name: 'Address lab' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('IPv4 or IPv6 address').fill('224.10.8.5');
  // RFC 1112 §6.4: 01:00:5e, a 0 bit, then the low 23 bits of 224.10.8.5 (0x0a0805).
  await expect(dialog.getByTestId('mac')).toHaveText('01:00:5e:0a:08:05');
  const sharing = dialog.getByTestId('sharing').locator('li');
  await expect(sharing).toHaveCount(32);
  // Setting the lost bit just above the 23 copied ones: 10 + 128 = 138 maps to the same MAC.
  await expect(dialog.getByTestId('sharing')).toContainText('224.138.8.5');
  await expect(dialog.getByTestId('sharing')).toContainText('239.138.8.5');
  // A bad octet gets a precise error, not a crash.
  await dialog.getByLabel('IPv4 or IPv6 address').fill('224.300.1.1');
  await expect(dialog.getByRole('alert')).toContainText('300');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an IPTV channel change: the Leave goes on the wire and the router drops the old channel', async ({
  page,
}) => {
  const s = scenario(iptv);
  const trace = simulate(s);
  const leave = trace.events.find((e) => e.type === 'send' && e.kind === 'leave');
  if (!leave) throw new Error('the example has no Leave');
  // Just before the Leave is sent: one step forward puts it on the wire.
  await openScenario(page, s, leave.step);
  await topologyReady(page);
  await expect(page.locator('[data-kind="leave"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('[data-kind="leave"]').first()).toBeVisible();
  // A click on the Leave opens its packet menu; Inspect shows its fields: RFC 2236 §9 sends it to
  // all-routers, 224.0.0.2. (The packet takes clicks through its hit target, drawn under the nodes.)
  const leaveCopy = await page.locator('[data-kind="leave"]').first().getAttribute('data-copy');
  await page.locator(`[data-hit="${leaveCopy}"]`).click();
  await page.getByTestId('packet-menu').getByRole('button', { name: 'Inspect this IGMP message' }).click();
  await expect(page.getByTestId('igmp-inspector')).toContainText('Leave Group');
  await expect(page.getByTestId('ip-dst')).toContainText('224.0.0.2');
  await expect(page.getByTestId('checksum')).toContainText('correct');
  // At the end the querier has no members of the old channel left on the set-top boxes' LAN.
  await page.getByRole('button', { name: 'Last step' }).click();
  // The IGMP panel: the router's membership and the streams on L1 followed the change.
  const groups = page.getByTestId('lan-groups');
  await expect(groups.locator('tr[data-lan="L1"][data-group="ch1"] [data-col="state"]')).toHaveText(
    'No Members Present',
  );
  await expect(groups.locator('tr[data-lan="L1"][data-group="ch2"] [data-col="state"]')).toHaveText(
    'Members Present',
  );
  // The leave latency: RFC 2236 §3 sends Last Member Query Count (2) group-specific queries, 1 s
  // (8 ticks) apart, before the router stops ch1: at least 16 ticks.
  const ch1 = page.getByTestId('leaves').locator('tr[data-group="ch1"]');
  await expect(ch1.locator('[data-col="queries"]')).toHaveText('2');
  const latency = Number(
    ((await ch1.locator('[data-col="latency"]').textContent()) ?? '').match(/^\d+/)?.[0],
  );
  expect(latency).toBeGreaterThanOrEqual(16);
  expect(Number(await ch1.locator('[data-col="after"]').textContent())).toBeGreaterThan(0);
  await page.getByRole('button', { name: /^Router R2/ }).click();
  const row = page.getByTestId('igmp-router').locator('tr', { hasText: 'ch1' });
  await expect(row).toContainText('No Members Present');
});

test("a click on an IGMP message's row in the event log opens it in the packet inspector", async ({
  page,
}) => {
  const s = scenario(iptv);
  const trace = simulate(s);
  const report = trace.events.find((e) => e.type === 'send' && e.kind === 'report');
  if (!report) throw new Error('the example has no Report');
  await openScenario(page, s, report.step + 1);
  await topologyReady(page);
  const log = page.getByRole('region', { name: 'Event log' });
  await log
    .getByRole('row', { name: new RegExp(report.msg!) })
    .first()
    .click();
  const inspector = page.getByTestId('igmp-inspector');
  await expect(inspector).toContainText(report.msg!);
  // RFC 2236 §9: a Report goes to the group it reports.
  await expect(page.getByTestId('ip-dst')).toContainText('239.10.0.');
  await expect(page.getByTestId('checksum')).toContainText('correct');
  // The message's cell is a button too, for the keyboard.
  await page.keyboard.press('Escape');
  await expect(inspector).toBeHidden();
  await log
    .getByRole('button', { name: `Inspect packet ${report.msg}` })
    .first()
    .focus();
  await page.keyboard.press('Enter');
  await expect(inspector).toBeVisible();
});

test('an edited topology survives a shared link: an added host and a dragged router', async ({
  page,
  browser,
}) => {
  const s = scenario(modes);
  await openScenario(page, s, 0);
  await topologyReady(page);
  await page.getByRole('button', { name: 'Edit topology' }).click();
  const editor = page.getByTestId('topology-editor');
  // Impossible first: a host on a router is refused with a reason, and nothing changes.
  await editor.getByTestId('link-a').selectOption('H1');
  await editor.getByTestId('link-b').selectOption('L2');
  await editor.getByTestId('link-add').click();
  await expect(page.getByRole('alert')).toContainText('H1 is already on LAN L1');
  await expect(page.locator('[data-node="H9"]')).toHaveCount(0);
  // Add host H9 on L3 with a 3-tick link.
  await editor.getByTestId('edit-kind').selectOption('host');
  await editor.getByTestId('edit-id').fill('H9');
  await editor.getByTestId('edit-attach').selectOption('L3');
  await editor.getByLabel('Latency (ticks)').first().fill('3');
  await editor.getByTestId('edit-add').click();
  await expect(page.locator('[data-node="H9"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'added H9' })).toBeVisible();
  // Drag R2 down and to the left.
  const r2 = page.locator('[data-node="R2"]');
  const before = await r2.getAttribute('transform');
  const box = (await r2.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 60, box.y + 90, { steps: 6 });
  await page.mouse.up();
  await expect(r2).not.toHaveAttribute('transform', before ?? '');
  const placed = await page
    .locator('[data-node]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-node'), e.getAttribute('transform')])),
    );
  // The share link carries the edits: a new page opened on it draws the same nodes in the same places.
  await page.getByRole('button', { name: 'Copy link' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await browser.newPage();
  await other.goto(url);
  await expect(other.getByTestId('topology')).toBeVisible();
  const shared = await other
    .locator('[data-node]')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-node'), e.getAttribute('transform')])),
    );
  expect(shared).toEqual(placed);
  expect(shared.H9).toBeTruthy();
  await other.close();
  // Undo in the editor takes the drag back.
  await page.getByTestId('topology-undo').click();
  await expect(r2).toHaveAttribute('transform', before ?? '');
});

test('a shared link reopens the side panel and the host it was copied on', async ({ page, browser }) => {
  const s = scenario(modes);
  await openScenario(page, s, 0);
  await topologyReady(page);
  const panels = (p: Page) => p.getByRole('navigation', { name: 'Panels' });
  // The modes compared open first; the student picks H1, then the IGMP panel.
  await expect(panels(page).getByRole('button', { name: 'Modes compared' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.locator('[data-node="H1"]').click();
  await panels(page).getByRole('button', { name: 'IGMP' }).click();
  await expect(panels(page).getByRole('button', { name: 'IGMP' })).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() => {
      const r = decodeShare(page.url());
      return r.ok ? r.value.view : r.error.summary;
    })
    .toEqual({ panel: 'igmp', node: 'H1' });
  const other = await browser.newPage();
  await other.goto(page.url());
  await topologyReady(other);
  await expect(panels(other).getByRole('button', { name: 'IGMP' })).toHaveAttribute('aria-pressed', 'true');
  await expect(other.locator('[data-node="H1"]')).toHaveAttribute('aria-pressed', 'true');
  await other.close();
});

test('PIM dense mode: a Prune travels upstream and the source tree is drawn', async ({ page }) => {
  const s = scenario(floodPrune);
  const trace = simulate(s);
  const prune = trace.events.find((e) => e.type === 'send' && e.kind === 'pim-prune');
  if (!prune) throw new Error('the example has no Prune');
  await openScenario(page, s, prune.step + 1);
  await topologyReady(page);
  await expect(page.locator('[data-kind="pim-prune"]').first()).toBeAttached();
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('PIM Prune');
  await expect(page.getByTestId('tree-text')).toContainText('source tree');
  await page.getByRole('button', { name: /^Router R1/ }).click();
  await expect(page.getByTestId('pim-table')).toContainText('(S,G)');
});

test('a packet dropped by click is lost on the wire and its receiver misses it; Undo brings it back', async ({
  page,
}) => {
  // pim-sparse-spt-switch: S streams 12 packets to G and H1 is a member throughout, so H1 receives
  // 12. d.1 reaches H1 down the RP tree; its copy d.1@L1 goes from R5 onto H1's LAN.
  const s = scenario(sptSwitch);
  const trace = simulate(s);
  const c = trace.copies.find((x) => x.id === 'd.1@L1');
  if (!c) throw new Error('no copy d.1@L1');
  const last = trace.events.length;
  const h1 = page.locator('[data-node="H1"]');
  await openScenario(page, s, last);
  await topologyReady(page);
  await expect(h1).toHaveAttribute('aria-label', /received 12,/);
  // Back to just after R5 put the copy on the wire.
  await openScenario(page, s, c.sentStep + 1);
  await topologyReady(page);
  const hashBefore = new URL(page.url()).hash;
  await page.locator('[data-hit="d.1@L1"]').click();
  const menu = page.getByTestId('packet-menu');
  await expect(menu).toBeVisible();
  await expect(menu).toContainText('Packet d.1@L1');
  await expect(menu).toContainText('from R5 to L1');
  // The menu's first choice has the focus, for the keyboard.
  await expect(menu.getByTestId('packet-drop')).toBeFocused();
  await menu.getByTestId('packet-drop').click();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'dropped d.1@L1' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).not.toBe(hashBefore);
  // Drawn lost (a cross) where it is, and nothing of d.1 crosses L1 to H1 any more.
  await expect(page.locator('.nl-packets [data-copy="d.1@L1"]')).toHaveClass(/\blost\b/);
  await page.getByRole('button', { name: 'Last step' }).click();
  await expect(h1).toHaveAttribute('aria-label', /received 11,/);
  // Undo takes the drop back: H1 receives all 12 again.
  await page.getByTestId('edit-undo').click();
  await expect(h1).toHaveAttribute('aria-label', /received 12,/);
});

test('a packet delayed by click arrives later; a delay out of range is refused with the reason', async ({
  page,
}) => {
  const s = scenario(sptSwitch);
  const c = simulate(s).copies.find((x) => x.id === 'd.1@L1');
  if (!c) throw new Error('no copy d.1@L1');
  await openScenario(page, s, c.sentStep + 1);
  await topologyReady(page);
  await page.locator('[data-hit="d.1@L1"]').click();
  const menu = page.getByTestId('packet-menu');
  // d.1@L1 leaves R5 at t=48 over a 1-tick link: due at t=49.
  await expect(menu).toContainText('due at t=49');
  await menu.getByTestId('packet-delay-ticks').fill('1001');
  await menu.getByTestId('packet-delay').click();
  await expect(page.getByRole('alert')).toContainText('1 to 1000');
  await expect(menu).toBeVisible();
  await menu.getByTestId('packet-delay-ticks').fill('6');
  await expect(menu).toContainText('arrives at t=55 instead');
  await menu.getByTestId('packet-delay-ticks').press('Enter');
  await expect(menu).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'd.1@L1 now arrives at t=55' })).toBeVisible();
  // Escape closes the menu without an edit.
  await page.locator('[data-hit="d.1@L1"]').click();
  await expect(menu).toContainText('due at t=55');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});

async function seriousViolations(
  page: Page,
  name: string,
  testInfo: { attach: (n: string, o: { body: string; contentType: string }) => Promise<void> },
) {
  const result = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe ${name}`, {
    body: JSON.stringify(result.violations, null, 2),
    contentType: 'application/json',
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

test('the network view has no serious or critical accessibility violations', async ({ page }, testInfo) => {
  const s = scenario(floodPrune);
  await openScenario(page, s, Math.floor(simulate(s).events.length / 2));
  await topologyReady(page);
  await page.getByRole('button', { name: /^Router R1/ }).click();
  expect(await seriousViolations(page, 'network view', testInfo)).toEqual([]);
});

for (const presenter of [false, true]) {
  test(`every panel of the network lab is axe clean${presenter ? ' in presenter mode' : ''}`, async ({
    page,
  }, testInfo) => {
    // Several scans of a full page: each takes seconds on a shared machine.
    test.setTimeout(180_000);
    const extra = presenter ? { presenter: true } : {};
    const panels = page.getByRole('navigation', { name: 'Panels' });
    const m = scenario(modes);
    await openScenario(page, m, simulate(m).events.length, extra);
    await topologyReady(page);
    for (const panel of ['Modes compared', 'Ethernet cards', 'Address lab', 'Edit topology']) {
      await panels.getByRole('button', { name: panel }).click();
      expect(await seriousViolations(page, panel, testInfo), panel).toEqual([]);
    }
    const i = scenario(iptv);
    await openScenario(page, i, Math.floor(simulate(i).events.length / 2), extra);
    await topologyReady(page);
    await expect(panels.getByRole('button', { name: 'IGMP' })).toHaveAttribute('aria-pressed', 'true');
    expect(await seriousViolations(page, 'IGMP', testInfo)).toEqual([]);
  });
}

test('the Examples menu opens a network example in place of the process lab', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Examples').selectOption('pim-dense-graft');
  await topologyReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Graft');
  // The process lab's panels give way to the network lab's.
  await expect(page.getByTestId('network-lab')).toBeVisible();
});
