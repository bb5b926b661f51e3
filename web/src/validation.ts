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
  descriptionMax: 10_000,
  searchMax: 200,
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
