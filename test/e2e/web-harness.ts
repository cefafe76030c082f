/**
 * What the browser tests share: the web adapter served on a free port over a
 * test app (real Redis, real BullMQ), a real headless Debian Chromium driven
 * by playwright-core, sign-in, axe-core in the page, and screenshots.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { serveWeb, type WebServer } from '../../src/bots/web/start-web.ts';
import type { WebDeps } from '../../src/bots/web/web-deps.ts';
import { testWebDeps } from '../helpers/web.ts';
import { type Harness, reminderHarness } from '../integration/reminder-harness.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname;

/** Starts the one browser of a test file. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export interface WebHarness {
  readonly h: Harness;
  readonly server: WebServer;
  readonly context: BrowserContext;
  readonly page: Page;
  url(path: string): string;
  /** Local sign-in as `user` through the sign-in page (the shell user `shell:<user>`). */
  signIn(user: 'amina' | 'mo', page?: Page): Promise<void>;
  close(): Promise<void>;
}

/** A test app, the web server over it and a fresh browser context (390 px wide unless told). */
export async function webHarness(
  browser: Browser,
  opts: { width?: number; deps?: Partial<WebDeps> } = {},
): Promise<WebHarness> {
  const h = reminderHarness();
  const server = await serveWeb((url) => testWebDeps(h.app, { baseUrl: url, ...opts.deps }), {
    host: '127.0.0.1',
    port: 0,
  });
  // bypassCSP: the site forbids every script; axe-core is injected by the test, not the site.
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 390, height: 844 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  const url = (path: string) => `${server.url}${path}`;
  return {
    h,
    server,
    context,
    page,
    url,
    async signIn(user, p = page) {
      await p.goto(url('/login'));
      await p.getByLabel('Shell user').selectOption(user);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForURL(url('/'));
    },
    async close() {
      await context.close();
      await server.close();
      await h.close();
    },
  };
}

/** Runs axe-core in the page; fails on any serious or critical violation (named with the page). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(violations, `${what}: accessibility violations`).toEqual([]);
}

/** The few browser globals the tests read inside `page.evaluate` (the project has no DOM lib). */
export interface PageGlobals {
  readonly document: {
    readonly documentElement: { readonly scrollWidth: number };
    readonly activeElement: { readonly textContent: string | null } | null;
  };
  readonly innerWidth: number;
  readonly pwned?: number;
}

/** The page fits its width: nothing needs horizontal scrolling (390 px phones). */
export async function expectFitsWidth(page: Page, what: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return { scroll: g.document.documentElement.scrollWidth, width: g.innerWidth };
  });
  expect(scroll, `${what}: page is wider than the screen`).toBeLessThanOrEqual(width);
}

/** Saves a full-page screenshot to docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}
