/**
 * Bad share links (issue 2, "Share URLs"): a truncated, corrupted, oversized, wrong-version or
 * invalid link shows a specific error (what is wrong, which field) and a working default
 * scenario — never a blank page, never an uncaught exception, never a hang. The fixture fails any
 * test whose page logs an error or throws.
 *
 * Each expected message is the codec's sentence for the problem this spec *knows* it built
 * (a cut-off link is "truncated" because the spec cut it), so the test checks both that the
 * problem is recognised for what it is and that the page says so.
 */
import type { Page } from '@playwright/test';
import { type Scenario, titleIn } from '../src/scenarios/schema';
import { simulate } from '../src/scenarios/simulate';
import { encodeShare, SHARE_LIMITS, type ShareProblem, shareProblemText } from '../src/scenarios/url';
import { DEFAULT_SCENARIO, expect, test } from './fixtures';

/** A valid scenario that is clearly not the default, so the fallback is recognisable. */
const SHARED: Scenario = {
  version: 1,
  lab: 'process',
  title: 'A shared scenario that should not load',
  seed: 3,
  processes: ['A', 'B', 'C', 'D'],
  ordering: 'unordered',
  network: { latency: [1, 4], loss: 0 },
  actions: [
    { type: 'multicast', at: 0, node: 'A', msg: 'x1' },
    { type: 'multicast', at: 2, node: 'B', msg: 'x2' },
  ],
  interventions: [],
};
const GOOD = encodeShare({ scenario: SHARED, cursor: 3 });
const PAYLOAD = GOOD.slice(GOOD.indexOf('.') + 1);

/** The link's compressed bytes with the first block's type set to 3, which deflate reserves (RFC 1951 §3.2.3). */
function corruptedLink(): string {
  const bytes = Buffer.from(PAYLOAD, 'base64url');
  bytes[0] = bytes[0]! | 0b110;
  return `v1.${bytes.toString('base64url')}`;
}

const en = (p: ShareProblem) => shareProblemText(p, 'en');

const BAD_LINKS: { name: string; hash: string; says: string; field?: string }[] = [
  {
    name: 'truncated (cut off when copied)',
    hash: GOOD.slice(0, Math.floor(GOOD.length / 2)),
    says: en({ code: 'truncated' }),
  },
  {
    name: 'corrupted (damaged compressed data)',
    hash: corruptedLink(),
    says: 'compressed data is corrupted',
  },
  { name: 'a newer version prefix', hash: `v2.${PAYLOAD}`, says: en({ code: 'newer-version', version: 2 }) },
  {
    name: 'an unknown version prefix',
    hash: `v0.${PAYLOAD}`,
    says: en({ code: 'unknown-version', version: '0' }),
  },
  { name: 'no version prefix at all', hash: PAYLOAD, says: en({ code: 'no-version' }) },
  {
    name: 'a character no link contains',
    hash: `${GOOD.slice(0, 10)}!${GOOD.slice(11)}`,
    says: en({ code: 'bad-character', char: '!', position: 11 }),
  },
  {
    name: 'oversized',
    hash: `v1.${'A'.repeat(SHARE_LIMITS.hashChars)}`,
    says: en({ code: 'too-long', length: SHARE_LIMITS.hashChars + 3, limit: SHARE_LIMITS.hashChars }),
  },
  {
    name: 'an invalid scenario field',
    hash: encodeShare({
      scenario: { ...SHARED, actions: [{ type: 'multicast', at: 0, node: 'Z9', msg: 'x1' }] },
      cursor: 0,
    }),
    says: en({ code: 'invalid-scenario', count: 1 }),
    field: 'scenario.actions[0].node',
  },
];

/** The default scenario is on screen, fully simulated, and the cursor steps both ways by keyboard. */
async function expectWorkingDefault(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    titleIn(DEFAULT_SCENARIO.title, 'en') ?? '',
  );
  const diagram = page.getByRole('main').getByRole('figure');
  await expect(diagram).toBeVisible();
  await expect(diagram.locator('svg')).toBeVisible();
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await expect(timeline).toHaveAttribute('max', String(simulate(DEFAULT_SCENARIO).events.length));
  await expect(timeline).toHaveValue('0');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(timeline).toHaveValue('2');
  await page.keyboard.press('ArrowLeft');
  await expect(timeline).toHaveValue('1');
}

for (const link of BAD_LINKS) {
  test(`a link with ${link.name} shows its error and a working default scenario`, async ({ page }) => {
    await page.goto(`./#${link.hash}`);
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(link.says);
    if (link.field) await expect(alert).toContainText(link.field);
    await expectWorkingDefault(page);
  });
}

test('a good link opens its own scenario, with no error', async ({ page }) => {
  await page.goto(`./#${GOOD}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleIn(SHARED.title, 'en') ?? '');
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveValue('3');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('pasting a bad link into a running app keeps the scenario on screen and says why', async ({ page }) => {
  await page.goto(`./#${GOOD}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleIn(SHARED.title, 'en') ?? '');
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `v2.${PAYLOAD}`);
  await expect(page.getByRole('alert')).toContainText(en({ code: 'newer-version', version: 2 }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleIn(SHARED.title, 'en') ?? '');
});

test('in Chinese, a bad link says what is wrong and each field in Chinese; back in English, in English', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('button', { name: '中文' }).click();
  const invalid = BAD_LINKS.find((l) => l.field)!;
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, invalid.hash);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(shareProblemText({ code: 'invalid-scenario', count: 1 }, 'zh'));
  await expect(alert.getByRole('listitem')).toHaveText('scenario.actions[0].node: "Z9" 不在 processes 之中');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(alert.getByRole('listitem')).toHaveText(
    'scenario.actions[0].node: "Z9" is not one of processes',
  );
});
