// The API's input rules, mirrored so that forms can explain a problem before a round trip.
// The API stays the authority: its own 400/409 answers are shown as well. tests/apiLimits.spec.ts holds
// these limits equal to the OpenAPI document's.

export const limits = {
  usernameMin: 3,
  usernameMax: 32,
  passwordMin: 8,
  passwordMax: 128,
  /** The API refuses a new password that zxcvbn scores lower, on its 0-4 scale. */
  passwordMinScore: 3,
  titleMax: 200,
  descriptionMax: 100_000,
  searchMax: 200,
  /** A tag's length in characters (code points, as the API counts them); the tag limits are held to the document by tests/apiLimits.spec.ts. */
  tagMax: 32,
  tagsPerNote: 20,
} as const;

export const usernamePattern = /^[A-Za-z0-9_.-]+$/;

/** Each rule returns the message to show, or null when the value is acceptable. */
export function usernameError(username: string): string | null {
  if (username.length === 0) return 'Enter a username.';
  if (username.length < limits.usernameMin || username.length > limits.usernameMax)
    return `Username must be ${limits.usernameMin} to ${limits.usernameMax} characters long.`;
  if (!usernamePattern.test(username)) return 'Username may only use letters, digits, _ . and -.';
  return null;
}

/** Passwords are never trimmed or case-folded: every character counts. */
export function passwordError(password: string): string | null {
  if (password.length === 0) return 'Enter a password.';
  if (password.length < limits.passwordMin) return `Password must be at least ${limits.passwordMin} characters long.`;
  if (password.length > limits.passwordMax) return `Password must be at most ${limits.passwordMax} characters long.`;
  return null;
}

/** Signing in only needs a password to be there; its length rules are for choosing one. */
export function signInPasswordError(password: string): string | null {
  return password.length === 0 ? 'Enter your password.' : null;
}

export function titleError(title: string): string | null {
  const trimmed = title.trim();
  if (trimmed.length === 0) return 'Enter a title.';
  if (trimmed.length > limits.titleMax) return `Title must be at most ${limits.titleMax} characters long.`;
  return null;
}

export function descriptionError(description: string): string | null {
  if (description.length > limits.descriptionMax)
    return `Description must be at most ${limits.descriptionMax.toLocaleString('en-US')} characters long.`;
  return null;
}

/**
 * A tag as the API stores and compares it: Unicode NFC, then lower case, so `Work`, `WORK` and `work` are one tag. The API
 * answers with the normalised form, which replaces this one.
 */
export function normalizeTag(tag: string): string {
  return tag.trim().normalize('NFC').toLowerCase();
}

/**
 * Letters of any script, decimal digits, `-`, `_` and `/`; a combining mark only after the character it belongs to (the
 * API's rule: Devanagari vowel signs, for one, are marks).
 */
export const tagPattern = /^[\p{L}\p{Nd}_/-][\p{L}\p{Nd}\p{Mn}\p{Mc}_/-]*$/u;

/** Why a tag (as typed) cannot be one, or null when it can; the API's own wording. */
export function tagError(typed: string): string | null {
  const tag = normalizeTag(typed);
  const length = [...tag].length;
  if (length === 0 || length > limits.tagMax) return `Tag "${typed.trim()}" must be 1 to ${limits.tagMax} characters.`;
  if (!tagPattern.test(tag)) return `Tag "${typed.trim()}" may hold only letters, digits, -, _ and /.`;
  if (tag.startsWith('/') || tag.endsWith('/') || tag.includes('//'))
    return `Tag "${typed.trim()}" cannot start or end with / or hold an empty level.`;
  return null;
}

export function tagsError(tags: readonly string[]): string | null {
  return tags.length > limits.tagsPerNote ? `A note carries at most ${limits.tagsPerNote} tags.` : null;
}
