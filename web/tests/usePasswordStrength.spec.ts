import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { strengthDelayMs, usePasswordStrength } from '@/composables/usePasswordStrength';
import { estimateStrength, type Strength } from '@/passwordStrength';
import { mountComposable } from './harness';

vi.mock('@/passwordStrength', () => ({ estimateStrength: vi.fn() }));
const estimate = vi.mocked(estimateStrength);

function verdict(password: string, enough: boolean): Strength {
  return { score: enough ? 4 : 0, enough, label: password, advice: [] };
}

async function mountStrength(initial = '') {
  const password = ref(initial);
  const username = ref('alice');
  const { result } = await mountComposable(() =>
    usePasswordStrength(
      () => password.value,
      () => username.value,
    ),
  );
  return { password, username, strength: result.strength };
}

async function pause() {
  await vi.advanceTimersByTimeAsync(strengthDelayMs);
  await flushPromises();
}

describe('usePasswordStrength', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    estimate.mockReset();
    estimate.mockImplementation(async (password) => verdict(password, password.length > 12));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('has nothing to say while the password is empty', async () => {
    const { strength } = await mountStrength();
    await pause();
    expect(strength.value).toBeNull();
    expect(estimate).not.toHaveBeenCalled();
  });

  it('judges the password, with the username, once typing pauses', async () => {
    const { password, strength } = await mountStrength();
    password.value = 'p';
    await flushPromises();
    password.value = 'password';
    await vi.advanceTimersByTimeAsync(strengthDelayMs - 1);
    expect(estimate).not.toHaveBeenCalled();

    await pause();

    expect(estimate).toHaveBeenCalledExactlyOnceWith('password', 'alice');
    expect(strength.value).toEqual(verdict('password', false));
  });

  it('judges a password already there when it starts', async () => {
    const { strength } = await mountStrength('a password already typed');
    await pause();
    expect(strength.value?.enough).toBe(true);
  });

  it('judges again when the username changes', async () => {
    const { username } = await mountStrength('password');
    await pause();
    username.value = 'bob';
    await pause();
    expect(estimate).toHaveBeenLastCalledWith('password', 'bob');
  });

  it('clears the verdict when the password is cleared', async () => {
    const { password, strength } = await mountStrength('password');
    await pause();
    password.value = '';
    await flushPromises();
    expect(strength.value).toBeNull();
  });

  it('drops an answer that arrives after a newer one was asked for', async () => {
    let answerFirst!: (strength: Strength) => void;
    estimate.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)));
    const { password, strength } = await mountStrength('password');
    await pause();
    password.value = 'correct horse battery staple';
    await pause();
    expect(strength.value?.label).toBe('correct horse battery staple');

    answerFirst(verdict('password', false));
    await flushPromises();

    expect(strength.value?.label).toBe('correct horse battery staple');
  });

  it('says nothing when zxcvbn cannot be loaded: the hint is only advice', async () => {
    estimate.mockRejectedValueOnce(new Error('chunk failed to load'));
    const { strength } = await mountStrength('password');
    await pause();
    expect(strength.value).toBeNull();
  });
});
