import { describe, expect, it } from 'vitest';
import { descriptionError, normalizeTag, passwordError, signInPasswordError, tagError, tagsError, titleError, usernameError } from '@/validation';

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

describe('description rule (at most 100000 characters)', () => {
  it('accepts empty and exactly 100000', () => {
    expect(descriptionError('')).toBeNull();
    expect(descriptionError('d'.repeat(100_000))).toBeNull();
  });

  it('refuses 100001', () => {
    expect(descriptionError('d'.repeat(100_001))).toBe('Description must be at most 100,000 characters long.');
  });
});

describe('tag rule (1-32 letters of any script, digits, - _ /; nested with /)', () => {
  it.each(['work', 'work/clients', 'to-do_2026', 'über', 'οδός', 'हिन्दी', '東京', 'x'.repeat(32), '𝒳'.repeat(32)])('accepts %j', (tag) => {
    expect(tagError(tag)).toBeNull();
  });

  it('compares tags as the API stores them: NFC, then lower case', () => {
    expect(normalizeTag('  WORK ')).toBe('work');
    expect(normalizeTag('U\u0308BER')).toBe('über');
  });

  it.each(['', '   ', 'x'.repeat(33)])('refuses the length of %j', (tag) => {
    expect(tagError(tag)).toBe(`Tag "${tag.trim()}" must be 1 to 32 characters.`);
  });

  it.each(['two words', 'c++', 'a,b', '#work', '\u0301a'])('refuses the characters of %j', (tag) => {
    expect(tagError(tag)).toBe(`Tag "${tag}" may hold only letters, digits, -, _ and /.`);
  });

  it.each(['/work', 'work/', 'work//clients'])('refuses the empty level of %j', (tag) => {
    expect(tagError(tag)).toBe(`Tag "${tag}" cannot start or end with / or hold an empty level.`);
  });

  it('allows 20 tags on a note, not 21', () => {
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(tagsError(tags.slice(0, 20))).toBeNull();
    expect(tagsError(tags)).toBe('A note carries at most 20 tags.');
  });
});
