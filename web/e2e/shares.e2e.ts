// A note shared by a link: opened in a second browser context with no session it renders read-only; revoked in the
// Share dialog, the same link then shows that it is no longer available.
import { describe, expect, inject, it } from 'vitest';
import { addNoteViaApi, browserSuite, expectText, registerViaApi, screenshot, signIn, tokenOf, uniqueUsername } from './browser';

const suite = browserSuite();

describe('share links', () => {
  it('shares a note read-only with someone who has no account, and revoking the link takes it back', async () => {
    const baseUrl = inject('baseUrl');
    const username = uniqueUsername('share');
    await registerViaApi(baseUrl, username);
    const { page } = await suite.open();
    await signIn(page, username);
    const note = await addNoteViaApi(
      baseUrl,
      await tokenOf(page),
      'Trip plan',
      '## Day one\n\nMeet at the **old station** at nine.',
    );

    await page.goto(`/notes?note=${note.id}`);
    const view = page.getByRole('dialog', { name: 'Trip plan' });
    await view.locator('.markdown').waitFor();
    await view.getByRole('button', { name: 'Share', exact: true }).click();
    const share = page.getByRole('dialog', { name: 'Share “Trip plan”' });
    await expectText(share, 'No links to this note.');
    await share.getByLabel('Link expires after').selectOption({ label: '7 days' });
    await share.getByRole('button', { name: 'Create link' }).click();
    const field = share.getByLabel('New link (shown only now)');
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${new URL(baseUrl).origin}/s/[A-Za-z0-9_-]{22,}$`));
    const links = share.getByRole('list', { name: 'Links to this note' });
    await expectText(links, '0 views');
    await screenshot(page, 'share-link-created', { fullPage: false });

    // Someone else, with no session at all, opens the link.
    const stranger = await suite.open();
    await stranger.page.goto(link);
    const shared = stranger.page.getByRole('article', { name: 'Trip plan' });
    await shared.waitFor();
    await expectText(shared.getByRole('heading', { level: 1 }), 'Trip plan');
    await expectText(shared.getByRole('heading', { level: 2, name: 'Day one' }), 'Day one');
    await expectText(shared.locator('.markdown strong'), 'old station');
    expect(await stranger.page.evaluate(() => sessionStorage.getItem('notes.session'))).toBeNull();
    await expect(stranger.page.getByRole('button', { name: 'Edit', exact: true }).count()).resolves.toBe(0);
    await screenshot(stranger.page, 'share-link-opened', { fullPage: false });

    await share.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expectText(share, 'No links to this note.');
    await expect(field.count()).resolves.toBe(0);

    await stranger.page.reload();
    await expectText(stranger.page.locator('.shared-note'), 'This link is not available.');
    await expect(stranger.page.getByRole('article', { name: 'Trip plan' }).count()).resolves.toBe(0);
    await screenshot(stranger.page, 'share-link-revoked', { fullPage: false });
  });
});
