import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '@/api/client';
import NoteViewDialog from '@/components/NoteViewDialog.vue';
import { note } from './harness';

const groceries: Note = { ...note('n1', 'Groceries', 3), tags: ['home'], description: '# Shop\n\n- [ ] milk' };
const base = {
  open: true,
  note: groceries as Note | null,
  source: groceries.description,
  loading: false,
  missing: false,
  error: null as string | null,
  notice: null as string | null,
  saving: false,
};

function dialog(props: Partial<typeof base> = {}) {
  return mount(NoteViewDialog, { props: { ...base, ...props }, attachTo: document.body });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('NoteViewDialog', () => {
  it('shows the title, the tags and the whole rendered document, its boxes tickable, and offers History, Share and Edit', async () => {
    const wrapper = dialog();
    expect(wrapper.find('h2').text()).toBe('Groceries');
    expect(wrapper.find('[aria-label="Tags"]').text()).toBe('home');
    expect(wrapper.find('.markdown h1').text()).toBe('Shop');
    const box = wrapper.find<HTMLInputElement>('input[type="checkbox"]');
    expect(box.element.disabled).toBe(false);
    await box.setValue(true);
    expect(wrapper.emitted('toggle-task')).toEqual([[2, true]]);

    const [history, share, edit, close] = wrapper.findAll('footer button');
    await history!.trigger('click');
    await share!.trigger('click');
    await edit!.trigger('click');
    await close!.trigger('click');
    expect(wrapper.emitted('history')).toEqual([[groceries]]);
    expect(wrapper.emitted('share')).toEqual([[groceries]]);
    expect(wrapper.emitted('edit')).toEqual([[groceries]]);
    expect(wrapper.emitted('close')).toHaveLength(1);
  });

  it('shows a note in the trash without ticking, editing or sharing, its history still at hand', () => {
    const wrapper = dialog({ note: { ...groceries, trashedAt: '2026-03-02T12:00:00Z' } });
    expect(wrapper.text()).toContain('In the trash');
    expect(wrapper.find<HTMLInputElement>('input[type="checkbox"]').element.disabled).toBe(true);
    expect(wrapper.findAll('footer button').map((b) => b.text())).toEqual(['History', 'Close']);
  });

  it('waits to be closed while ticks are being saved', async () => {
    const wrapper = dialog({ saving: true });
    await wrapper.find('footer .btn-primary').trigger('click');
    expect(wrapper.emitted('close')).toBeUndefined();
  });

  it('says when the note does not exist, and why ticks were not saved', () => {
    expect(dialog({ note: null, missing: true, source: '' }).text()).toContain('This note does not exist');
    const refused = dialog({ notice: 'This note was changed somewhere else, so your tick was not saved.' });
    expect(refused.find('[role="alert"]').text()).toContain('your tick was not saved');
  });
});
