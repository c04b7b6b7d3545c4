/**
 * The PIM views (issue 5 §4, §7) on the production build: a Graft travelling up a pruned branch
 * on the topology and the control-message diagram while R4's upstream machine goes AckPending →
 * Forwarding; the RP tree growing as receivers join; the switch to the source tree with an
 * (S,G,rpt) Prune toward the RP; a shared link that reproduces a routing scenario exactly; bad
 * topologies explained; axe. Expected routers and links are read off the example topologies by
 * the RFC rules named in each comment; steps come from Node's own run of the same scenario.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { NetworkScenario, Scenario } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import { decodeShare } from '../src/scenarios/url';
import { validateScenario } from '../src/scenarios/validate';
import type { Trace } from '../src/sim/trace';
import { expect, openScenario, test } from './fixtures';

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../src/scenarios/examples/${name}.json`, import.meta.url), 'utf8'));

function scenario(data: unknown): NetworkScenario {
  const v = validateScenario(data);
  if (!v.ok || v.value.lab !== 'network') throw new Error(`example does not validate: ${JSON.stringify(v)}`);
  return v.value;
}

const copy = (t: Trace, kind: string, src: string, label?: string) => {
  const c = t.copies.find(
    (x) => x.kind.startsWith(kind) && x.src === src && (!label || x.label?.includes(label)),
  );
  if (!c) throw new Error(`no ${kind} from ${src}`);
  return c;
};

/** The cursor just after `node` has finished handling what happened at `step` (its state is recorded then). */
const settled = (t: Trace, step: number, node: string) =>
  t.events.find((e) => e.step > step && e.node !== node)?.step ?? t.events.length;

async function stepTo(page: Page, from: number, to: number) {
  for (let i = from; i < to; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByText(new RegExp(`step ${to} / `))).toBeVisible();
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const machine = (page: Page, kind: string) =>
  page.getByTestId('pim-machines').locator(`[data-machine="${kind}"]`);

test('dense mode: H3 joins under a pruned branch and the Graft travels upstream from R4 to R2', async ({
  page,
}) => {
  const s = scenario(example('pim-dense-graft'));
  const t = simulate(s);
  // R4's RPF neighbour toward S is R2 (equal cost via R2 or R3; the lower id wins, RFC 3973 §4.1.3).
  const graft = copy(t, 'pim-graft', 'R4');
  const ack = copy(t, 'pim-graft-ack', 'R2');
  expect(graft.to).toBe('R2');
  await openScenario(page, s, graft.sentStep);
  await expect(page.getByTestId('topology')).toBeVisible();
  await expect(page.locator('[data-kind="pim-graft"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Step forward' }).click();
  // On the topology: the Graft is on the wire.
  await expect(page.locator('[data-kind="pim-graft"]').first()).toBeAttached();
  // On the control diagram: an arrow from R4's lane to R2's.
  await tab(page, 'Control messages').click();
  const arrow = page.locator(`g[data-arrow="${graft.id}"]`);
  await expect(arrow).toBeVisible();
  await expect(arrow).toHaveAttribute('data-kind', 'pim-graft');
  await arrow.click();
  const msg = page.getByTestId('pim-message');
  await expect(msg).toContainText('Graft (S,G)');
  await expect(msg.locator('[data-field="upstream"]')).toContainText('(R2)');
  // R4's upstream (S,G) machine has just left Pruned for AckPending (RFC 3973 §4.4.1).
  await page.getByRole('button', { name: 'Router R4', exact: true }).click();
  await expect(machine(page, 'dm-upstream')).toHaveAttribute('data-state', 'AckPending');
  await expect(machine(page, 'dm-upstream')).toContainText('Pruned → AckPending');
  await expect(page.getByTestId('pim-table')).toContainText('AckPending');
  // The Graft-Ack comes back; once it has arrived R4 forwards again.
  const done = settled(t, ack.arriveStep!, 'R4');
  await stepTo(page, graft.sentStep + 1, done);
  await expect(page.locator(`g[data-arrow="${ack.id}"]`)).toBeVisible();
  await expect(machine(page, 'dm-upstream')).toHaveAttribute('data-state', 'Forwarding');
  await expect(machine(page, 'dm-upstream')).toContainText('AckPending → Forwarding');
  await expect(page.getByTestId('pim-table')).toContainText('Forwarding');
  // And back: stepping back undoes the arrival.
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(machine(page, 'dm-upstream')).toHaveAttribute('data-state', 'AckPending');
});

test('sparse mode: the RP tree grows as receivers join', async ({ page }) => {
  const s = scenario(example('pim-sparse-rp-tree'));
  const t = simulate(s);
  // RP R3. H1 sits behind R5 (link R3-R5), H2 behind R2 (link R2-R3): each DR joins (*,G) toward R3
  // (R2's Join may carry an (S,G,rpt) Prune too: S already reaches it natively on the way to the RP).
  const first = copy(t, 'pim-join', 'R5', '(*,G)');
  const second = copy(t, 'pim-join', 'R2', '(*,G)');
  expect([first.to, second.to]).toEqual(['R3', 'R3']);
  const firstDone = settled(t, first.arriveStep!, 'R3');
  const secondDone = settled(t, second.arriveStep!, 'R3');
  await openScenario(page, s, firstDone);
  await tab(page, 'Control messages').click();
  await expect(page.getByTestId('pim-control')).toContainText('RP');
  await expect(page.locator(`g[data-arrow="${first.id}"]`)).toBeVisible();
  await expect(page.locator(`g[data-arrow="${second.id}"]`)).toHaveCount(0);
  await page.getByRole('button', { name: 'Router R3, the rendezvous point' }).click();
  const star = page.getByTestId('pim-table').locator('tr', { hasText: '(*,' });
  await expect(star).toContainText('R3-R5');
  await expect(star).not.toContainText('R2-R3');
  // After H2's join has reached the RP, the shared tree has a second branch.
  // Many steps later: jump there by link, as an instructor would, on the control messages tab
  // (a link opens the tab it carries; without one, the topology).
  await openScenario(page, s, secondDone, { view: { tab: 'control' } });
  await expect(tab(page, 'Control messages')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(new RegExp(`step ${secondDone} / `))).toBeVisible();
  await page.getByRole('button', { name: 'Router R3, the rendezvous point' }).click();
  await expect(page.locator(`g[data-arrow="${second.id}"]`)).toBeVisible();
  await expect(star).toContainText('R3-R5');
  await expect(star).toContainText('R2-R3');
  // The RP's downstream (*,G) machine on the new branch is in Join (RFC 7761 §4.5.2).
  await page.getByTestId('pim-machine-entry').selectOption('(*,G)');
  await expect(
    page.getByTestId('pim-machines').locator('[data-machine="sm-downstream-star"][data-iface="R2-R3"]'),
  ).toHaveAttribute('data-state', 'Join');
});

test('sparse mode: the switch to the source tree sends an (S,G,rpt) Prune toward the RP', async ({
  page,
}) => {
  const s = scenario(example('pim-sparse-spt-switch'));
  const t = simulate(s);
  // RFC 7761 §4.5.9: the last-hop router R5, now on the SPT, prunes S off the RP tree toward the RP R3.
  const rpt = t.copies.find((c) => c.kind === 'pim-prune' && c.src === 'R5' && c.label?.includes(',rpt)'));
  if (!rpt) throw new Error('no (S,G,rpt) Prune');
  expect(rpt.to).toBe('R3');
  await openScenario(page, s, rpt.sentStep + 1);
  await tab(page, 'Control messages').click();
  const arrow = page.locator(`g[data-arrow="${rpt.id}"]`);
  await expect(arrow).toHaveAttribute('data-kind', 'pim-prune-rpt');
  await expect(page.getByRole('list', { name: 'Message kinds' })).toContainText('(S,G,rpt) Prune');
  await arrow.click();
  await expect(page.getByTestId('pim-message').locator('[data-field="prunes"]')).toContainText('(S,G,rpt)');
  // Once the Prune has taken effect, the packets reach H1 on the source tree.
  await page.getByRole('button', { name: 'Last step' }).click();
  await tab(page, 'Topology').click();
  await expect(page.getByTestId('tree-text')).toContainText('source tree');
  await expect(page.getByTestId('tree-text')).not.toContainText('shared tree');
});

test('a shared link reproduces a routing scenario exactly', async ({ page, context }) => {
  const s = scenario(example('pim-sparse-spt-switch'));
  const t = simulate(s);
  const cursor = Math.floor(t.events.length * 0.6);
  await openScenario(page, s, cursor);
  await page.getByRole('button', { name: /^Router R5/ }).click();
  const table = (await page.getByTestId('pim-table').textContent()) ?? '';
  const tree = (await page.getByTestId('tree-text').textContent()) ?? '';
  expect(table).toContain('(S,');
  await tab(page, 'Control messages').click();
  const arrows = await page
    .locator('[data-arrow]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-arrow')));
  await page.getByRole('button', { name: 'Copy link' }).click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByText(`step ${cursor} / ${t.events.length}`)).toBeVisible();
  await expect(other.getByTestId('tree-text')).toHaveText(tree);
  await other.getByRole('button', { name: /^Router R5/ }).click();
  await expect(other.getByTestId('pim-table')).toHaveText(table);
  await tab(other, 'Control messages').click();
  expect(
    await other.locator('g[data-arrow]').evaluateAll((els) => els.map((e) => e.getAttribute('data-arrow'))),
  ).toEqual(arrows);
  await other.close();
});

test('a shared link reopens the stage tab, the side panel and the router it was copied on', async ({
  page,
  context,
}) => {
  const s = scenario(example('pim-dense-graft'));
  await openScenario(page, s, 5);
  const heading = (p: Page) => p.getByTestId('node-details').getByRole('heading', { level: 2 });
  await page.locator('[data-node="R3"]').click();
  await expect(heading(page)).toHaveText('Router R3');
  await tab(page, 'Dense vs sparse').click();
  await expect(page.getByTestId('pim-compare')).toBeVisible();
  // The address follows the screen (written once the screen is still).
  const view = () => {
    const r = decodeShare(page.url());
    return r.ok ? r.value.view : r.error.summary;
  };
  await expect.poll(view).toEqual({ panel: 'details', node: 'R3', tab: 'compare' });
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(tab(other, 'Dense vs sparse')).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByTestId('pim-compare')).toBeVisible();
  await expect(
    other.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Tables' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(heading(other)).toHaveText('Router R3');
  await expect(other.locator('[data-node="R3"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByText('step 5 / ')).toBeVisible();
  await other.close();
});

test('dense vs sparse: the numbers are the runs’ own copy counts', async ({ page }) => {
  const s = scenario(example('pim-dense-graft'));
  const t = simulate(s);
  const kind = (n: string) => (t.initial[n] as { kind: string }).kind;
  const data = t.copies.filter((c) => c.kind === 'data' && kind(c.src) !== 'lan').length;
  await openScenario(page, s, 0);
  await tab(page, 'Dense vs sparse').click();
  const row = (r: string) => page.getByTestId('pim-compare-table').locator(`tr[data-row="${r}"]`);
  await expect(row('data').locator('[data-mode="dense"]')).toHaveText(String(data));
  // RFC 3973: the flood leaves an (S,G) entry on each of the four routers.
  await expect(row('state').locator('[data-mode="dense"]')).toHaveText('4');
  await expect(page.getByTestId('pim-compare')).toContainText('this comparison uses');
  await expect(page.getByRole('img', { name: /Dense and sparse mode compared/ })).toBeVisible();
});

test('bad topologies are explained in both languages; sparse mode without an RP is refused with the reason', async ({
  page,
}) => {
  await openScenario(page, scenario(example('pim-bad-disconnected-source')), 0);
  const diag = page.getByTestId('pim-diagnostics');
  await expect(diag.locator('[data-code="source-disconnected"]')).toContainText(
    'Source S is cut off from H1, H2',
  );
  await page.getByRole('button', { name: '中文' }).click();
  await expect(diag.locator('[data-code="source-disconnected"]')).toContainText('源 S 与 H1、H2 不连通');
  await page.getByRole('button', { name: 'EN' }).click();
  await openScenario(page, scenario(example('pim-bad-equal-cost-loop')), 0);
  await expect(diag.locator('[data-code="equal-cost-rpf"]')).toContainText(
    'R4 has 2 equal-cost paths toward S',
  );
  await openScenario(page, scenario(example('pim-bad-rp-unreachable')), 0);
  await expect(diag.locator('[data-code="rp-unreachable"]').first()).toContainText('rendezvous point R4');
  // No RP at all: the scenario is not valid, so the link is refused with the field and the reason.
  const spt = example('pim-sparse-spt-switch');
  const noRp = { ...spt, pim: { mode: 'sparse' } } as unknown as Scenario;
  await openScenario(page, noRp, 0);
  await expect(page.getByTestId('load-error')).toContainText('pim.rp');
  await expect(page.getByTestId('load-error')).toContainText('no rendezvous point configured');
});

test('the PIM views have no serious or critical accessibility violations', async ({ page }, testInfo) => {
  const s = scenario(example('pim-sparse-spt-switch'));
  const t = simulate(s);
  await openScenario(page, s, Math.floor(t.events.length / 2));
  await page.getByRole('button', { name: /^Router R5/ }).click();
  await tab(page, 'Control messages').click();
  await page.locator('g[data-arrow]').first().click();
  for (const view of ['Control messages', 'Dense vs sparse']) {
    await tab(page, view).click();
    // Scan the view itself, not the one before it.
    await expect(tab(page, view)).toHaveAttribute('aria-selected', 'true');
    const result = await new AxeBuilder({ page }).analyze();
    await testInfo.attach(`axe ${view}`, { body: JSON.stringify(result.violations, null, 2) });
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map(
        (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(', ')}`,
      ),
    ).toEqual([]);
  }
});

test('the PIM settings panel: dense → sparse with R3 as RP, then no SPT switch, each an undoable edit in the link', async ({
  page,
}) => {
  await openScenario(page, scenario(example('pim-dense-flood-prune')), 0);
  await page.getByRole('button', { name: 'Last step' }).click();
  const legend = page.getByRole('list', { name: 'Legend' });
  // Dense mode floods and prunes: no Register, no rendezvous point.
  await expect(legend).toContainText('PIM Prune');
  await expect(legend).not.toContainText('PIM Register');
  await expect(page.locator('.nl-rp')).toHaveCount(0);
  // The router selected on the topology becomes the RP.
  await page.getByRole('button', { name: /^Router R3/ }).click();
  await page
    .getByRole('navigation', { name: 'Panels' })
    .getByRole('button', { name: 'PIM settings' })
    .click();
  const settings = page.getByTestId('pim-settings');
  await expect(settings.getByTestId('pim-mode')).toHaveValue('dense');
  const dense = new URL(page.url()).hash;
  await settings.getByTestId('pim-mode').selectOption('sparse');
  await expect(page.getByRole('status').filter({ hasText: 'PIM mode is now sparse' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).not.toBe(dense);
  await expect(settings.getByTestId('pim-rp')).toHaveValue('R3');
  await expect(page.locator('[data-node="R3"] .nl-rp')).toBeVisible();
  // RFC 7761: S's first-hop router R1 registers S's packets with the RP; H1's router R2 keeps (*,G).
  await expect(legend).toContainText('PIM Register');
  const sparse = new URL(page.url()).hash;
  await settings.getByTestId('pim-spt').selectOption('never');
  await expect(page.getByRole('status').filter({ hasText: 'SPT switch: never' })).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).not.toBe(sparse);
  await page.getByRole('button', { name: /^Router R2/ }).click();
  await expect(page.getByTestId('pim-table')).toContainText('(*,G)');
  // Undo twice: back to dense mode, as loaded.
  await page.getByTestId('edit-undo').click();
  await page.getByTestId('edit-undo').click();
  await expect(page.locator('.nl-rp')).toHaveCount(0);
  await expect(legend).not.toContainText('PIM Register');
});

test('after a lesson step loads, one click on a router selects it and shows its tables', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Graft: rejoining a pruned branch' }).click();
  const details = page.getByTestId('node-details');
  const router = (id: string) => page.locator(`[data-node="${id}"]`);
  // Step 1 points at R1 and opens its tables: a click on R2, not pointed at, must take one click.
  await expect(router('R1')).toHaveAttribute('aria-pressed', 'true');
  await router('R2').click();
  await expect(router('R2')).toHaveAttribute('aria-pressed', 'true');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Router R2');
  // Step 2: R4 has just sent its Graft, which sits on the wire beside R4. The step selects R4; a
  // click on R3 selects R3, and a click on R4 (the step's own router) selects it again.
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByTestId('lesson-progress')).toHaveText(/^step 2 \//);
  await expect(router('R4')).toHaveAttribute('aria-pressed', 'true');
  await router('R3').click();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Router R3');
  await router('R4').click();
  await expect(router('R4')).toHaveAttribute('aria-pressed', 'true');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Router R4');
  await router('R4').click();
  await expect(router('R4')).toHaveAttribute('aria-pressed', 'true');
});
