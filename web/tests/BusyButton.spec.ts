import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import BusyButton from '@/components/BusyButton.vue';

describe('BusyButton', () => {
  it('passes a click on while idle, and is a plain button with no busy marks', async () => {
    const wrapper = mount(BusyButton, { props: { spinner: true }, slots: { default: 'Save' } });
    const button = wrapper.find('button');
    await button.trigger('click');
    expect(wrapper.emitted('click')).toHaveLength(1);
    expect(button.attributes('type')).toBe('button');
    expect(button.attributes('aria-disabled')).toBeUndefined();
    expect(button.attributes('aria-busy')).toBeUndefined();
    expect(wrapper.find('.spinner').exists()).toBe(false);
  });

  it('ignores clicks while busy but stays focusable: aria-disabled, never disabled', async () => {
    const wrapper = mount(BusyButton, { props: { busy: true }, slots: { default: 'Log out' }, attachTo: document.body });
    const button = wrapper.find('button');
    await button.trigger('click');
    expect(wrapper.emitted('click')).toBeUndefined();
    expect(button.attributes('aria-disabled')).toBe('true');
    expect(button.attributes('disabled')).toBeUndefined();
    (button.element as HTMLButtonElement).focus();
    expect(document.activeElement).toBe(button.element);
    // Busy because of other work: no spinner and no aria-busy of its own.
    expect(button.attributes('aria-busy')).toBeUndefined();
    expect(wrapper.find('.spinner').exists()).toBe(false);
    wrapper.unmount();
  });

  it('with a spinner, marks itself as the work running while busy', () => {
    const wrapper = mount(BusyButton, { props: { busy: true, spinner: true }, slots: { default: 'Delete' } });
    expect(wrapper.find('button').attributes('aria-busy')).toBe('true');
    expect(wrapper.find('.spinner').attributes('aria-hidden')).toBe('true');
    expect(wrapper.text()).toBe('Delete');
  });

  it('as a submit button, sends its form while idle and cancels the submission while busy', async () => {
    let submitted = 0;
    const form = {
      components: { BusyButton },
      props: ['busy'],
      methods: { submit: () => submitted++ },
      template: '<form @submit.prevent="submit"><BusyButton type="submit" :busy="busy">Save</BusyButton></form>',
    };
    const wrapper = mount(form, { props: { busy: true }, attachTo: document.body });
    (wrapper.find('button').element as HTMLButtonElement).click();
    expect(submitted).toBe(0);
    await wrapper.setProps({ busy: false });
    (wrapper.find('button').element as HTMLButtonElement).click();
    expect(submitted).toBe(1);
    wrapper.unmount();
  });
});
