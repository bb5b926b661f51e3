import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSuite, expectText, password, registerViaApi, screenshot, signIn, uniqueUsername } from './browser';

const suite = browserSuite();

/** The code an authenticator app shows for a base32 key (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), `steps` from now. */
function totp(secret: string, steps = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secret].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + steps));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function signedInOnSettings(prefix: string) {
  const username = uniqueUsername(prefix);
  await registerViaApi(inject('baseUrl'), username);
  const opened = await suite.open();
  await signIn(opened.page, username);
  await opened.page.getByRole('link', { name: 'Settings' }).click();
  await opened.page.waitForURL('**/settings');
  await opened.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await expectText(opened.page.locator('.facts'), username);
  return { ...opened, username };
}

async function login(page: Page, username: string, withPassword = password) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(withPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('the settings page', () => {
  it('changes the password: the old one no longer signs in, the new one does', async () => {
    const { page, username } = await signedInOnSettings('pw');
    const newPassword = 'a fresh staple battery horse';

    await page.getByLabel('Current password').fill('not the password');
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectText(page.locator('.field-error').first(), 'The current password is wrong.');

    await page.getByLabel('Current password').fill(password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'Password changed' }), 'Every other session has been signed out.');
    await screenshot(page, 'settings-password-changed');
    await page.reload();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    const other = await suite.open();
    await login(other.page, username);
    await expectText(other.page.getByRole('alert'), 'Invalid username or password.');
    await login(other.page, username, newPassword);
    await other.page.waitForURL('**/notes');
  });

  it('signs another session out: that browser is sent to sign in', async () => {
    const { page, username } = await signedInOnSettings('sessions');
    const other = await suite.open();
    await signIn(other.page, username);

    await page.reload();
    const rows = page.locator('.session-row');
    await expect.poll(() => rows.count()).toBe(2);
    await expectText(rows.filter({ hasText: 'This device' }), 'This device');
    await screenshot(page, 'settings-sessions');
    await rows.filter({ hasNotText: 'This device' }).getByRole('button', { name: /^Sign out/ }).click();
    await expect.poll(() => rows.count()).toBe(1);

    await other.page.getByLabel('Search notes').fill('anything');
    await other.page.waitForURL('**/login**');
    expect(new URL(page.url()).pathname).toBe('/settings');
  });

  it('turns two-step sign-in on with the shown key, then signing in asks for a code or a recovery code', async () => {
    const { page, username } = await signedInOnSettings('totp');

    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const qr = page.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = (await page.locator('.secret').textContent())!.trim();
    await page.getByLabel('Code from your app').fill(totp(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    const recoveryCode = (await codes.first().textContent())!.trim();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe('notesslices-recovery-codes.txt');
    await screenshot(page, 'settings-recovery-codes');
    await page.getByRole('button', { name: 'Done' }).click();
    await expectText(page.locator('.facts'), 'On');

    const other = await suite.open();
    await login(other.page, username);
    const code = other.page.getByLabel('Authentication code');
    await code.waitFor();
    await code.fill(totp(secret, 1));
    await other.page.getByRole('button', { name: 'Verify' }).click();
    await other.page.waitForURL('**/notes');

    const third = await suite.open();
    await login(third.page, username);
    await third.page.getByRole('button', { name: 'Use a recovery code' }).click();
    await third.page.getByLabel('Recovery code').fill('abcde-fghjk');
    await third.page.getByRole('button', { name: 'Verify' }).click();
    await expectText(third.page.getByRole('alert'), 'The code is wrong or has been used.');
    await third.page.getByLabel('Recovery code').fill(recoveryCode);
    await third.page.getByRole('button', { name: 'Verify' }).click();
    await third.page.waitForURL('**/notes');
  });

  it('deletes the account once the username and password are typed: it can no longer sign in', async () => {
    const { page, username } = await signedInOnSettings('delete');

    await page.getByLabel(/Type your username/).fill('someone else');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expectText(page.locator('.danger-zone .field-error'), 'Type your username exactly as it is shown.');

    await page.getByLabel(/Type your username/).fill(username);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL('**/login');
    await expectText(page.getByRole('status'), 'Your account and everything in it have been deleted.');

    await login(page, username);
    await expectText(page.getByRole('alert'), 'Invalid username or password.');
  });
});
