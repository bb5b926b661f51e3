import { createSession } from './session';

export * from './session';

/** The app's one session, kept in this tab's sessionStorage. */
export const session = createSession({ storage: window.sessionStorage });

const activityEvents = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** Counts real user input as activity, which keeps the token fresh while someone is using the app. */
export function watchActivity(target: Window = window) {
  const onActivity = () => session.markActivity();
  for (const event of activityEvents) target.addEventListener(event, onActivity, { capture: true, passive: true });
}
