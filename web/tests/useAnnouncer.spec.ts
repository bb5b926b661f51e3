import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAnnouncer } from '@/composables/useAnnouncer';

describe('announcer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('clears the live region before each message, so the same message is read out again', () => {
    const { announcement, announce } = useAnnouncer();
    announce('Note saved');
    vi.advanceTimersByTime(50);
    expect(announcement.value).toBe('Note saved');

    announce('Note saved');
    expect(announcement.value).toBe('');
    vi.advanceTimersByTime(50);
    expect(announcement.value).toBe('Note saved');
  });
});
