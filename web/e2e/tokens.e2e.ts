import { describe, expect, inject, it } from 'vitest';
import { browserSuite, expectText, registerViaApi, screenshot, signIn, uniqueUsername } from './browser';

const suite = browserSuite();

describe('personal access tokens in settings', () => {
  it('creates a read token shown once, which a script uses to list notes and is refused a write; revoking it ends it', async () => {
    const baseUrl = inject('baseUrl');
    const username = uniqueUsername('tok');
    await registerViaApi(baseUrl, username);
    const { page } = await suite.open();
    await signIn(page, username);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings');

    await page.getByLabel('Token name').fill('nightly backup');
    await page.getByLabel('Scope').selectOption('read');
    await page.getByLabel('Expires').selectOption('30');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expectText(page.locator('.created-token'), "You won't see it again.");
    const token = await page.getByLabel('New token nightly backup').inputValue();
    expect(token).toMatch(/^nsp_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'settings-token-created');

    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const listed = await fetch(`${baseUrl}/api/notes`, { headers });
    expect(listed.status).toBe(200);
    const write = await fetch(`${baseUrl}/api/notes`, { method: 'POST', headers, body: JSON.stringify({ title: 'from a script' }) });
    expect(write.status).toBe(403);
    expect(write.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope"');
    expect(((await write.json()) as { code: string }).code).toBe('insufficient_scope');

    await page.reload();
    const list = page.getByRole('list', { name: 'Your access tokens' });
    await expectText(list, 'nightly backup');
    await expectText(list, 'last used');
    await expect(page.locator('.created-token').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Revoke token nightly backup' }).click();
    await expectText(page.locator('.settings'), 'No access tokens.');
    expect((await fetch(`${baseUrl}/api/notes`, { headers })).status).toBe(401);
  });
});
