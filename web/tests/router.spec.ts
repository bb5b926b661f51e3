import { describe, expect, it } from 'vitest';
import { safeRedirect } from '@/router';

describe('where sign-in returns to', () => {
  it('returns to a path inside the app, with its query', () => {
    expect(safeRedirect('/notes?q=plans&page=2')).toBe('/notes?q=plans&page=2');
  });

  it.each(['//evil.example/notes', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '', undefined, ['/notes']])(
    'never leaves the app for %j',
    (target) => {
      expect(safeRedirect(target)).toEqual({ name: 'notes' });
    },
  );
});
