import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { clearDrafts, draftKey, useDraft } from '@/composables/useDraft';
import { createSession } from '@/session';

const content = { title: 'Trip', description: 'Pack bags', tags: ['travel'], archived: false };
const base = { version: 3, tags: ['travel'], archived: false };
const hour = 3_600_000;

function signedIn(id = 'u1') {
  const session = createSession({ storage: window.sessionStorage });
  session.start({ token: 't', expiresAt: new Date(Date.now() + hour).toISOString(), user: { id, username: id } });
  return session;
}

/** Inside a component, as the editor uses it: unmounting is leaving the notes page. */
function mounted(session = signedIn()) {
  let drafts!: ReturnType<typeof useDraft>;
  const wrapper = mount(
    defineComponent({
      setup() {
        drafts = useDraft({ session, now: () => new Date('2026-03-01T12:00:00Z') });
        return () => null;
      },
    }),
  );
  return { drafts, wrapper, session };
}

const stored = (userId: string, noteId: string | null) => JSON.parse(localStorage.getItem(draftKey(userId, noteId)) ?? 'null');

describe('drafts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('writes what is typed once typing pauses for half a second, under the user and the note', () => {
    const { drafts } = mounted();
    drafts.keep('n1', { ...content, title: 'T' }, base);
    vi.advanceTimersByTime(300);
    drafts.keep('n1', content, base);
    vi.advanceTimersByTime(499);
    expect(localStorage.getItem('notesslices:draft:u1:n1')).toBeNull();

    vi.advanceTimersByTime(1);
    expect(stored('u1', 'n1')).toEqual({ ...content, base, savedAt: '2026-03-01T12:00:00.000Z' });
  });

  it('keeps a note being added under `new`, and reads back only the signed-in user’s draft', () => {
    const { drafts } = mounted();
    drafts.keep(null, content, null);
    drafts.flush();
    expect(localStorage.getItem('notesslices:draft:u1:new')).not.toBeNull();
    expect(drafts.read(null)).toMatchObject({ title: 'Trip', base: null });

    const other = mounted(signedIn('u2')).drafts;
    expect(other.read(null)).toBeNull();
  });

  it('reads a draft still waiting to be written', () => {
    const { drafts } = mounted();
    drafts.keep('n1', content, base);
    expect(drafts.read('n1')).toMatchObject(content);
  });

  it('writes at once when the page is hidden (a reload, a closed tab) and when the page goes away', () => {
    const { drafts, wrapper } = mounted();
    drafts.keep('n1', content, base);
    window.dispatchEvent(new Event('pagehide'));
    expect(stored('u1', 'n1')).toMatchObject(content);

    drafts.keep('n1', { ...content, title: 'Later' }, base);
    wrapper.unmount();
    expect(stored('u1', 'n1')).toMatchObject({ title: 'Later' });
  });

  it('keeps the draft when the session expires or is revoked, for the same user to sign in again', () => {
    const { drafts, session } = mounted();
    drafts.keep('n1', content, base);
    session.end('expired');
    expect(stored('u1', 'n1')).toMatchObject(content);

    const again = mounted(signedIn('u1')).drafts;
    expect(again.read('n1')).toMatchObject(content);
  });

  it('drops what is still pending when the user signs out', () => {
    const { drafts, session, wrapper } = mounted();
    drafts.keep('n1', content, base);
    session.end('signed-out');
    wrapper.unmount();
    vi.runAllTimers();
    expect(localStorage.getItem(draftKey('u1', 'n1'))).toBeNull();
  });

  it('forgets a draft when it is discarded, including one not written yet', () => {
    const { drafts } = mounted();
    drafts.keep('n1', content, base);
    drafts.flush();
    drafts.keep('n1', { ...content, title: 'Newer' }, base);
    drafts.discard('n1');
    vi.runAllTimers();
    expect(localStorage.getItem(draftKey('u1', 'n1'))).toBeNull();
    expect(drafts.read('n1')).toBeNull();
  });

  it('clears every draft of one user and none of another’s', () => {
    localStorage.setItem(draftKey('u1', 'n1'), '{}');
    localStorage.setItem(draftKey('u1', 'new'), '{}');
    localStorage.setItem(draftKey('u10', 'n1'), '{}');
    localStorage.setItem('notes.other', 'x');
    clearDrafts('u1');
    expect(Object.keys(localStorage).sort()).toEqual(['notes.other', draftKey('u10', 'n1')]);
  });

  it('treats a damaged or foreign entry as no draft', () => {
    const { drafts } = mounted();
    localStorage.setItem(draftKey('u1', 'n1'), '{not json');
    expect(drafts.read('n1')).toBeNull();
    localStorage.setItem(draftKey('u1', 'n1'), JSON.stringify({ ...content, base: { version: 'x' }, savedAt: 'now' }));
    expect(drafts.read('n1')).toBeNull();
  });

  it('keeps the text on screen when storage refuses the write', () => {
    const { drafts } = mounted();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    drafts.keep('n1', content, base);
    expect(() => drafts.flush()).not.toThrow();
  });

  it('keeps nothing without a signed-in user', () => {
    const session = signedIn();
    session.end('expired');
    const { drafts } = mounted(session);
    drafts.keep('n1', content, base);
    drafts.flush();
    expect(localStorage.length).toBe(0);
  });
});
