import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import UndoToast from '@/components/UndoToast.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('UndoToast', () => {
  it('says its message in a live region that is there before it, and puts focus on Undo', async () => {
    const heading = document.createElement('h1');
    heading.tabIndex = -1;
    document.body.append(heading);
    const wrapper = mount(UndoToast, { props: { toast: null, fallbackFocus: () => heading }, attachTo: document.body });
    const region = wrapper.find('[role=status]');
    expect(region.attributes('aria-live')).toBe('polite');
    expect(region.text()).toBe('');

    await wrapper.setProps({ toast: { id: 1, message: 'Moved “Plan” to the trash', actionLabel: 'Undo' } });
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[role=status]').text()).toBe('Moved “Plan” to the trash');
    expect(document.activeElement?.textContent?.trim()).toBe('Undo');

    await wrapper.find('.toast .btn-secondary').trigger('click');
    expect(wrapper.emitted('act')).toHaveLength(1);
    // Gone with focus inside: focus goes to the page's heading, not the body.
    await wrapper.setProps({ toast: null });
    await wrapper.vm.$nextTick();
    expect(document.activeElement).toBe(heading);
  });

  it('asks the countdown to wait while focus is inside, and dismisses on Escape', async () => {
    const wrapper = mount(UndoToast, { props: { toast: { id: 1, message: 'Moved', actionLabel: 'Undo' } }, attachTo: document.body });
    await wrapper.find('.toast-region').trigger('focusin');
    await wrapper.find('.toast-region').trigger('focusout', { relatedTarget: null });
    await wrapper.find('.toast-region').trigger('mouseenter');
    await wrapper.find('.toast-region').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('hold')).toEqual([['focus'], ['hover']]);
    expect(wrapper.emitted('release')).toEqual([['focus']]);
    expect(wrapper.emitted('dismiss')).toHaveLength(1);
  });
});
