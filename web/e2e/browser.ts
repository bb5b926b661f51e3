// Debian's Chromium driven by playwright-core (no browser is ever downloaded), plus small helpers
// that keep the tests about behaviour rather than plumbing.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshots = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'screenshots');

export function chromiumPath() {
  if (!existsSync(chromiumExecutable))
    throw new Error(
      `e2e: Chromium is not installed at ${chromiumExecutable}. Install Debian's package (apt-get install -y chromium) ` +
        'or point CHROMIUM_PATH at a Chromium binary. The browser tests never download a browser.',
    );
  return chromiumExecutable;
}

export function launchBrowser(): Promise<Browser> {
  // A default launch runs on a fresh temporary profile, removed when the browser closes.
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** Script errors, CSP violations and alert() calls seen so far: a healthy page has none. */
  problems: string[];
}

/** A fresh browser context (own sessionStorage) that records anything a user should never see. */
export async function visit(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<Visit> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`${dialog.type()}(): ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/Failed to load resource/.test(text)) problems.push(`console: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage });
}

let counter = 0;
/** A username no other test uses (3-32 characters). */
export function uniqueUsername(prefix = 'user') {
  return `${prefix}_${Date.now().toString(36)}${(counter++).toString(36)}`.slice(0, 32);
}

export const password = 'correct horse battery';

export async function registerViaApi(baseURL: string, username: string) {
  const response = await fetch(`${baseURL}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(201);
}

export async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/notes');
  await page.getByRole('heading', { name: 'Your notes' }).waitFor();
  await notesSettled(page);
}

/**
 * Waits until the notes page has no list request in flight (the results are no longer aria-busy).
 * Signing out, or ending the session elsewhere, while the first list request is still under way has
 * that request refused with 401, and the app then leaves for sign-in on its own.
 */
export async function notesSettled(page: Page) {
  await page.locator('.notes-results[aria-busy="false"]').waitFor();
}

/** The token the page holds, read the way the app keeps it. */
export function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('notes.session') ?? '{}').token as string);
}

/** When the token the page holds expires (ms since the epoch), as the API said when it issued it. */
export async function expiresAtOf(page: Page): Promise<number> {
  const expiresAt = await page.evaluate(() => JSON.parse(sessionStorage.getItem('notes.session') ?? '{}').expiresAt as string);
  return new Date(expiresAt).getTime();
}

export async function addNoteViaApi(baseURL: string, token: string, title: string, description = '') {
  const response = await fetch(`${baseURL}/api/notes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ title, description }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; version: number; title: string };
}

/**
 * Waits until the locator's text matches, for things that settle asynchronously. (A plain loop rather
 * than expect.poll, so that it also works inside concurrent tests.)
 */
export async function expectText(locator: { textContent(): Promise<string | null> }, expected: string | RegExp) {
  const pattern = typeof expected === 'string' ? new RegExp(escapeRegExp(expected)) : expected;
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.textContent().catch(() => null))?.trim() ?? '';
    if (pattern.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected text matching ${pattern}, but found ${JSON.stringify(text)}`);
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One browser per test file; each test opens fresh contexts, which are closed after it, and the test
 * fails if any page logged a script error, a CSP violation or an alert().
 */
export function browserSuite() {
  let browser: Browser;
  const visits: Visit[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    const problems = visits.flatMap((v) => v.problems);
    await Promise.all(visits.map((v) => v.context.close()));
    visits.length = 0;
    expect(problems).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(baseURL: string = inject('baseUrl'), options: BrowserContextOptions = {}) {
      const opened = await visit(browser, baseURL, options);
      visits.push(opened);
      return opened;
    },
  };
}
