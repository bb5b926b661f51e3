import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CredentialsForm from '@/components/CredentialsForm.vue';
import { passwordError, usernameError } from '@/validation';

function mountForm(props: Partial<InstanceType<typeof CredentialsForm>['$props']> = {}) {
  return mount(CredentialsForm, {
    props: {
      submitLabel: 'Create account',
      passwordAutocomplete: 'new-password',
      rules: { username: usernameError, password: passwordError },
      busy: false,
      error: null,
      ...props,
    },
  });
}

function field(wrapper: ReturnType<typeof mountForm>, label: string) {
  const labelElement = wrapper.findAll('label').find((l) => l.text() === label)!;
  return wrapper.find(`#${labelElement.attributes('for')}`);
}

describe('CredentialsForm', () => {
  it('labels both inputs visibly', () => {
    const wrapper = mountForm();
    expect(field(wrapper, 'Username').attributes('autocomplete')).toBe('username');
    expect(field(wrapper, 'Password').attributes('type')).toBe('password');
    expect(wrapper.find('button[type=submit]').text()).toBe('Create account');
  });

  it('explains every broken rule on submit, ties the message to its input, and sends nothing', async () => {
    const wrapper = mountForm();
    await field(wrapper, 'Username').setValue('ab');
    await field(wrapper, 'Password').setValue('short');
    await wrapper.find('form').trigger('submit');

    const username = field(wrapper, 'Username');
    expect(username.attributes('aria-invalid')).toBe('true');
    const message = wrapper.find(`#${username.attributes('aria-describedby')!.split(' ').pop()}`);
    expect(message.text()).toBe('Username must be 3 to 32 characters long.');
    expect(wrapper.text()).toContain('Password must be at least 8 characters long.');
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('shows a message once the user leaves a field, not before', async () => {
    const wrapper = mountForm();
    await field(wrapper, 'Username').setValue('bad name!');
    expect(wrapper.find('.field-error').exists()).toBe(false);
    await field(wrapper, 'Username').trigger('blur');
    expect(wrapper.find('.field-error').text()).toBe('Username may only use letters, digits, _ . and -.');
  });

  it('sends the password exactly as typed', async () => {
    const wrapper = mountForm();
    await field(wrapper, 'Username').setValue('alice');
    await field(wrapper, 'Password').setValue('  Pass word 1  ');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toEqual([[{ username: 'alice', password: '  Pass word 1  ' }]]);
  });

  it('cannot submit twice while busy', async () => {
    const wrapper = mountForm({ busy: true });
    await field(wrapper, 'Username').setValue('alice');
    await field(wrapper, 'Password').setValue('password1');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toBeUndefined();
    expect(wrapper.find('button[type=submit]').attributes('aria-busy')).toBe('true');
  });

  it('advises on the strength of a new password, described by the password input', async () => {
    const wrapper = mountForm({ strengthHint: true });
    const password = field(wrapper, 'Password');
    await password.setValue('password');

    const hint = wrapper.find('[aria-live=polite]');
    expect(password.attributes('aria-describedby')!.split(' ')).toContain(hint.attributes('id'));
  });

  it('gives no strength advice when signing in', () => {
    const wrapper = mountForm({ passwordAutocomplete: 'current-password' });
    expect(wrapper.find('[aria-live=polite]').exists()).toBe(false);
  });

  it("shows the API's refusal of a password instead of the strength advice", async () => {
    const reason = 'This password is too easy to guess. It is, or contains, one of the most common passwords.';
    const wrapper = mountForm({ strengthHint: true, serverErrors: { password: reason } });
    const password = field(wrapper, 'Password');
    await password.setValue('password1');

    expect(wrapper.find('[aria-live=polite]').exists()).toBe(false);
    expect(wrapper.find('.field-error').text()).toBe(reason);
    expect(password.attributes('aria-describedby')).toBe(wrapper.find('.field-error').attributes('id'));
  });

  it("shows the API's refusal as an alert, and its field errors next to the fields", () => {
    const wrapper = mountForm({ error: 'Too many failed sign-in attempts. Try again in 14 minutes.', serverErrors: { username: 'That username is taken.' } });
    expect(wrapper.find('[role=alert]').text()).toBe('Too many failed sign-in attempts. Try again in 14 minutes.');
    expect(wrapper.find('.field-error').text()).toBe('That username is taken.');
  });
});
