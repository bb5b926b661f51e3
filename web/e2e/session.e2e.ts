// Against the API instance whose tokens live 20 seconds. The two tests wait on real time, so they
// run side by side, each in its own browser context.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { expectText, launchBrowser, password, registerViaApi, signIn, tokenOf, uniqueUsername, visit } from './browser';

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
      const signedInAt = Date.now();
      await page.waitForURL('**/login?**', { timeout: tokenLifetimeMs + 15_000 });
      expect(Date.now() - signedInAt).toBeGreaterThan(tokenLifetimeMs - 5_000);
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
      const search = page.getByLabel('Search notes');
      const until = Date.now() + tokenLifetimeMs * 1.6;
      for (let i = 0; Date.now() < until; i++) {
        await search.fill(i % 2 ? 'a' : '');
        await page.waitForTimeout(2_000);
      }
      await search.fill('');

      expect(new URL(page.url()).pathname).toBe('/notes');
      const currentToken = await tokenOf(page);
      expect(currentToken).not.toBe(firstToken);
      const me = (token: string) => fetch(`${baseUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await me(currentToken)).status).toBe(200);
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
