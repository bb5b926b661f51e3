// Two browser contexts (two devices, each signed in on its own) editing one note: whatever each typed survives, merged
// or kept, and a draft outlives a reload and an expired session.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  addNoteViaApi,
  browserSuite,
  expectText,
  password,
  registerViaApi,
  screenshot,
  signIn,
  tokenOf,
  uniqueUsername,
} from './browser';

const suite = browserSuite();

/** One user on two devices, with one note on both screens. */
async function twoDevices(prefix: string, title: string, description: string, baseUrl: string = inject('baseUrl')) {
  const username = uniqueUsername(prefix);
  await registerViaApi(baseUrl, username);
  const first = await suite.open(baseUrl);
  await signIn(first.page, username);
  const token = await tokenOf(first.page);
  const note = await addNoteViaApi(baseUrl, token, title, description);
  const second = await suite.open(baseUrl);
  await signIn(second.page, username);
  await first.page.reload();
  await first.page.getByRole('heading', { name: 'Your notes' }).waitFor();
  return { first: first.page, second: second.page, note, token, username, baseUrl };
}

const titles = (page: Page) => page.locator('.note-list h3').allTextContents();
const editorOf = (page: Page) => page.getByRole('dialog', { name: 'Edit note' });
const mergeOf = (page: Page) => page.getByRole('dialog', { name: 'This note was changed somewhere else' });

/** Opens the editor on the only note and waits until it holds the version it starts from (Save is enabled). */
async function openEditor(page: Page) {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Save', exact: true }).isEnabled()).toBe(true);
  return editorOf(page);
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

async function noteViaApi(baseUrl: string, token: string, id: string) {
  const response = await fetch(`${baseUrl}/api/notes/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { title: string; description: string; version: number };
}

/**
 * The second device saves its edit of the description (or title) first; the first then meets the 412: its merge dialog.
 */
async function bothSave(first: Page, second: Page, field: 'Title' | 'Description', mine: string, theirs: string) {
  const ours = await openEditor(first);
  const other = await openEditor(second);
  await ours.getByLabel(field).fill(mine);
  await other.getByLabel(field).fill(theirs);
  await save(second);
  await expect.poll(() => other.isVisible()).toBe(false);
  await save(first);
  return { editor: ours, merge: mergeOf(first) };
}

const plan = 'Monday: book flights\nTuesday: pack bags\nWednesday: water plants\nThursday: lock door';

describe('two edits of one note', () => {
  it('merges edits that do not overlap, shows whose each change is, and saves the merge', async () => {
    const { first, second, note, token, baseUrl } = await twoDevices('clean', 'Trip', plan);
    const mine = plan.replace('book flights', 'book flights and a hotel');
    const { merge } = await bothSave(first, second, 'Description', mine, plan.replace('lock door', 'lock door and windows'));
    await expectText(merge, 'Your changes and theirs do not overlap');
    await expectText(merge.locator('.merge-by-mine'), 'book flights and a hotel');
    await expectText(merge.locator('.merge-by-theirs'), 'lock door and windows');
    await screenshot(first, 'merge-clean', { fullPage: false });

    await merge.getByRole('button', { name: 'Save merged' }).click();
    await expect.poll(() => merge.isVisible()).toBe(false);
    await expectText(first.locator('.app > [role=status]'), 'Merged note saved');
    const saved = await noteViaApi(baseUrl, token, note.id);
    expect(saved.description).toBe(plan.replace('book flights', 'book flights and a hotel').replace('lock door', 'lock door and windows'));
    expect(saved.version).toBe(note.version + 2);
  });

  it('shows overlapping edits side by side, and saves the side chosen with the rest of both', async () => {
    const { first, second, note, token, baseUrl } = await twoDevices('overlap', 'Trip', plan);
    const mine = plan.replace('pack bags', 'pack one bag').replace('Thursday', 'Thu');
    const { merge } = await bothSave(first, second, 'Description', mine, plan.replace('pack bags', 'pack two bags'));
    const conflict = merge.getByRole('group', { name: 'Conflict 1 of 1' });
    await expectText(conflict, 'Tuesday: pack one bag');
    await expectText(conflict, 'Tuesday: pack two bags');
    expect(await merge.getByRole('button', { name: 'Save merged' }).isDisabled()).toBe(true);
    await screenshot(first, 'merge-conflict', { fullPage: false });

    await conflict.getByRole('button', { name: 'Use theirs' }).click();
    await merge.getByRole('button', { name: 'Save merged' }).click();
    await expect.poll(() => merge.isVisible()).toBe(false);
    // Their line for the part in conflict, and my change elsewhere: nothing dropped that was not chosen.
    expect((await noteViaApi(baseUrl, token, note.id)).description).toBe(plan.replace('pack bags', 'pack two bags').replace('Thursday', 'Thu'));
  });

  it('keeps my text as a new note, leaving the other edit as it was saved', async () => {
    const { first, second, note, token, baseUrl } = await twoDevices('keep', 'Trip', plan);
    const { merge } = await bothSave(first, second, 'Title', 'My trip', 'Their trip');
    await merge.getByRole('button', { name: 'Keep mine as a new note' }).click();
    await expect.poll(() => titles(first)).toEqual(['My trip', 'Their trip']);
    await expectText(first.locator('.app > [role=status]'), 'Your version was added as a new note');
    expect((await noteViaApi(baseUrl, token, note.id)).title).toBe('Their trip');
  });

  it('goes back to my edit unchanged, and settles a conflict by hand', async () => {
    const { first, second, note, token, baseUrl } = await twoDevices('hand', 'Trip', plan);
    const { editor: mine, merge } = await bothSave(first, second, 'Description', plan.replace('water plants', 'water the fern'), plan.replace('water plants', 'water the cactus'));
    await merge.getByRole('button', { name: 'Back to my edit' }).click();
    await expect.poll(() => merge.isVisible()).toBe(false);
    expect(await mine.getByLabel('Description').inputValue()).toBe(plan.replace('water plants', 'water the fern'));

    await save(first);
    await merge.getByRole('button', { name: 'Edit by hand' }).click();
    const marked = await mine.getByLabel('Description').inputValue();
    expect(marked).toContain('<<<<<<< Yours\nWednesday: water the fern\n=======\nWednesday: water the cactus\n>>>>>>> Theirs');
    await mine.getByLabel('Description').fill(plan.replace('water plants', 'water the fern and the cactus'));
    await save(first);
    await expect.poll(() => mine.isVisible()).toBe(false);
    expect((await noteViaApi(baseUrl, token, note.id)).description).toBe(plan.replace('water plants', 'water the fern and the cactus'));
  });
});

describe('drafts', () => {
  it('offers a draft back after a reload, and forgets it once saved', async () => {
    const { first: page, note, token, baseUrl } = await twoDevices('reload', 'Trip', plan);
    const editor = await openEditor(page);
    const typed = `${plan}\nFriday: fly`;
    await editor.getByLabel('Description').fill(typed);
    // No waiting for the draft to be written: leaving the page writes it.
    await page.reload();
    await page.getByRole('heading', { name: 'Your notes' }).waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const offer = editorOf(page).locator('.banner');
    await expectText(offer, 'You have an unsaved draft of this note');
    await screenshot(page, 'draft-offer', { fullPage: false });
    await offer.getByRole('button', { name: 'Restore your draft' }).click();
    await expect.poll(() => editorOf(page).getByLabel('Description').inputValue()).toBe(typed);
    await save(page);
    await expect.poll(() => editorOf(page).isVisible()).toBe(false);
    expect((await noteViaApi(baseUrl, token, note.id)).description).toBe(typed);

    await openEditor(page);
    expect(await editorOf(page).locator('.banner').count()).toBe(0);
  });

  it('merges a draft restored after a reload with what was saved elsewhere meanwhile', async () => {
    const { first, second, note, token, baseUrl } = await twoDevices('stale', 'Trip', plan);
    const editor = await openEditor(first);
    await editor.getByLabel('Description').fill(plan.replace('Monday', 'Mon'));
    await first.reload();
    await first.getByRole('heading', { name: 'Your notes' }).waitFor();

    const theirs = await openEditor(second);
    await theirs.getByLabel('Description').fill(plan.replace('Thursday', 'Thu'));
    await save(second);
    await expect.poll(() => theirs.isVisible()).toBe(false);

    await first.getByRole('button', { name: 'Edit', exact: true }).click();
    await editorOf(first).getByRole('button', { name: 'Restore your draft' }).click();
    await save(first);
    // The version the draft started from comes from the note's history.
    const merge = mergeOf(first);
    await expectText(merge, 'Your changes and theirs do not overlap');
    await merge.getByRole('button', { name: 'Save merged' }).click();
    await expect.poll(() => merge.isVisible()).toBe(false);
    expect((await noteViaApi(baseUrl, token, note.id)).description).toBe(plan.replace('Monday', 'Mon').replace('Thursday', 'Thu'));
  });

  it('offers a draft back after the session expired and the same user signed in again', async () => {
    const baseUrl = inject('shortLivedBaseUrl');
    const username = uniqueUsername('expiry');
    await registerViaApi(baseUrl, username);
    const { page } = await suite.open(baseUrl);
    await signIn(page, username);
    const note = await addNoteViaApi(baseUrl, await tokenOf(page), 'Trip', plan);
    await page.reload();
    const editor = await openEditor(page);
    const typed = `${plan}\nFriday: fly`;
    await editor.getByLabel('Description').fill(typed);

    // Idle from here: the token (20 s) is refreshed once for the typing, then runs out.
    await page.waitForURL('**/login?**', { timeout: 60_000 });
    await expectText(page.getByRole('alert'), 'Your session has expired');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL('**/notes');

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await editorOf(page).getByRole('button', { name: 'Restore your draft' }).click();
    await expect.poll(() => editorOf(page).getByLabel('Description').inputValue()).toBe(typed);
    await save(page);
    await expect.poll(() => editorOf(page).isVisible()).toBe(false);
    expect((await noteViaApi(baseUrl, await tokenOf(page), note.id)).description).toBe(typed);
  });

  it('forgets the drafts on Log out', async () => {
    const { first: page } = await twoDevices('logout', 'Trip', plan);
    const editor = await openEditor(page);
    await editor.getByLabel('Description').fill('typed on a shared computer');
    await page.reload();
    await page.getByRole('heading', { name: 'Your notes' }).waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('notesslices:draft:')))).toHaveLength(1);

    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL('**/login**');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('notesslices:draft:')))).toEqual([]);
  });
});

describe('history', () => {
  it('lists the earlier versions, shows what restoring one would change, and restores it', async () => {
    const { first: page, note, token, baseUrl } = await twoDevices('history', 'Trip', plan);
    for (const [version, description] of [[note.version, `${plan}\nFriday: fly`], [note.version + 1, `${plan}\nFriday: fly home`]] as const) {
      const response = await fetch(`${baseUrl}/api/notes/${note.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': `"${version}"` },
        body: JSON.stringify({ title: 'Trip', description }),
      });
      expect(response.status).toBe(200);
    }
    await page.reload();
    await page.getByRole('heading', { name: 'Your notes' }).waitFor();
    const editor = await openEditor(page);
    await editor.getByRole('button', { name: 'History' }).click();

    const history = page.getByRole('dialog', { name: 'History of “Trip”' });
    const versions = history.locator('.history-version');
    await expect.poll(() => versions.allTextContents()).toEqual([`Version ${note.version + 1}`, `Version ${note.version}`]);
    await history.getByRole('button', { name: new RegExp(`^Version ${note.version}\\b`) }).click();
    await expectText(history.locator('del'), '− nowFriday: fly home');
    await screenshot(page, 'history', { fullPage: false });

    await history.getByRole('button', { name: 'Restore this version' }).click();
    await expect.poll(() => history.isVisible()).toBe(false);
    await expectText(page.locator('.app > [role=status]'), `Restored version ${note.version}`);
    // The editor, untouched, shows the restored text.
    await expect.poll(() => editor.getByLabel('Description').inputValue()).toBe(plan);
    const restored = await noteViaApi(baseUrl, token, note.id);
    expect(restored.description).toBe(plan);
    expect(restored.version).toBe(note.version + 3);
  });
});
