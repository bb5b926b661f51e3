import { getCurrentScope, onScopeDispose } from 'vue';
import type { NoteContent } from '@/merge';
import { session as appSession, type Session } from '@/session';

/**
 * The version an edit started from: sent back as `If-Match`, so a draft older than the note meets a 412 and is
 * merged. The history keeps old titles and descriptions, not tags or the archive choice: the draft keeps those.
 */
export interface DraftBase {
  version: number;
  tags: string[];
  archived: boolean;
}

export interface Draft extends NoteContent {
  /** Null for a note not added yet. */
  base: DraftBase | null;
  /** When it was typed (ISO 8601), to name it when it is offered back. */
  savedAt: string;
}

const prefix = 'notesslices:draft:';

/** One draft per user and note (`new` for the note being added), so a shared browser never offers one user another's. */
export function draftKey(userId: string, noteId: string | null): string {
  return `${prefix}${userId}:${noteId ?? 'new'}`;
}

/** Forgets every draft of a user: signing out on a shared computer leaves none behind. */
export function clearDrafts(userId: string, storage: Storage = localStorage) {
  const own = `${prefix}${userId}:`;
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key) => key?.startsWith(own));
  for (const key of keys) storage.removeItem(key!);
}

interface DraftOptions {
  storage?: Storage;
  session?: Pick<Session, 'user' | 'onEnd'>;
  /** Typing is written once it pauses this long; leaving the page or the session writes it at once. */
  delayMs?: number;
  now?: () => Date;
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * The editor's drafts in localStorage, so a reload, a lost connection or an expired session loses nothing typed.
 * An expiry or a revocation keeps them for the same user to sign in again; signing out drops what is still pending.
 */
export function useDraft({
  storage = localStorage,
  session = appSession,
  delayMs = 500,
  now = () => new Date(),
  target = window,
}: DraftOptions = {}) {
  let pending: { key: string; draft: Draft } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const keyOf = (noteId: string | null) => {
    const user = session.user.value;
    return user ? draftKey(user.id, noteId) : null;
  };

  function flush() {
    clearTimeout(timer);
    if (!pending) return;
    const { key, draft } = pending;
    pending = null;
    try {
      storage.setItem(key, JSON.stringify(draft));
    } catch {
      // Storage full or refused (private mode): the text is still on screen, only the safety net is missing.
    }
  }

  function cancel() {
    clearTimeout(timer);
    pending = null;
  }

  /** Keeps what the editor holds, written once typing pauses. */
  function keep(noteId: string | null, content: NoteContent, base: DraftBase | null) {
    const key = keyOf(noteId);
    if (!key) return;
    pending = { key, draft: { ...content, tags: [...content.tags], base, savedAt: now().toISOString() } };
    clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  }

  function read(noteId: string | null): Draft | null {
    const key = keyOf(noteId);
    if (!key) return null;
    if (pending?.key === key) return pending.draft;
    try {
      const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
      return isDraft(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** After a save, or when the user says to throw it away. */
  function discard(noteId: string | null) {
    const key = keyOf(noteId);
    if (!key) return;
    if (pending?.key === key) cancel();
    storage.removeItem(key);
  }

  const stopWatching = session.onEnd((reason) => (reason === 'signed-out' || reason === 'signed-out-everywhere' ? cancel() : flush()));
  target.addEventListener('pagehide', flush);
  if (getCurrentScope())
    onScopeDispose(() => {
      flush();
      stopWatching();
      target.removeEventListener('pagehide', flush);
    });

  return { keep, read, discard, flush };
}

export type Drafts = ReturnType<typeof useDraft>;

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  const base = draft.base as Record<string, unknown> | null | undefined;
  return (
    typeof draft.title === 'string' &&
    typeof draft.description === 'string' &&
    isStrings(draft.tags) &&
    typeof draft.archived === 'boolean' &&
    typeof draft.savedAt === 'string' &&
    (base === null ||
      (typeof base === 'object' && base !== undefined && Number.isInteger(base.version) && isStrings(base.tags) && typeof base.archived === 'boolean'))
  );
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
