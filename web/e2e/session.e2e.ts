// Against the API instance whose tokens live 20 seconds. The two tests wait on real time, so they
// run side by side, each in its own browser context.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import {
  expectText,
  expiresAtOf,
  launchBrowser,
  notesSettled,
  password,
  registerViaApi,
  signIn,
  tokenOf,
  uniqueUsername,
  visit,
} from './browser';

const tokenLifetimeMs = 20_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function signedIn(prefix: string) {
  const baseUrl = inject('shortLivedBaseUrl');
  const username = uniqueUsername(prefix);
  await registerViaApi(baseUrl, username);
  const opened = await visit(browser, baseUrl);
  await signIn(opened.page, username);
  return { ...opened, username, baseUrl };
}

describe.concurrent('a short-lived session', () => {
  it('sends an idle user to sign-in when the token expires, and back to the notes after', async ({ expect }) => {
    const { page, context, problems, username } = await signedIn('idle');
    try {
      // Measured from the token's own expiry, not from when signing in returned control to the test:
      // on a loaded machine that can be seconds after the token was issued.
      const expiresAt = await expiresAtOf(page);
      await page.waitForURL('**/login?**', { timeout: tokenLifetimeMs + 15_000 });
      // Not sent away before the token ran out (a second's slack for rounding).
      expect(Date.now()).toBeGreaterThan(expiresAt - 1_000);
      await expectText(page.getByRole('alert'), 'Your session has expired');

      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL('**/notes');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps an active user signed in past the token lifetime by refreshing the token', async ({ expect }) => {
    const { page, context, problems, baseUrl } = await signedIn('active');
    try {
      const firstToken = await tokenOf(page);
      const firstExpiry = await expiresAtOf(page);
      const search = page.getByLabel('Search notes');
      const summary = page.locator('.notes-summary');
      // Keep searching, each time until the answer is on screen, well past the first token's expiry.
      const until = Math.max(Date.now(), firstExpiry) + tokenLifetimeMs * 0.6;
      for (let i = 0; Date.now() < until; i++) {
        const text = i % 2 ? 'a' : '';
        await search.fill(text);
        await expectText(summary, text ? '0 notes matching “a”' : /^0 notes$/);
        await notesSettled(page);
      }
      await search.fill('');
      await expectText(summary, /^0 notes$/);
      await notesSettled(page);

      expect(new URL(page.url()).pathname).toBe('/notes');
      expect(await tokenOf(page)).not.toBe(firstToken);
      const me = (token: string) => fetch(`${baseUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
      // A refresh may be under way (it ends the old token's session before the page has the new
      // token): what the page holds once it has finished is accepted.
      await expect.poll(async () => (await me(await tokenOf(page))).status).toBe(200);
      expect((await me(firstToken)).status).toBe(401);

      // Still signed in for real: the API accepts a new note.
      await page.getByRole('button', { name: 'Add note', exact: true }).click();
      await page.getByLabel('Title').fill('Still here');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.locator('.note-list h3').allTextContents()).toEqual(['Still here']);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
