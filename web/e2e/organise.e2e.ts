import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSuite, expectText, registerViaApi, screenshot, signIn, tokenOf, uniqueUsername } from './browser';

const suite = browserSuite();
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function signedIn(prefix: string, options = {}) {
  const username = uniqueUsername(prefix);
  await registerViaApi(inject('baseUrl'), username);
  const visit = await suite.open(inject('baseUrl'), options);
  await signIn(visit.page, username);
  return { ...visit, token: await tokenOf(visit.page) };
}

interface Stored {
  id: string;
  version: number;
}

async function call(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${inject('baseUrl')}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response;
}

async function addNote(token: string, note: { title: string; tags?: string[]; pinned?: boolean }): Promise<Stored> {
  const response = await call(token, 'POST', '/api/notes', { description: '', ...note });
  expect(response.status).toBe(201);
  return (await response.json()) as Stored;
}

async function trashNote(token: string, note: Stored) {
  const response = await call(token, 'PATCH', `/api/notes/${note.id}`, { trashed: true }, { 'If-Match': `"${note.version}"` });
  expect(response.status).toBe(200);
}

const titles = (page: Page) => page.locator('.note-list h3').allTextContents();
const card = (page: Page, title: string) => page.locator('.note', { has: page.getByRole('heading', { name: title, exact: true }) });
const announcement = (page: Page) => page.locator('.app > [role=status]');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Views and tags' });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const path = (page: Page) => {
  const url = new URL(page.url());
  return decodeURIComponent(url.pathname + url.search);
};

describe('organising notes', () => {
  it('pins a note from its card into a section of its own at the top, and unpins it', async () => {
    const { page, token } = await signedIn('pin');
    for (const title of ['Oldest', 'Middle', 'Newest']) await addNote(token, { title });
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Newest', 'Middle', 'Oldest']);
    expect(await page.getByRole('heading', { name: 'Pinned' }).count()).toBe(0);

    const pin = card(page, 'Oldest').getByRole('button', { name: 'Pin' });
    expect(await pin.getAttribute('aria-pressed')).toBe('false');
    await pin.click();
    await expectText(announcement(page), 'Pinned “Oldest”');
    await expect.poll(() => titles(page)).toEqual(['Oldest', 'Newest', 'Middle']);
    await expectText(page.getByRole('heading', { name: 'Pinned' }), 'Pinned');
    expect(await page.locator('.notes-group').first().locator('h3').allTextContents()).toEqual(['Oldest']);
    expect(await card(page, 'Oldest').getByRole('button', { name: 'Pin' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'organise-pinned');

    // Still pinned after a reload: the API keeps it first.
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Oldest', 'Newest', 'Middle']);
    await card(page, 'Oldest').getByRole('button', { name: 'Pin' }).click();
    await expectText(announcement(page), 'Unpinned “Oldest”');
    await expect.poll(() => titles(page)).toEqual(['Newest', 'Middle', 'Oldest']);
    expect(await page.getByRole('heading', { name: 'Pinned' }).count()).toBe(0);
  });

  it('tags a note with the keyboard in the editor, and a tag in the side bar filters the list in the URL (reload and Back too)', async () => {
    const { page, token } = await signedIn('tags');
    await addNote(token, { title: 'Client call', tags: ['work/clients'] });
    await addNote(token, { title: 'Holiday', tags: ['home'] });
    await page.reload();
    await expectText(nav(page).getByRole('link', { name: 'home, 1 note' }), 'home');

    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add note' });
    await dialog.getByLabel('Title').fill('Quarterly report');
    const tagField = dialog.getByRole('combobox', { name: 'Tags' });
    await tagField.focus();
    await page.keyboard.type('Work,');
    await page.keyboard.type('wor');
    // The user's own tags are offered as they type; the arrow keys and Enter choose one.
    await expectText(dialog.getByRole('listbox'), 'work/clients');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.type('draft');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    await expect.poll(() => dialog.locator('.tag-chip-name').allTextContents()).toEqual(['work', 'work/clients']);
    await screenshot(page, 'organise-tag-input', { fullPage: false });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => card(page, 'Quarterly report').locator('.note-tag').allTextContents()).toEqual([
      'Notes tagged work',
      'Notes tagged work/clients',
    ]);

    await nav(page).getByRole('link', { name: 'work, 1 note' }).click();
    await page.waitForURL('**/notes?tag=work');
    // A tag finds the notes carrying it or a tag nested below it.
    await expect.poll(() => titles(page)).toEqual(['Quarterly report', 'Client call']);
    await expectText(page.locator('h1'), 'Notes tagged “work”');
    expect(await nav(page).getByRole('link', { name: 'work, 1 note' }).getAttribute('aria-current')).toBe('page');
    await expectText(announcement(page), 'Notes tagged “work”: 2 notes');
    await screenshot(page, 'organise-tag-filter');

    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Quarterly report', 'Client call']);

    expect(await card(page, 'Holiday').count()).toBe(0);
    await page.goBack();
    await expect.poll(() => titles(page)).toEqual(['Quarterly report', 'Holiday', 'Client call']);
    expect(path(page)).toBe('/notes');
    await page.goForward();
    await expect.poll(() => path(page)).toBe('/notes?tag=work');
    await expect.poll(() => titles(page)).toEqual(['Quarterly report', 'Client call']);
  });

  it('at 360 px, Delete moves a note to the trash with an Undo the keyboard reaches at once, which brings it back', async () => {
    const { page, token } = await signedIn('undo', phone);
    await addNote(token, { title: 'Keep me' });
    await addNote(token, { title: 'Oops' });
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Oops', 'Keep me']);

    await card(page, 'Oops').getByRole('button', { name: 'Delete', exact: true }).click();
    await expectText(page.locator('.toast [role=status]'), 'Moved “Oops” to the trash');
    await expect.poll(() => titles(page)).toEqual(['Keep me']);
    // The button used has gone with its card: focus is on Undo, and the toast waits while it is there.
    await expect.poll(() => focusedText(page)).toBe('Undo');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'organise-undo-360', { fullPage: false });

    await page.keyboard.press('Enter');
    await expect.poll(() => titles(page)).toEqual(['Oops', 'Keep me']);
    await expectText(announcement(page), 'Restored “Oops”');
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    // Focus is back at the start of the page, not lost on the body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    // Without Undo, the toast goes after a few seconds and the note stays in the trash.
    await card(page, 'Oops').getByRole('button', { name: 'Delete', exact: true }).click();
    await expectText(page.locator('.toast [role=status]'), 'Moved “Oops” to the trash');
    await page.getByRole('heading', { level: 1 }).focus();
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).count(), { timeout: 15_000 }).toBe(0);
    const trash = await call(token, 'GET', '/api/notes?view=trash');
    expect(((await trash.json()) as { items: { title: string }[] }).items.map((n) => n.title)).toEqual(['Oops']);
  });

  it('the trash says when each note goes for good, restores one, deletes one forever and empties itself', async () => {
    const { page, token } = await signedIn('trash');
    const first = await addNote(token, { title: 'Restore me' });
    const second = await addNote(token, { title: 'Forget me' });
    await addNote(token, { title: 'Last one' });
    await trashNote(token, first);
    await trashNote(token, second);
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Last one']);

    await nav(page).getByRole('link', { name: 'Trash', exact: true }).click();
    await page.waitForURL('**/trash');
    await expectText(page.locator('h1'), 'Trash');
    await expect.poll(() => titles(page)).toEqual(['Forget me', 'Restore me']);
    const when = card(page, 'Restore me').locator('.note-time');
    await expectText(when, /^Deleted for good in 30 days \(on \w{3} \d+, \d{4}/);
    expect(await when.locator('time').getAttribute('title')).toMatch(/^\w{3} \d+, \d{4}/);
    await screenshot(page, 'organise-trash');

    await card(page, 'Restore me').getByRole('button', { name: 'Restore', exact: true }).click();
    await expectText(announcement(page), 'Restored “Restore me”');
    await expect.poll(() => titles(page)).toEqual(['Forget me']);

    await card(page, 'Forget me').getByRole('button', { name: 'Delete forever' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this note forever?' });
    await expectText(confirm, '“Forget me” will be deleted for good');
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await expectText(page.getByRole('heading', { name: 'The trash is empty' }), 'The trash is empty');
    expect(await page.getByRole('button', { name: 'Empty trash' }).count()).toBe(0);

    await nav(page).getByRole('link', { name: 'Notes', exact: true }).click();
    await expect.poll(() => titles(page)).toEqual(['Last one', 'Restore me']);
    for (const title of ['Last one', 'Restore me']) {
      await card(page, title).getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => card(page, title).count()).toBe(0);
    }
    await nav(page).getByRole('link', { name: 'Trash', exact: true }).click();
    await expect.poll(() => titles(page)).toHaveLength(2);
    await page.getByRole('button', { name: 'Empty trash' }).click();
    const empty = page.getByRole('dialog', { name: 'Empty the trash?' });
    // The safe choice has focus: Enter cancels.
    await expect.poll(() => focusedText(page)).toBe('Cancel');
    await empty.getByRole('button', { name: 'Empty trash' }).click();
    await expectText(page.getByRole('heading', { name: 'The trash is empty' }), 'The trash is empty');
    await expectText(announcement(page), 'Emptied the trash: 2 notes deleted for good');
    const left = await call(token, 'GET', '/api/notes?view=trash');
    expect(((await left.json()) as { total: number }).total).toBe(0);
  });

  it('archives from the card and unarchives from the editor', async () => {
    const { page, token } = await signedIn('archive');
    await addNote(token, { title: 'Old project' });
    await page.reload();
    await card(page, 'Old project').getByRole('button', { name: 'Archive', exact: true }).click();
    await expectText(announcement(page), 'Archived “Old project”');
    await expectText(page.getByRole('heading', { name: 'No notes yet' }), 'No notes yet');

    await nav(page).getByRole('link', { name: 'Archive', exact: true }).click();
    await page.waitForURL('**/archive');
    await expect.poll(() => titles(page)).toEqual(['Old project']);
    await card(page, 'Old project').getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit note' });
    const archived = editor.getByRole('checkbox', { name: /Keep in the archive/ });
    await expect.poll(() => archived.isChecked()).toBe(true);
    await archived.uncheck();
    await editor.getByRole('button', { name: 'Save' }).click();
    await expectText(page.getByRole('heading', { name: 'Nothing in the archive' }), 'Nothing in the archive');
  });

  it('at 360 px, renames a tag from the menu’s tag list (the URL follows, a refused name says why) and deletes one', async () => {
    const { page, token } = await signedIn('rename', phone);
    await addNote(token, { title: 'Client call', tags: ['work/clients'] });
    await addNote(token, { title: 'Standup', tags: ['work'] });
    await page.reload();

    const menu = page.getByRole('button', { name: /^Menu:/ });
    await expectText(menu, 'Notes');
    expect(await nav(page).getByRole('link', { name: 'Trash', exact: true }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav(page).getByRole('link', { name: 'work/clients, 1 note' }).click();
    await page.waitForURL('**/notes?tag=work/clients');
    await expect.poll(() => titles(page)).toEqual(['Client call']);
    // Choosing closes the menu, which now says where the list is.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await expectText(menu, 'Notes · work/clients');

    await menu.click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'organise-menu-360', { fullPage: false });
    await nav(page).getByRole('button', { name: 'Rename tag work', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename tag' });
    const name = dialog.getByLabel('New name');
    await expect.poll(() => name.inputValue()).toBe('work');

    await name.fill('not a tag');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expectText(dialog.locator('.field-error'), 'Tag "not a tag" may hold only letters, digits, -, _ and /.');
    // Valid alone, but work/clients would become 33 characters: the API refuses, naming the field.
    await name.fill('x'.repeat(26));
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expectText(dialog.locator('.field-error'), /\S/);
    expect(await dialog.isVisible()).toBe(true);

    await name.fill('Job');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expectText(announcement(page), 'Renamed the tag “work” to “job”');
    await expect.poll(() => path(page)).toBe('/notes?tag=job/clients');
    await expect.poll(() => titles(page)).toEqual(['Client call']);
    await expect.poll(() => card(page, 'Client call').locator('.note-tag').allTextContents()).toEqual(['Notes tagged job/clients']);

    await menu.click();
    await expect.poll(() => nav(page).locator('.side-nav-tag-name').allTextContents()).toEqual(['job', 'job/clients']);
    await nav(page).getByRole('button', { name: 'Delete tag job', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this tag?' });
    await confirm.getByRole('button', { name: 'Delete tag' }).click();
    await expectText(announcement(page), 'Deleted the tag “job”');
    await expect.poll(() => path(page)).toBe('/notes');
    await expect.poll(() => titles(page)).toEqual(['Standup', 'Client call']);
    await menu.click();
    await expectText(nav(page), 'No tags yet');
  });

  it('says so when a card shows an old version (changed elsewhere), and shows the latest', async () => {
    const { page, token } = await signedIn('stale');
    const note = await addNote(token, { title: 'Shared' });
    await page.reload();
    await expect.poll(() => titles(page)).toEqual(['Shared']);
    const elsewhere = await call(token, 'PUT', `/api/notes/${note.id}`, { title: 'Shared, renamed' }, { 'If-Match': `"${note.version}"` });
    expect(elsewhere.status).toBe(200);

    await card(page, 'Shared').getByRole('button', { name: 'Pin' }).click();
    await expectText(page.getByRole('alert'), '“Shared” was changed somewhere else, so nothing was changed.');
    await expect.poll(() => titles(page)).toEqual(['Shared, renamed']);
    await card(page, 'Shared, renamed').getByRole('button', { name: 'Pin' }).click();
    await expectText(announcement(page), 'Pinned “Shared, renamed”');
  });
});
