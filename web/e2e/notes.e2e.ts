import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  addNoteViaApi,
  browserSuite,
  expectText,
  registerViaApi,
  screenshot,
  signIn,
  tokenOf,
  uniqueUsername,
} from './browser';

const suite = browserSuite();

async function signedIn(prefix: string, options = {}) {
  const username = uniqueUsername(prefix);
  await registerViaApi(inject('baseUrl'), username);
  const visit = await suite.open(inject('baseUrl'), options);
  await signIn(visit.page, username);
  return { ...visit, username, token: await tokenOf(visit.page) };
}

const titles = (page: Page) => page.locator('.note-list h3').allTextContents();
const announcement = (page: Page) => page.locator('.app > [role=status]');
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });

describe('notes', () => {
  it('invites the first note, then adds, edits and moves one to the trash', async () => {
    const { page } = await signedIn('crud');
    await expectText(page.getByRole('heading', { name: 'No notes yet' }), 'No notes yet');
    await screenshot(page, 'notes-empty');

    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add note' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const titleId = await dialog.getByLabel('Title').getAttribute('id');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(titleId);

    await saveButton(page).click();
    await expectText(dialog.locator('.field-error'), 'Enter a title.');
    await dialog.getByLabel('Title').fill('  Groceries  ');
    await dialog.getByLabel('Description').fill('Milk\nEggs\nCoffee');
    await saveButton(page).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => titles(page)).toEqual(['Groceries']);
    await expectText(announcement(page), 'Note added');
    await expectText(page.locator('.note-time'), 'Updated just now');
    await expectText(page.locator('.notes-summary'), '1 note');

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'Edit note' });
    await expect.poll(() => editor.getByLabel('Title').inputValue()).toBe('Groceries');
    expect(await editor.getByLabel('Description').inputValue()).toBe('Milk\nEggs\nCoffee');
    await screenshot(page, 'edit-dialog', { fullPage: false });
    await editor.getByLabel('Title').fill('Groceries for Sunday');
    await saveButton(page).click();
    await expect.poll(() => titles(page)).toEqual(['Groceries for Sunday']);
    await expectText(announcement(page), 'Note saved');

    // Delete moves the note to the trash, at once, with an Undo (organise.e2e.ts has the rest).
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expectText(page.locator('.toast [role=status]'), 'Moved “Groceries for Sunday” to the trash');
    await expectText(page.getByRole('heading', { name: 'No notes yet' }), 'No notes yet');
  });

  it('shows a title made of markup as text, and runs none of it', async () => {
    const { page } = await signedIn('xss');
    const evil = '<img src=x onerror=alert(1)>';
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await page.getByLabel('Title').fill(evil);
    await page.getByLabel('Description').fill('<script>alert(2)</script><b>bold?</b>');
    await saveButton(page).click();

    await expect.poll(() => titles(page)).toEqual([evil]);
    expect(await page.locator('.note-description').textContent()).toBe('<script>alert(2)</script><b>bold?</b>');
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    // The suite also fails this test if an alert() opened or a script error happened.
  });

  it('searches as you type, through the API, and clears the search', async () => {
    const { page, token } = await signedIn('search');
    for (const [title, description] of [
      ['Groceries', 'milk, eggs'],
      ['Holiday plans', 'book the train (2.*)'],
      ['Reading list', 'Dune; more groceries later'],
    ])
      await addNoteViaApi(inject('baseUrl'), token, title!, description);
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Reading list', 'Holiday plans', 'Groceries']);

    const searched = page.waitForRequest((request) => new URL(request.url()).searchParams.get('search') === 'GROCER');
    await page.getByLabel('Search notes').pressSequentially('GROCER', { delay: 30 });
    await searched;
    await expect.poll(() => titles(page)).toEqual(['Reading list', 'Groceries']);
    await expectText(page.locator('.notes-summary'), '2 notes matching “GROCER”');
    expect(new URL(page.url()).searchParams.get('q')).toBe('GROCER');

    await page.getByLabel('Search notes').fill('(2.*)');
    await expect.poll(() => titles(page)).toEqual(['Holiday plans']);

    await page.getByLabel('Search notes').fill('nothing like this');
    await expectText(page.getByRole('heading', { name: 'No matches' }), 'No matches');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => titles(page)).toEqual(['Reading list', 'Holiday plans', 'Groceries']);
  });

  it('pages through more notes than fit on one page', async () => {
    const { page, token } = await signedIn('pages');
    for (let i = 1; i <= 23; i++) await addNoteViaApi(inject('baseUrl'), token, `Note ${String(i).padStart(2, '0')}`);
    await page.reload();

    const pager = page.getByRole('navigation', { name: 'Pages' });
    await expectText(pager, 'Page 1 of 3');
    await expect.poll(async () => (await titles(page)).slice(0, 2)).toEqual(['Note 23', 'Note 22']);
    expect(await titles(page)).toHaveLength(10);

    await pager.getByRole('button', { name: 'Next' }).click();
    await expectText(pager, 'Page 2 of 3');
    await expect.poll(async () => (await titles(page))[0]).toBe('Note 13');
    await pager.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => titles(page)).toEqual(['Note 03', 'Note 02', 'Note 01']);
    await expect.poll(() => pager.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await pager.getByRole('button', { name: 'Previous' }).click();
    await expectText(pager, 'Page 2 of 3');
    // The pager ignores presses while a page is loading: wait for page 2 itself, not just its number.
    await expect.poll(async () => (await titles(page))[0]).toBe('Note 13');

    // With the keyboard: the pager keeps focus, even when the button just used becomes disabled.
    await pager.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => titles(page)).toEqual(['Note 03', 'Note 02', 'Note 01']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/Previous/);
  });

  it('does not overwrite a newer version (412): it says so and offers to reload the note', async () => {
    const { page, token } = await signedIn('conflict');
    const note = await addNoteViaApi(inject('baseUrl'), token, 'Shared plan', 'first draft');
    await page.reload();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'Edit note' });
    // Opening fetches the note: change it elsewhere only once the editor holds the version it started from.
    await expect.poll(() => saveButton(page).isEnabled()).toBe(true);
    await editor.getByLabel('Title').fill('My change');

    // Meanwhile, another tab saves a newer version.
    const elsewhere = await fetch(`${inject('baseUrl')}/api/notes/${note.id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': `"${note.version}"` },
      body: JSON.stringify({ title: 'Changed elsewhere', description: 'second draft' }),
    });
    expect(elsewhere.status).toBe(200);

    await saveButton(page).click();
    await expectText(editor.getByRole('alert'), 'This note was changed somewhere else');
    expect(await saveButton(page).isDisabled()).toBe(true);
    await screenshot(page, 'edit-conflict', { fullPage: false });

    await editor.getByRole('button', { name: 'Reload note' }).click();
    await expect.poll(() => editor.getByLabel('Title').inputValue()).toBe('Changed elsewhere');
    expect(await editor.getByLabel('Description').inputValue()).toBe('second draft');

    await editor.getByLabel('Title').fill('Merged plan');
    await saveButton(page).click();
    await expect.poll(() => titles(page)).toEqual(['Merged plan']);
  });

  it('says so when the note being edited was deleted elsewhere, and drops it from the list', async () => {
    const { page, token } = await signedIn('gone');
    const note = await addNoteViaApi(inject('baseUrl'), token, 'Short-lived', '');
    await page.reload();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    // Opening fetches the note: delete it only once the editor holds it, so that the save is what finds it gone.
    await expect.poll(() => saveButton(page).isEnabled()).toBe(true);
    const deleted = await fetch(`${inject('baseUrl')}/api/notes/${note.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(deleted.status).toBe(204);

    await saveButton(page).click();
    await expect.poll(() => titles(page)).toEqual([]);
    // Still there once the list has reloaded.
    await expectText(page.getByText('That note no longer exists'), 'deleted somewhere else');
  });

  it('can be used with the keyboard alone: add a note, and Escape cancels', async () => {
    const { page } = await signedIn('keys');
    const addNote = page.getByRole('button', { name: 'Add note', exact: true });
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

    // Signing in puts focus on the page's heading; from there, Tab.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    for (let i = 0; i < 15 && (await focusedText()) !== 'Add note'; i++) await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Add note');

    const dialog = page.getByRole('dialog', { name: 'Add note' });
    const titleFocused = async () =>
      (await page.evaluate(() => document.activeElement?.id)) === (await dialog.getByLabel('Title').getAttribute('id'));
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Typing goes wherever focus is: wait until the dialog has put it in the title.
    await expect.poll(titleFocused).toBe(true);
    await page.keyboard.type('Typed, not clicked');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(focusedText).toBe('Add note');
    expect(await titles(page)).toEqual([]);

    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(titleFocused).toBe(true);
    await page.keyboard.type('Keyboard note');
    await page.keyboard.press('Tab'); // the description's Write tab
    await page.keyboard.press('Tab');
    await page.keyboard.type('Written without a mouse.');
    await page.keyboard.press('Tab'); // Tags
    await page.keyboard.press('Tab'); // Keep in the archive
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Save
    expect(await focusedText()).toBe('Save');
    await page.keyboard.press('Enter');
    await expect.poll(() => titles(page)).toEqual(['Keyboard note']);
    await expect.poll(focusedText).toBe('Add note');
    expect(await addNote.isVisible()).toBe(true);
  });
});

describe('looks', () => {
  const sample: [string, string][] = [
    ['Quarterly review', 'Collect the numbers from sales and support.\nDraft the slides by Thursday.'],
    ['Groceries', 'Milk, eggs, coffee beans, basil, lemons'],
    ['Book notes: The Pragmatic Programmer', 'Tracer bullets. Broken windows. Care about your craft — and think about your work.'],
    ['Trip to Lisbon', 'Tram 28 early in the morning; pastéis de nata at Belém; LX Factory on Sunday.'],
    ['Ideas', ''],
  ];

  async function filled(prefix: string, options = {}) {
    const visit = await signedIn(prefix, options);
    for (const [title, description] of sample) await addNoteViaApi(inject('baseUrl'), visit.token, title, description);
    await visit.page.reload();
    await expect.poll(() => titles(visit.page)).toHaveLength(sample.length);
    return visit;
  }

  it('filled notes page at desktop width', async () => {
    const { page } = await filled('desk');
    await screenshot(page, 'notes-filled');
  });

  it('phone width (360 px): nothing overflows sideways', async () => {
    const { page } = await filled('phone', { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'phone-360');
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await screenshot(page, 'phone-360-dialog', { fullPage: false });
  });

  it('dark theme follows prefers-color-scheme', async () => {
    const { page } = await filled('dark', { colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(14, 16, 22)');
    await screenshot(page, 'notes-dark');
    await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await screenshot(page, 'edit-dialog-dark', { fullPage: false });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL('**/login');
    await screenshot(page, 'login-dark');
  });
});
