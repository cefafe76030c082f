/**
 * The web dashboard in a real headless Chromium, as a member sees it: local
 * sign-in, the board's search and paging with shareable URLs, a listing page
 * where markup in listing text stays text, My page where a reminder is
 * cancelled (and is gone from /reminders in the core), each page checked
 * with axe-core and at 390 px wide.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runTextCommand } from '../../src/core/commands/dispatch.ts';
import { listingCells, seedListings } from '../helpers/listing-fixtures.ts';
import {
  expectAccessible,
  expectFitsWidth,
  launchBrowser,
  type PageGlobals,
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
  w = await webHarness(browser);
});
afterEach(() => w.close());

const BOARD = '/c/shell%3Alocal/listings';

function cardiology(n: number) {
  return listingCells({
    id: `obs-cardio-ny-0${n}`,
    title: `Cardiology Observership ${n}`,
    deadline: `2027-0${n}-15`,
    city: n % 2 ? 'Albany' : 'Buffalo',
  });
}

describe('web dashboard: a member in the browser', () => {
  it('GIVEN seven cardiology listings THEN the board searches, pages by URL and every page passes axe at 390 px', async () => {
    await seedListings(w.h.app, [1, 2, 3, 4, 5, 6, 7].map(cardiology));
    const { page } = w;
    await page.goto(w.url(BOARD));
    await page.waitForURL(/\/login\?next=/);
    await expectAccessible(page, 'sign-in page');
    await screenshot(page, 'sign-in');
    await w.signIn('amina');
    await page.goto(w.url(BOARD));
    await page.getByLabel('Specialty').fill('cardiology');
    await page.getByLabel('State').fill('NY');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/specialty=cardiology/);
    expect(page.url()).toContain('state=NY');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Opportunities: cardiology · NY' }).count())
      .toBe(1);
    expect(await page.locator('.records > li').count()).toBe(5);
    await expectAccessible(page, 'board');
    await expectFitsWidth(page, 'board');
    await screenshot(page, 'board-phone');

    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/page=2/);
    const second = await page.locator('.records h3').allTextContents();
    expect(second.map((t) => t.trim())).toEqual(['Cardiology Observership 6', 'Cardiology Observership 7']);

    // The URL alone is enough: another signed-in tab opens the same page.
    const shared = await w.context.newPage();
    await shared.goto(page.url());
    expect((await shared.locator('.records h3').allTextContents()).map((t) => t.trim())).toEqual(second);
    await shared.close();

    await page.getByRole('link', { name: 'Cardiology Observership 6' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Cardiology Observership 6');
    await expect.poll(() => page.getByText('Last verified').count()).toBe(1);
    await expectAccessible(page, 'listing page');
    await expectFitsWidth(page, 'listing page');
    await screenshot(page, 'listing-phone');
  });

  it('GIVEN listing text with <script>, <img onerror> and javascript: THEN it shows as text and nothing runs', async () => {
    await seedListings(w.h.app, [
      listingCells({
        title: 'Cardiology <script>window.pwned=1</script>',
        description:
          '<img src=x onerror="window.pwned=2"> <a href="javascript:window.pwned=3">click</a> javascript:alert(1) https://apply.example.org/form',
      }),
    ]);
    const { page } = w;
    await w.signIn('amina');
    await page.goto(w.url(`${BOARD}/obs-cardio-ny-01`));
    const h1 = await page.getByRole('heading', { level: 1 }).textContent();
    expect(h1).toBe('Cardiology <script>window.pwned=1</script>');
    expect(await page.getByText('<img src=x onerror="window.pwned=2">', { exact: false }).count()).toBe(1);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    const hrefs = await page
      .locator('main a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.startsWith('javascript:'))).toEqual([]);
    expect(hrefs).toContain('https://apply.example.org/form');
    // The contact is an e-mail address, not an http(s) URL: shown, never linked.
    expect(await page.getByText('observers@riverbend.example.org').count()).toBe(1);
    expect(hrefs.some((h) => h.includes('observers@'))).toBe(false);
  });

  it('GIVEN a reminder THEN cancelling it on My page removes it from /reminders in the core', async () => {
    const amina = w.h.app.as('amina');
    const set = await runTextCommand(
      '/remind when:"in 3 days" what:"email Dr. Rivera about the letter"',
      amina,
    );
    expect(set.error, set.text).toBe(false);
    const { page } = w;
    await w.signIn('amina');
    await page.goto(w.url('/me'));
    await expect.poll(() => page.getByText('email Dr. Rivera about the letter').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'My page');
    await expectFitsWidth(page, 'My page');
    await screenshot(page, 'my-page-phone');
    await page.getByRole('button', { name: 'Cancel reminder' }).click();
    await page.waitForURL(w.url('/run'));
    await expect.poll(() => page.locator('main').textContent()).toMatch(/cancel/i);
    await expectAccessible(page, 'result page');
    const after = await runTextCommand('/reminders', amina);
    expect(after.text).toContain('You have no pending reminders');
    await page.goto(w.url('/me'));
    expect(await page.getByText('email Dr. Rivera about the letter').count()).toBe(0);
  });

  it('GIVEN the filters THEN a keyboard alone reaches search and its results', async () => {
    await seedListings(w.h.app, [cardiology(1)]);
    const { page } = w;
    await w.signIn('amina');
    await page.goto(w.url(BOARD));
    await page.getByLabel('Words').focus();
    await page.keyboard.type('Cardiology');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=Cardiology/);
    // Tab from the skip link reaches the first result's link.
    await page.keyboard.press('Tab');
    await expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent),
      )
      .toBe('Skip to content');
    await page.keyboard.press('Enter');
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached =
        (await page.evaluate(
          () => (globalThis as unknown as PageGlobals).document.activeElement?.textContent,
        )) === 'Cardiology Observership 1';
    }
    expect(reached).toBe(true);
  });
});
