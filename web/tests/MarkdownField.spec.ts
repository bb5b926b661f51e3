import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import MarkdownField from '@/components/MarkdownField.vue';

function field(text = '**bold** and - [ ] box') {
  return mount(MarkdownField, { props: { label: 'Description', modelValue: text, 'onUpdate:modelValue': () => {} }, attachTo: document.body });
}

const selectedTab = (wrapper: ReturnType<typeof field>) => wrapper.find('[role="tab"][aria-selected="true"]').text();
const shown = (wrapper: ReturnType<typeof field>) =>
  wrapper.findAll('[role="tabpanel"]').filter((panel) => (panel.element as HTMLElement).style.display !== 'none').map((panel) => panel.attributes('aria-labelledby'));

describe('MarkdownField', () => {
  it('writes in a labelled text area and previews the rendered Markdown, as WAI-ARIA tabs', async () => {
    const wrapper = field('**bold** text');
    const [write, preview] = wrapper.findAll('[role="tab"]');
    expect(wrapper.find('[role="tablist"]').attributes('aria-label')).toBe('Write or preview');
    expect(selectedTab(wrapper)).toBe('Write');
    expect([write!.attributes('tabindex'), preview!.attributes('tabindex')]).toEqual(['0', '-1']);
    expect(shown(wrapper)).toEqual([write!.attributes('id')]);
    expect(wrapper.find('label').text()).toBe('Description');
    expect(wrapper.find('strong').exists()).toBe(false);

    await preview!.trigger('click');
    expect(selectedTab(wrapper)).toBe('Preview');
    expect(shown(wrapper)).toEqual([preview!.attributes('id')]);
    expect(wrapper.find(`#${preview!.attributes('aria-controls')} strong`).text()).toBe('bold');
    wrapper.unmount();
  });

  it('moves between the tabs with the arrow keys, Home and End, and focus follows', async () => {
    const wrapper = field();
    const [write, preview] = wrapper.findAll('[role="tab"]');
    await write!.trigger('keydown', { key: 'ArrowRight' });
    await nextTick();
    expect(selectedTab(wrapper)).toBe('Preview');
    expect(document.activeElement).toBe(preview!.element);
    await preview!.trigger('keydown', { key: 'ArrowRight' });
    await nextTick();
    expect(selectedTab(wrapper)).toBe('Write');
    await write!.trigger('keydown', { key: 'End' });
    await nextTick();
    expect(selectedTab(wrapper)).toBe('Preview');
    await preview!.trigger('keydown', { key: 'Home' });
    await nextTick();
    expect(document.activeElement).toBe(write!.element);
    wrapper.unmount();
  });

  it('switches with Ctrl+Shift+P or Cmd+Shift+P from the text, and back to the text', async () => {
    const wrapper = field();
    const textarea = wrapper.find('textarea');
    await textarea.trigger('keydown', { key: 'P', ctrlKey: true, shiftKey: true });
    await nextTick();
    expect(selectedTab(wrapper)).toBe('Preview');
    const panel = wrapper.find('[role="tabpanel"][tabindex="0"]');
    expect(document.activeElement).toBe(panel.element);

    await panel.trigger('keydown', { key: 'P', metaKey: true, shiftKey: true });
    await nextTick();
    expect(selectedTab(wrapper)).toBe('Write');
    expect(document.activeElement).toBe(textarea.element);

    await textarea.trigger('keydown', { key: 'P', ctrlKey: true });
    expect(selectedTab(wrapper)).toBe('Write');
    wrapper.unmount();
  });

  it('goes back to writing when the text is refused, where the reason is shown', async () => {
    const wrapper = field();
    await wrapper.findAll('[role="tab"]')[1]!.trigger('click');
    await wrapper.setProps({ error: 'Description must be at most 100,000 characters long.' });
    expect(selectedTab(wrapper)).toBe('Write');
    expect(wrapper.find('.field-error').text()).toBe('Description must be at most 100,000 characters long.');
    wrapper.unmount();
  });

  it('says when there is nothing to preview', async () => {
    const wrapper = field('  ');
    await wrapper.findAll('[role="tab"]')[1]!.trigger('click');
    expect(wrapper.text()).toContain('Nothing to preview.');
    wrapper.unmount();
  });
});
