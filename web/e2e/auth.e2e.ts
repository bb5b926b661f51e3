import { describe, expect, inject, it } from 'vitest';
import { browserSuite, expectText, password, registerViaApi, screenshot, signIn, tokenOf, uniqueUsername } from './browser';

const suite = browserSuite();

async function me(token: string) {
  return fetch(`${inject('baseUrl')}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
}

describe('signing up and in', () => {
  it('sends a visitor without a session from /notes to sign-in', async () => {
    const { page } = await suite.open();
    await page.goto('/notes');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/notes');
    await expect.poll(() => page.title()).toBe('Sign in · NotesSlices');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    const focusedId = () => page.evaluate(() => document.activeElement?.id);
    const usernameId = await page.getByLabel('Username').getAttribute('id');
    await expect.poll(focusedId).toBe(usernameId);
    await screenshot(page, 'login');
  });

  it('registers with inline validation, then lands signed in on the notes page', async () => {
    const { page } = await suite.open();
    await page.goto('/register');
    const createAccount = page.getByRole('button', { name: 'Create account', exact: true });

    await createAccount.click();
    await expectText(page.locator('.field-error').first(), 'Enter a username.');
    await expectText(page.locator('.field-error').nth(1), 'Enter a password.');

    await page.getByLabel('Username').fill('no spaces allowed');
    await page.getByLabel('Password').fill('short');
    await createAccount.click();
    await expectText(page.locator('.field-error').first(), 'Username may only use letters, digits, _ . and -.');
    await expectText(page.locator('.field-error').nth(1), 'Password must be at least 8 characters long.');
    expect(page.url()).toMatch(/\/register$/);
    await screenshot(page, 'register-invalid');

    const username = uniqueUsername('new');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await createAccount.click();
    await page.waitForURL('**/notes');
    await expectText(page.locator('.navbar .username'), username);
  });

  it("advises on the password's strength while it is typed, and shows the API's refusal of a weak one", async () => {
    const { page } = await suite.open();
    await page.goto('/register');
    const passwordField = page.getByLabel('Password');
    await page.getByLabel('Username').fill(uniqueUsername('weak'));

    await passwordField.fill('password1');
    const hint = page.locator('[aria-live=polite]');
    await expectText(hint, 'Strength: Very weak, too easy to guess.');
    expect(await passwordField.getAttribute('aria-describedby')).toContain(await hint.getAttribute('id'));
    await screenshot(page, 'register-weak-password');

    // Only advice: the form still sends it, and the API's verdict is what the user then sees.
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await expectText(page.locator('.field-error'), /^This password is too easy to guess\. .+/);
    expect(await hint.count()).toBe(0);
    expect(page.url()).toMatch(/\/register$/);
    await screenshot(page, 'register-weak-password-refused');

    await passwordField.fill(password);
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await page.waitForURL('**/notes');
  });

  it("shows the API's refusal of a taken username, whatever its case", async () => {
    const username = uniqueUsername('taken');
    await registerViaApi(inject('baseUrl'), username);
    const { page } = await suite.open();
    await page.goto('/register');
    await page.getByLabel('Username').fill(username.toUpperCase());
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await expect.poll(() => page.locator('.field-error').count()).toBe(1);
    expect(await page.locator('.field-error').textContent()).toMatch(/taken|exists/i);
    expect(page.url()).toMatch(/\/register$/);
  });

  it('refuses a wrong password in the API\'s words, then returns to where the user was going', async () => {
    const username = uniqueUsername('back');
    await registerViaApi(inject('baseUrl'), username);
    const { page } = await suite.open();
    await page.goto('/notes?q=plans');
    await page.waitForURL('**/login?**');

    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectText(page.getByRole('alert'), 'Invalid username or password.');

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/notes' && url.searchParams.get('q') === 'plans');
    await expect.poll(() => page.getByLabel('Search notes').inputValue()).toBe('plans');
  });

  it('after too many failed attempts, says how long to wait (429)', async () => {
    const username = uniqueUsername('locked');
    await registerViaApi(inject('baseUrl'), username);
    for (let i = 0; i < 10; i++) {
      const response = await fetch(`${inject('baseUrl')}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: `wrong password ${i}` }),
      });
      expect(response.status).toBe(401);
    }
    const { page } = await suite.open();
    await page.goto('/login');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectText(page.getByRole('alert'), /Too many failed sign-in attempts\. Try again in \d+ minutes/);
    expect(page.url()).toMatch(/\/login$/);
    await screenshot(page, 'login-too-many-attempts');
  });
});

describe('signing out', () => {
  it('Log out ends the session on the server: the old token is refused', async () => {
    const username = uniqueUsername('out');
    await registerViaApi(inject('baseUrl'), username);
    const { page } = await suite.open();
    await signIn(page, username);
    const token = await tokenOf(page);
    expect((await me(token)).status).toBe(200);

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL('**/login');
    await expectText(page.getByRole('status'), 'You have signed out.');
    expect(await page.evaluate(() => sessionStorage.getItem('notes.session'))).toBeNull();
    expect((await me(token)).status).toBe(401);

    await page.goto('/notes');
    await page.waitForURL('**/login?**');
  });

  it('Log out everywhere signs out other devices, which are told why on their next request', async () => {
    const username = uniqueUsername('every');
    await registerViaApi(inject('baseUrl'), username);
    const laptop = await suite.open();
    const phone = await suite.open();
    // signIn waits for each page's first list request: one still under way when the phone signs out
    // everywhere would be refused, and send the laptop to sign-in before the test does anything there.
    await signIn(laptop.page, username);
    await signIn(phone.page, username);
    const laptopToken = await tokenOf(laptop.page);

    await phone.page.getByRole('button', { name: 'Log out everywhere' }).click();
    await phone.page.waitForURL('**/login');
    await expectText(phone.page.getByRole('status'), 'You have been signed out on every device.');
    expect((await me(laptopToken)).status).toBe(401);

    // The laptop learns about it from the API's 401 and says why.
    await laptop.page.getByLabel('Search notes').fill('anything');
    await laptop.page.waitForURL('**/login?**');
    await expectText(laptop.page.getByRole('alert'), 'You have been signed out.');

    await laptop.page.getByLabel('Username').fill(username);
    await laptop.page.getByLabel('Password').fill(password);
    await laptop.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await laptop.page.waitForURL((url) => url.pathname === '/notes' && url.searchParams.get('q') === 'anything');
  });
});
