import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Download, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSuite, expectText, notesSettled, registerViaApi, screenshot, signIn, tokenOf, uniqueUsername } from './browser';

const suite = browserSuite();

async function signedIn(prefix: string) {
  const username = uniqueUsername(prefix);
  await registerViaApi(inject('baseUrl'), username);
  const visit = await suite.open();
  await signIn(visit.page, username);
  return { ...visit, username, token: await tokenOf(visit.page) };
}

async function addNote(token: string, note: { title: string; description?: string; tags?: string[]; pinned?: boolean; archived?: boolean }) {
  const response = await fetch(`${inject('baseUrl')}/api/notes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ description: '', ...note }),
  });
  expect(response.status).toBe(201);
}

/** A zip of the given files (deflated), as a folder of notes zipped on any system: enough of the format for an import. */
function zipOf(files: Record<string, Buffer | string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const common = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt32LE(0, at + 6); // time and date
      header.writeUInt32LE(crc32(data), at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(fileName.length, at + 22);
    };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    common(head, 4);
    local.push(head, fileName, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    common(entry, 6);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += head.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/** The list as a person reads it: each section, and each card's title and tags in order. */
async function listed(page: Page) {
  await notesSettled(page);
  return page.locator('.notes-group').evaluateAll((groups) =>
    groups.map((group) => ({
      section: group.querySelector('.notes-group-heading')?.textContent?.trim() ?? '',
      notes: Array.from(group.querySelectorAll('.note')).map((note) => ({
        title: note.querySelector('.note-title')?.textContent?.trim(),
        // The tag as shown, without the link's visually hidden "Notes tagged ".
        tags: Array.from(note.querySelectorAll('.note-tag')).map((tag) => tag.lastChild?.textContent?.trim()),
      })),
    })),
  );
}

async function openTransfer(page: Page) {
  await page.getByRole('button', { name: 'Export or import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export or import notes' });
  await dialog.getByRole('heading', { name: 'Import', exact: true }).waitFor();
  return dialog;
}

async function downloadOf(page: Page, button: string): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return download;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Views and tags' });
const report = (page: Page) => page.locator('.import-summary');

describe('export and import from the dashboard', () => {
  it('exports JSON from the settings page and imports it into a second account from the notes page: the same notes, once', async () => {
    const alice = await signedIn('export');
    await addNote(alice.token, { title: 'Client call', description: 'Agenda:\n\n- [ ] budget', tags: ['work/clients'] });
    await addNote(alice.token, { title: 'Groceries', description: 'milk, *eggs*', tags: ['home', 'errands'], pinned: true });
    await addNote(alice.token, { title: 'Old plan', tags: ['work'], archived: true });
    await addNote(alice.token, { title: 'Reading list' });
    await alice.page.reload();
    const aliceList = await listed(alice.page);
    expect(aliceList).toEqual([
      { section: 'Pinned', notes: [{ title: 'Groceries', tags: ['home', 'errands'] }] },
      { section: 'Others', notes: [{ title: 'Reading list', tags: [] }, { title: 'Client call', tags: ['work/clients'] }] },
    ]);

    await alice.page.getByRole('link', { name: 'Settings' }).click();
    await alice.page.getByRole('heading', { name: 'Export and import' }).waitFor();
    const json = await downloadOf(alice.page, 'Export as JSON');
    expect(json.suggestedFilename()).toMatch(/^notes-\d{4}-\d{2}-\d{2}\.json$/);
    // Saved under the name the browser gave it, as a person's download is (Playwright's own copy has a random name).
    const folder = await mkdtemp(join(tmpdir(), 'notesslices-export-'));
    const file = join(folder, json.suggestedFilename());
    await json.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported).toMatchObject({ format: 'notesslices', formatVersion: 1, username: alice.username });
    expect(exported.notes.map((n: { title: string }) => n.title).sort()).toEqual(['Client call', 'Groceries', 'Old plan', 'Reading list']);
    await screenshot(alice.page, 'transfer-settings');

    // The Markdown zip from the notes page's dialog.
    await alice.page.getByRole('link', { name: 'Back to notes' }).click();
    const dialog = await openTransfer(alice.page);
    const markdown = await downloadOf(alice.page, 'Export as Markdown (zip)');
    expect(markdown.suggestedFilename()).toMatch(/^notes-\d{4}-\d{2}-\d{2}\.zip$/);
    expect((await readFile(await markdown.path())).subarray(0, 2).toString()).toBe('PK');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const bob = await signedIn('import');
    const bobDialog = await openTransfer(bob.page);
    await bobDialog.getByLabel('Choose a file to import').setInputFiles(file);
    await expectText(report(bob.page), `${json.suggestedFilename()}: 4 notes imported.`);
    expect(await bobDialog.locator('.import-counts dd').allTextContents()).toEqual(['4', '0', '0']);
    await screenshot(bob.page, 'transfer-import-report');
    await bobDialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => listed(bob.page)).toEqual(aliceList);
    await nav(bob.page).getByRole('link', { name: 'Archive', exact: true }).click();
    await expect.poll(() => listed(bob.page)).toEqual([{ section: '', notes: [{ title: 'Old plan', tags: ['work'] }] }]);

    // The same file again: recognised, nothing doubled.
    const again = await openTransfer(bob.page);
    await again.getByLabel('Choose a file to import').setInputFiles(file);
    await expectText(report(bob.page), '0 notes imported, 4 already here and skipped.');
    await again.getByRole('button', { name: 'Close' }).click();
    await nav(bob.page).getByRole('link', { name: 'Notes', exact: true }).click();
    await expect.poll(() => listed(bob.page)).toEqual(aliceList);
    await rm(folder, { recursive: true, force: true });
  });

  it('imports a zip of Markdown files with front matter from the settings page, reporting the file it could not read', async () => {
    const carol = await signedIn('markdown');
    const zip = zipOf({
      'Obsidian/Trips/Lisbon.md': '---\ntitle: Lisbon in May\ntags: [travel, plans]\npinned: true\n---\n\nTram 28 early.\n',
      'Joplin/Recipes/Soup.md': '---\ntitle: "Pumpkin soup"\ncreated: 2026-10-01T08:00:00.000Z\nupdated: 2026-10-02T09:30:00.000Z\ntags:\n  - cooking\n  - autumn\n---\n\nRoast first.\n',
      'plain/Ideas.md': '# Side projects\n\nA notes app.\n',
      'plain/broken.md': Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]),
    });

    await carol.page.getByRole('link', { name: 'Settings' }).click();
    const input = carol.page.getByLabel('Choose a file to import');
    await input.setInputFiles({ name: 'vault.zip', mimeType: 'application/zip', buffer: zip });
    await expectText(report(carol.page), 'vault.zip: 3 notes imported, 1 could not be imported.');
    const failures = carol.page.getByRole('list', { name: 'Not imported:' }).getByRole('listitem');
    await expect.poll(() => failures.count()).toBe(1);
    expect(await failures.first().textContent()).toMatch(/^plain\/broken\.md: \S/);
    await expectText(carol.page.locator('.facts'), /Notes\s*3/);
    await screenshot(carol.page, 'transfer-markdown-report');

    // A single note dropped on the zone (the keyboard's way in is the input above; a drop is the mouse's).
    const dropped = await carol.page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['---\ntags: inbox\n---\nCall the bank.\n'], 'Bank.md', { type: 'text/markdown' }));
      return transfer;
    });
    await carol.page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await expectText(report(carol.page), 'Bank.md: 1 note imported.');

    // What no import takes, said before anything is sent.
    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) });
    await expectText(carol.page.getByRole('alert'), '“photo.png” cannot be imported');

    await carol.page.getByRole('link', { name: 'Back to notes' }).click();
    await carol.page.getByRole('heading', { name: 'Your notes' }).waitFor();
    const list = await listed(carol.page);
    expect(list[0]).toEqual({ section: 'Pinned', notes: [{ title: 'Lisbon in May', tags: ['travel', 'plans'] }] });
    expect(list[1]!.notes).toEqual(
      expect.arrayContaining([
        { title: 'Pumpkin soup', tags: ['cooking', 'autumn'] },
        { title: 'Side projects', tags: [] },
        { title: 'Bank', tags: ['inbox'] },
      ]),
    );
    expect(list[1]!.notes).toHaveLength(3);
  });
});
