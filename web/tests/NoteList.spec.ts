import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import NoteList from '@/components/NoteList.vue';
import type { Note } from '@/api/client';

const now = new Date('2026-03-01T12:00:00Z').getTime();

function note(id: string, title: string, description: string, minutesAgo: number): Note {
  const at = new Date(now - minutesAgo * 60_000).toISOString();
  return { id, title, description, pinned: false, tags: [], archived: false, trashedAt: null, purgeAt: null, createdAt: at, updatedAt: at, version: 1 };
}

describe('NoteList', () => {
  it('shows each note in the given order with its title, description and relative time', () => {
    const wrapper = mount(NoteList, {
      props: { notes: [note('a', 'Groceries', 'Milk, eggs', 5), note('b', 'Ideas', '', 60 * 24 * 3)], now },
    });
    const items = wrapper.findAll('li');
    expect(items.map((li) => li.find('h3').text())).toEqual(['Groceries', 'Ideas']);
    expect(items[0]!.text()).toContain('Milk, eggs');
    expect(items[0]!.find('time').text()).toBe('Updated 5 minutes ago');
    expect(items[0]!.find('time').attributes('datetime')).toBe(new Date(now - 5 * 60_000).toISOString());
    expect(items[1]!.text()).toContain('No description');
    expect(items[1]!.find('time').text()).toBe('Updated 3 days ago');
  });

  it('shows markup in a note as text and never creates elements from it', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const wrapper = mount(NoteList, { props: { notes: [note('x', evil, `<script>alert(2)</script>`, 1)], now } });
    expect(wrapper.find('h3').text()).toBe(evil);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.find('h3').element.innerHTML).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('names every action plainly and ties it to its note', async () => {
    const notes = [note('a', 'Groceries', '', 1)];
    const wrapper = mount(NoteList, { props: { notes, now } });
    const [edit, remove] = wrapper.findAll('button');
    expect(edit!.text()).toBe('Edit');
    expect(remove!.text()).toBe('Delete');
    const describedBy = remove!.attributes('aria-describedby')!;
    expect(wrapper.find(`#${describedBy}`).text()).toBe('Groceries');

    await edit!.trigger('click');
    await remove!.trigger('click');
    expect(wrapper.emitted('edit')![0]).toEqual([notes[0]]);
    expect(wrapper.emitted('delete')![0]).toEqual([notes[0]]);
  });
});
