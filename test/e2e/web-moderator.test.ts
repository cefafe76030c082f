/**
 * The moderator pages in a real headless Chromium: the review queue shows
 * the rules that fired and an approval is announced once by the real
 * workers; an import is previewed (nothing stored) then confirmed; a member
 * is refused every moderator page; a form whose CSRF token was tampered with
 * is refused. Every page is checked with axe-core.
 */
import { stringify } from 'csv-stringify/sync';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import { CSV_COLUMNS } from '../../src/core/opportunities/listing-row.ts';
import { listingCells, seedListings } from '../helpers/listing-fixtures.ts';
import { eventually } from '../integration/reminder-harness.ts';
import {
  expectAccessible,
  expectFitsWidth,
  launchBrowser,
  screenshot,
  type WebHarness,
  webHarness,
} from './web-harness.ts';

let browser: Browser;
let w: WebHarness;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(() => browser?.close());
beforeEach(async () => {
  w = await webHarness(browser, { width: 1024 });
});
afterEach(() => w.close());

const FLAGGED = 'Guaranteed residency position for every observer who completes the rotation.';

async function holdOne(id: string): Promise<void> {
  const report = await seedListings(w.h.app, [
    listingCells({ id, title: `Flagged ${id}`, description: FLAGGED }),
  ]);
  expect(report.held.map((h) => h.id)).toEqual([id]);
}

describe('web dashboard: moderators in the browser', () => {
  it('GIVEN a flagged listing THEN the review page shows the rule, approve publishes it and it is announced once', async () => {
    const mod = w.h.app.as('mo', { moderator: true });
    expect((await runTextCommand('/setup announce_channel:general', mod)).error).toBe(false);
    await holdOne('held-01');
    await w.h.startWorker();
    const { page } = w;
    await w.signIn('mo');
    await page.goto(w.url('/mod'));
    await expectAccessible(page, 'moderation index');
    await page.getByRole('link', { name: 'Review queue' }).click();
    await expect.poll(() => page.getByText('flag: guaranteed-match').count()).toBe(1);
    await expectAccessible(page, 'review queue');
    await screenshot(page, 'mod-review');
    await page.getByLabel('Select “Flagged held-01”').check();
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await page.waitForURL(w.url('/mod/review'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Approved');
    expect((await w.h.app.deps.listings.get('held-01'))?.status).toBe('published');

    await eventually(() => expect(w.h.notifier.posted.map((p) => p.to)).toEqual(['shell:general']));
    // The listing left the queue; the ledger records the one post, so a retried job posts nothing more.
    await page.goto(w.url('/mod/review'));
    expect(await page.getByLabel('Select “Flagged held-01”').count()).toBe(0);
    await eventually(async () => {
      const state = await w.h.app.deps.alerts.ledger.state('held-01');
      expect(state.post).toBe('posted');
    });
    expect(w.h.notifier.posted).toHaveLength(1);
    expect(w.h.notifier.posted[0]?.message.ids).toContain('held-01');
  });

  it('GIVEN a CSV THEN the preview lists row errors and flags and stores nothing; confirm stores it', async () => {
    const rows = [
      listingCells({ id: 'imp-clean-01', title: 'Clean import' }),
      listingCells({ id: 'imp-bad-01', title: 'Bad state', state: 'ZZ' }),
      listingCells({ id: 'imp-flag-01', title: 'Flagged import', description: FLAGGED }),
    ];
    const csv = stringify([[...CSV_COLUMNS], ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? ''))]);
    const { page } = w;
    await w.signIn('mo');
    await page.goto(w.url('/mod/import'));
    await expectAccessible(page, 'import page');
    await page.getByLabel('…or paste its text').fill(csv);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForURL(w.url('/mod/import/preview'));
    const main = page.locator('main');
    await expect
      .poll(() => main.textContent())
      .toMatch(/If you confirm: Imported 1, updated 0, held for review 1, .*rejected 1\./);
    expect(await main.textContent()).toContain('row 3');
    expect(await page.getByRole('cell', { name: 'state', exact: true }).count()).toBe(1);
    expect(await page.getByRole('cell', { name: /guaranteed-match/ }).count()).toBe(1);
    expect(await w.h.app.deps.listings.count()).toBe(0);
    expect(await w.h.app.deps.audit.list('shell:local', { limit: 5 })).toEqual([]);
    await expectAccessible(page, 'import preview');
    await screenshot(page, 'mod-import-preview');

    await page.getByRole('button', { name: 'Confirm import' }).click();
    await page.waitForURL(w.url('/mod/import/confirm'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Import done');
    expect((await w.h.app.deps.listings.get('imp-clean-01'))?.status).toBe('published');
    expect((await w.h.app.deps.listings.get('imp-flag-01'))?.status).toBe('pending');
    expect(await w.h.app.deps.listings.get('imp-bad-01')).toBeUndefined();

    await page.goto(w.url('/mod/listings'));
    expect(await page.getByRole('cell', { name: /Clean import/ }).count()).toBe(1);
    await expectAccessible(page, 'listings table');
    await screenshot(page, 'mod-listings');
    await page.goto(w.url('/mod/audit'));
    await expect.poll(() => page.locator('main').textContent()).toContain('listing.import');
    await expectAccessible(page, 'audit log');
  });

  it('GIVEN a member THEN every moderator page answers 403 in the browser', async () => {
    const { page } = w;
    await w.signIn('amina');
    for (const path of [
      '/mod',
      '/mod/review',
      '/mod/listings',
      '/mod/import',
      '/mod/audit',
      '/mod/export?format=csv',
    ]) {
      const res = await page.goto(w.url(path));
      expect(res?.status(), path).toBe(403);
    }
    await expectAccessible(page, 'refusal page');
    await expectFitsWidth(page, 'refusal page');
  });

  it('GIVEN a moderator form whose CSRF token was changed THEN the POST is refused and nothing changes', async () => {
    await holdOne('held-02');
    const { page } = w;
    await w.signIn('mo');
    await page.goto(w.url('/mod/review'));
    await page.getByLabel('Select “Flagged held-02”').check();
    await page.locator('form[action="/mod/review"] input[name="_csrf"]').evaluate((el) => {
      (el as unknown as { value: string }).value = 'tampered';
    });
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url() === w.url('/mod/review') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Approve selected' }).click(),
    ]);
    expect(res.status()).toBe(403);
    expect((await w.h.app.deps.listings.get('held-02'))?.status).toBe('pending');
  });
});
