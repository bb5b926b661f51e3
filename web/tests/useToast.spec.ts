import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToast } from '@/composables/useToast';

describe('toast with an undo', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows for the given time, then goes', () => {
    const t = useToast({ durationMs: 8_000 });
    t.show('Moved “Plan” to the trash', { label: 'Undo', run: vi.fn() });
    expect(t.toast.value).toMatchObject({ message: 'Moved “Plan” to the trash', actionLabel: 'Undo' });
    vi.advanceTimersByTime(7_999);
    expect(t.toast.value).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(t.toast.value).toBeNull();
  });

  it('runs its action once, and goes at once', async () => {
    const undo = vi.fn(async () => {});
    const t = useToast({ durationMs: 8_000 });
    t.show('Moved', { label: 'Undo', run: undo });
    await t.act();
    await t.act();
    expect(undo).toHaveBeenCalledTimes(1);
    expect(t.toast.value).toBeNull();
  });

  it('waits while pointed at or focused, and counts again in full once both have left', () => {
    const t = useToast({ durationMs: 8_000 });
    t.show('Moved', { label: 'Undo', run: vi.fn() });
    vi.advanceTimersByTime(5_000);
    t.hold('focus');
    t.hold('hover');
    vi.advanceTimersByTime(60_000);
    expect(t.toast.value).not.toBeNull();

    t.release('hover');
    vi.advanceTimersByTime(60_000);
    expect(t.toast.value).not.toBeNull();
    t.release('focus');
    vi.advanceTimersByTime(7_999);
    expect(t.toast.value).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(t.toast.value).toBeNull();
  });

  it('lets a newer toast replace the one on screen, with its own time and action', () => {
    const first = vi.fn();
    const second = vi.fn();
    const t = useToast({ durationMs: 8_000 });
    t.show('First', { label: 'Undo', run: first });
    vi.advanceTimersByTime(6_000);
    t.show('Second', { label: 'Undo', run: second });
    vi.advanceTimersByTime(6_000);
    expect(t.toast.value).toMatchObject({ message: 'Second' });
    void t.act();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalled();
  });

  it('is gone with nothing left to run once dismissed', () => {
    const undo = vi.fn();
    const t = useToast({ durationMs: 8_000 });
    t.show('Moved', { label: 'Undo', run: undo });
    t.dismiss();
    void t.act();
    expect(undo).not.toHaveBeenCalled();
    expect(t.toast.value).toBeNull();
  });
});
