import { describe, expect, it } from 'vitest';
import { descriptionError, passwordError, signInPasswordError, titleError, usernameError } from '@/validation';

describe('username rule (3-32 letters, digits, _ . -)', () => {
  it.each(['abc', 'alice_01', 'a.b-c', 'x'.repeat(32), 'ALICE'])('accepts %j', (name) => {
    expect(usernameError(name)).toBeNull();
  });

  it('asks for a username when empty', () => {
    expect(usernameError('')).toBe('Enter a username.');
  });

  it.each(['ab', 'x'.repeat(33)])('refuses the length of %j', (name) => {
    expect(usernameError(name)).toBe('Username must be 3 to 32 characters long.');
  });

  it.each(['al ice', 'alice!', 'bob@home', 'émile', '<script>'])('refuses the characters of %j', (name) => {
    expect(usernameError(name)).toBe('Username may only use letters, digits, _ . and -.');
  });
});

describe('password rule (8-128 characters, never trimmed)', () => {
  it.each(['12345678', 'x'.repeat(128), '        '])('accepts %j', (password) => {
    expect(passwordError(password)).toBeNull();
  });

  it('refuses 7 characters, even when spaces would pad it', () => {
    expect(passwordError('1234567')).toBe('Password must be at least 8 characters long.');
    expect(passwordError(' 123456 ')).toBeNull();
  });

  it('refuses 129 characters', () => {
    expect(passwordError('x'.repeat(129))).toBe('Password must be at most 128 characters long.');
  });

  it('only needs a password to sign in', () => {
    expect(signInPasswordError('')).toBe('Enter your password.');
    expect(signInPasswordError('short')).toBeNull();
  });
});

describe('title rule (1-200 characters after trimming)', () => {
  it('refuses an empty or blank title', () => {
    expect(titleError('')).toBe('Enter a title.');
    expect(titleError('   \n\t')).toBe('Enter a title.');
  });

  it('counts the trimmed title', () => {
    expect(titleError(`  ${'t'.repeat(200)}  `)).toBeNull();
    expect(titleError('t'.repeat(201))).toBe('Title must be at most 200 characters long.');
  });
});

describe('description rule (at most 10000 characters)', () => {
  it('accepts empty and exactly 10000', () => {
    expect(descriptionError('')).toBeNull();
    expect(descriptionError('d'.repeat(10_000))).toBeNull();
  });

  it('refuses 10001', () => {
    expect(descriptionError('d'.repeat(10_001))).toBe('Description must be at most 10,000 characters long.');
  });
});
