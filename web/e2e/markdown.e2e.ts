import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allowedElements, inertnessProblems, xssVectors } from '../tests/fixtures/xss-vectors';
import { addNoteViaApi, browserSuite, expectText, registerViaApi, screenshot, signIn, tokenOf, uniqueUsername } from './browser';

const suite = browserSuite();

async function signedIn(prefix: string) {
  const username = uniqueUsername(prefix);
  await registerViaApi(inject('baseUrl'), username);
  const visit = await suite.open(inject('baseUrl'));
  await signIn(visit.page, username);
  return { ...visit, token: await tokenOf(visit.page) };
}

async function noteViaApi(token: string, id: string) {
  const response = await fetch(`${inject('baseUrl')}/api/notes/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { description: string; version: number };
}

const announcement = (page: Page) => page.locator('.app > [role=status]');

describe('Markdown', () => {
  it('renders the XSS corpus inert in the note view and on the card: nothing runs, nothing loads from elsewhere', async () => {
    const { page, token } = await signedIn('xss');
    const origin = new URL(inject('baseUrl')).origin;
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) elsewhere.push(request.url());
    });
    const note = await addNoteViaApi(inject('baseUrl'), token, 'Corpus', xssVectors.join('\n\n'));

    // Straight from the URL, as a reload or a shared link would open it.
    await page.goto(`/notes?note=${note.id}`);
    const view = page.getByRole('dialog', { name: 'Corpus' });
    await view.locator('.markdown').waitFor();
    // The same check as the unit test, run in the page on the live DOM.
    expect(await view.locator('.markdown').evaluate(inertnessProblems, allowedElements)).toEqual([]);
    expect(await view.locator('.markdown a').count()).toBeGreaterThan(2);
    await screenshot(page, 'markdown-xss-corpus', { fullPage: false });

    await view.getByRole('button', { name: 'Close', exact: true }).click();
    await page.waitForURL('**/notes');
    const card = page.locator('.note-description');
    await expectText(card, '<script>alert(1)</script>');
    expect(await card.evaluate((element) => element.children.length)).toBe(0);
    expect(elsewhere).toEqual([]);
    // Script errors, CSP violations and any alert(), confirm() or prompt() fail the test in browserSuite.
  });

  it('shows a note whole, ticks its task boxes over the version on screen, and never overwrites a newer edit', async () => {
    const { page, token } = await signedIn('tasks');
    const description = 'Shopping\n\n- [ ] milk\n- [ ] eggs\n- [x] bread\n\nSee [the shop](https://example.com/shop).';
    const note = await addNoteViaApi(inject('baseUrl'), token, 'Groceries', description);
    await page.reload();
    await expectText(page.locator('.note-description'), 'Shopping\nmilk\neggs\nbread\nSee the shop.');

    await page.getByRole('button', { name: 'Groceries', exact: true }).click();
    await page.waitForURL(`**/notes?note=${note.id}`);
    const view = page.getByRole('dialog', { name: 'Groceries' });
    const box = (name: string) => view.getByRole('checkbox', { name, exact: true });
    await box('milk').waitFor();
    expect([await box('milk').isChecked(), await box('bread').isChecked()]).toEqual([false, true]);
    const shop = view.getByRole('link', { name: 'the shop' });
    expect([await shop.getAttribute('href'), await shop.getAttribute('target'), await shop.getAttribute('rel')]).toEqual([
      'https://example.com/shop',
      '_blank',
      'noopener noreferrer',
    ]);

    // A tick (by pointer) is saved as the changed Markdown.
    await box('milk').click();
    await expectText(announcement(page), 'Task list saved');
    expect((await noteViaApi(token, note.id)).description).toBe(description.replace('- [ ] milk', '- [x] milk'));
    await screenshot(page, 'markdown-note-view', { fullPage: false });

    // The URL keeps the view open over a reload, with the saved tick.
    await page.reload();
    await box('milk').waitFor();
    await expect.poll(() => box('milk').isChecked()).toBe(true);

    // Someone else edits the note; a tick on the version on screen then saves nothing and shows theirs.
    const seen = await noteViaApi(token, note.id);
    const theirs = seen.description.replace('- [x] bread', '- [x] bread\n- [ ] coffee');
    const patched = await fetch(`${inject('baseUrl')}/api/notes/${note.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': `"${seen.version}"` },
      body: JSON.stringify({ description: theirs }),
    });
    expect(patched.status).toBe(200);
    // By keyboard this time: the boxes are reachable and tick with Space.
    await box('eggs').focus();
    await page.keyboard.press('Space');
    await expectText(view.locator('[role=alert]'), /changed somewhere else, so your tick was not saved and nothing was overwritten/);
    await box('coffee').waitFor();
    await expect.poll(() => box('eggs').isChecked()).toBe(false);
    expect((await noteViaApi(token, note.id)).description).toBe(theirs);

    // Ticking again now builds on their version.
    await box('eggs').focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await noteViaApi(token, note.id)).description).toBe(theirs.replace('- [ ] eggs', '- [x] eggs'));

    // Edit opens the editor over the view; its Preview renders the Markdown, and Ctrl+Shift+P switches back.
    await view.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'Edit note' });
    await expect.poll(() => editor.getByLabel('Description').inputValue()).toBe(theirs.replace('- [ ] eggs', '- [x] eggs'));
    await editor.getByLabel('Description').focus();
    await page.keyboard.press('Control+Shift+P');
    await expectText(editor.getByRole('tab', { selected: true }), 'Preview');
    const preview = editor.getByRole('tabpanel', { name: 'Preview' });
    await expect.poll(() => preview.getByRole('checkbox', { name: 'coffee' }).isDisabled()).toBe(true);
    await screenshot(page, 'markdown-editor-preview', { fullPage: false });
    await page.keyboard.press('Control+Shift+P');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await editor.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => editor.isVisible()).toBe(false);

    // Back closes the view, as it was opened from the list.
    await view.getByRole('button', { name: 'Close', exact: true }).click();
    await page.waitForURL('**/notes');
    await page.getByRole('button', { name: 'Groceries', exact: true }).click();
    await view.waitFor();
    await page.goBack();
    await page.waitForURL('**/notes');
    await expect.poll(() => view.isVisible()).toBe(false);
  });

  it('says so when the URL names a note that does not exist', async () => {
    const { page } = await signedIn('missing');
    await page.goto('/notes?note=000000000000000000000000');
    await expectText(page.getByRole('dialog', { name: 'Note not found' }), 'This note does not exist');
  });
});
