import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import PasswordStrengthHint from '@/components/PasswordStrengthHint.vue';

// The first estimate loads zxcvbn's word lists.
const loadingMs = 15_000;

function mountHint(password: string, username = 'alice') {
  return mount(PasswordStrengthHint, { props: { id: 'strength', password, username } });
}

describe('PasswordStrengthHint', () => {
  it('is a polite live region, empty while there is no password', () => {
    const hint = mountHint('').find('#strength');
    expect(hint.attributes('aria-live')).toBe('polite');
    expect(hint.attributes('aria-atomic')).toBe('true');
    expect(hint.text()).toBe('');
  });

  it("calls a common password too easy to guess, with zxcvbn's advice", async () => {
    const wrapper = mountHint('password');

    await vi.waitFor(() => expect(wrapper.find('.strength-label').exists()).toBe(true), { timeout: loadingMs });

    expect(wrapper.find('.strength-label').text()).toBe('Strength: Very weak, too easy to guess.');
    expect(wrapper.findAll('.strength-advice').map((line) => line.text())).toContain('This is a heavily used password.');
    expect(wrapper.findAll('.strength-meter span.on')).toHaveLength(1);
    expect(wrapper.find('.strength-meter').classes()).not.toContain('enough');
  }, loadingMs);

  it('calls a passphrase strong, and shows it on the meter', async () => {
    const wrapper = mountHint('correct horse battery staple');

    await vi.waitFor(() => expect(wrapper.find('.strength-label').exists()).toBe(true), { timeout: loadingMs });

    expect(wrapper.find('.strength-label').text()).toBe('Strength: Strong.');
    expect(wrapper.find('.strength-meter').classes()).toContain('enough');
    expect(wrapper.findAll('.strength-meter span.on')).toHaveLength(4);
  }, loadingMs);

  it('shows what it says as text, never as markup', async () => {
    const wrapper = mountHint('<b>password</b>', '<img src=x>');

    await vi.waitFor(() => expect(wrapper.find('.strength-label').exists()).toBe(true), { timeout: loadingMs });

    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.find('img').exists()).toBe(false);
  }, loadingMs);
});
