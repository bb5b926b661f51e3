import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ImportDropZone from '@/components/ImportDropZone.vue';

const file = new File(['# Hi'], 'hi.md');

function mountZone(busy = false) {
  return mount(ImportDropZone, { props: { accept: '.json,.md,.txt,.zip', busy, label: 'Choose a file to import' } });
}

/** A drag event carrying files, as the browser sends one from the desktop. */
function dragEvent(type: string, files: File[]) {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
  return event;
}

describe('ImportDropZone', () => {
  it('is a file input named by its label, which keyboard users reach and open like any input, with the hint as its description', () => {
    const wrapper = mountZone();
    const input = wrapper.get('input[type="file"]');
    const label = wrapper.get(`label[for="${input.attributes('id')}"]`);
    expect(label.text()).toBe('Choose a file to import');
    expect(input.attributes('accept')).toBe('.json,.md,.txt,.zip');
    expect(input.attributes('tabindex')).toBeUndefined();
    expect(wrapper.get(`#${input.attributes('aria-describedby')}`).text()).toMatch(/^Or drop it here\./);
  });

  it('hands on a picked file, and clears the input so the same file can be picked again', async () => {
    const wrapper = mountZone();
    const input = wrapper.get('input').element as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await wrapper.get('input').trigger('change');
    expect(wrapper.emitted('choose')).toEqual([[[file]]]);
    expect(input.value).toBe('');
  });

  it('shows where a dragged file will land, and hands on what is dropped', async () => {
    const wrapper = mountZone();
    const zone = wrapper.get('.drop-zone');
    const over = dragEvent('dragover', [file]);
    zone.element.dispatchEvent(over);
    await wrapper.vm.$nextTick();
    expect(over.defaultPrevented).toBe(true);
    expect(zone.classes()).toContain('over');

    zone.element.dispatchEvent(dragEvent('drop', [file]));
    await wrapper.vm.$nextTick();
    expect(zone.classes()).not.toContain('over');
    expect(wrapper.emitted('choose')).toEqual([[[file]]]);
  });

  it('takes nothing while an import is under way', async () => {
    const wrapper = mountZone(true);
    const over = dragEvent('dragover', [file]);
    wrapper.get('.drop-zone').element.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(false);
    wrapper.get('.drop-zone').element.dispatchEvent(dragEvent('drop', [file]));
    expect(wrapper.emitted('choose')).toBeUndefined();
    expect(wrapper.get('input').attributes('disabled')).toBeDefined();
  });
});
