import { computed, readonly, ref } from 'vue';

export interface SessionUser {
  id: string;
  username: string;
}

/** What the API answers to sign-in and refresh, as far as the session needs it. */
export interface IssuedToken {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

export type EndReason = 'expired' | 'revoked' | 'signed-out' | 'signed-out-everywhere' | 'account-deleted';

export interface Notice {
  tone: 'info' | 'warning';
  text: string;
}

const endNotices: Record<EndReason, Notice> = {
  expired: { tone: 'warning', text: 'Your session has expired. Sign in again to continue.' },
  revoked: { tone: 'warning', text: 'You have been signed out. Sign in again to continue.' },
  'signed-out': { tone: 'info', text: 'You have signed out.' },
  'signed-out-everywhere': { tone: 'info', text: 'You have been signed out on every device.' },
  'account-deleted': { tone: 'info', text: 'Your account and everything in it have been deleted.' },
};

export interface SessionOptions {
  storage: Storage;
  now?: () => number;
}

const storageKey = 'notes.session';
/** Refresh this long before expiry at most, and a quarter of the token's remaining life at least. */
const maxRefreshLead = 60_000;
const retryAfterFailedRefresh = 5_000;

/**
 * The signed-in user's token lifecycle: kept in sessionStorage (so it dies with the tab), refreshed
 * shortly before it expires while the user is active, and ended with a reason the login page can show.
 */
export function createSession({ storage, now = Date.now }: SessionOptions) {
  const current = ref<IssuedToken | null>(read(storage));
  const notice = ref<Notice | null>(null);
  const endListeners = new Set<(reason: EndReason) => void>();
  let refresher: (() => Promise<IssuedToken>) | null = null;
  let receivedAt = now();
  let lastActivity = 0;
  let refreshDue = false;
  let refreshing: Promise<void> | null = null;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  function clearTimers() {
    clearTimeout(refreshTimer);
    clearTimeout(expiryTimer);
    refreshDue = false;
  }

  function schedule() {
    clearTimers();
    if (!current.value) return;
    const remaining = new Date(current.value.expiresAt).getTime() - now();
    if (!(remaining > 0)) {
      end('expired');
      return;
    }
    const lead = Math.min(maxRefreshLead, remaining / 4);
    refreshTimer = setTimeout(() => {
      refreshDue = true;
      if (lastActivity > receivedAt) void refresh();
    }, remaining - lead);
    expiryTimer = setTimeout(() => end('expired'), remaining);
  }

  function accept(issued: IssuedToken) {
    current.value = { token: issued.token, expiresAt: issued.expiresAt, user: { ...issued.user } };
    storage.setItem(storageKey, JSON.stringify(current.value));
    receivedAt = now();
    schedule();
  }

  function refresh(): Promise<void> {
    if (!refresher || !current.value) return Promise.resolve();
    refreshing ??= refresher()
      .then(accept, () => {
        // A refused refresh (401) has already ended the session through the API client; anything else
        // (a network blip) is retried while the token still has time left.
        if (current.value) refreshTimer = setTimeout(() => void refresh(), retryAfterFailedRefresh);
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  function end(reason: EndReason) {
    const wasSignedIn = current.value !== null;
    clearTimers();
    storage.removeItem(storageKey);
    current.value = null;
    notice.value = endNotices[reason];
    if (wasSignedIn) endListeners.forEach((listener) => listener(reason));
  }

  schedule();

  return {
    user: computed(() => current.value?.user ?? null),
    signedIn: computed(() => current.value !== null),
    notice: readonly(notice),
    token: () => current.value?.token ?? null,
    /** Start (or continue) a session with a token from sign-in or refresh. */
    start(issued: IssuedToken) {
      notice.value = null;
      lastActivity = 0;
      accept(issued);
    },
    end,
    /** Called on user input: an active user's token is renewed before it runs out. */
    markActivity() {
      lastActivity = now();
      if (refreshDue && current.value) void refresh();
    },
    refreshWith(fn: () => Promise<IssuedToken>) {
      refresher = fn;
    },
    refresh,
    /** Resolves once a refresh under way (if any) has finished. */
    settled(): Promise<void> {
      return refreshing ?? Promise.resolve();
    },
    onEnd(listener: (reason: EndReason) => void) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    clearNotice() {
      notice.value = null;
    },
  };
}

export type Session = ReturnType<typeof createSession>;

function read(storage: Storage): IssuedToken | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(storageKey) ?? 'null');
    if (isIssuedToken(value)) return value;
  } catch {
    // A damaged entry is treated as no session.
  }
  storage.removeItem(storageKey);
  return null;
}

function isIssuedToken(value: unknown): value is IssuedToken {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  const user = candidate.user as Record<string, unknown> | undefined;
  return (
    typeof candidate.token === 'string' &&
    typeof candidate.expiresAt === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.username === 'string'
  );
}
