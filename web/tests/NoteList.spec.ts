import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
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
      props: { notes: [note('a', 'Groceries', 'Milk, eggs', 5), note('b', 'Ideas', '', 60 * 24 * 3)], now, view: 'active' },
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
    const wrapper = mount(NoteList, { props: { notes: [note('x', evil, `<script>alert(2)</script>`, 1)], now, view: 'active' } });
    expect(wrapper.find('h3').text()).toBe(evil);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.find('h3 button').element.innerHTML).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('names every action plainly and ties it to its note', async () => {
    const notes = [note('a', 'Groceries', '', 1)];
    const wrapper = mount(NoteList, { props: { notes, now, view: 'active' }, global: { stubs: { RouterLink: true } } });
    // The first button is the title, which opens the note.
    const [, pin, edit, archive, remove] = wrapper.findAll('button');
    expect(pin!.attributes('aria-label')).toBe('Pin');
    expect(pin!.attributes('aria-pressed')).toBe('false');
    expect(edit!.text()).toBe('Edit');
    expect(archive!.text()).toBe('Archive');
    expect(remove!.text()).toBe('Delete');
    for (const button of [pin, edit, archive, remove]) {
      const describedBy = button!.attributes('aria-describedby')!;
      expect(wrapper.find(`#${describedBy}`).text()).toBe('Groceries');
    }

    for (const button of [pin, edit, archive, remove]) await button!.trigger('click');
    expect(wrapper.emitted('pin')![0]).toEqual([notes[0]]);
    expect(wrapper.emitted('edit')![0]).toEqual([notes[0]]);
    expect(wrapper.emitted('archive')![0]).toEqual([notes[0]]);
    // Delete on a card moves the note to the trash, which can give it back.
    expect(wrapper.emitted('trash')![0]).toEqual([notes[0]]);
  });

  it('shows a note’s tags as links to the notes carrying them, and a pinned note as a pressed Pin', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/notes', name: 'notes', component: { render: () => null } }] });
    const pinned = { ...note('a', 'Plan', '', 1), pinned: true, tags: ['work', 'work/clients'] };
    const wrapper = mount(NoteList, { props: { notes: [pinned], now, view: 'active' }, global: { plugins: [router] } });
    const links = wrapper.findAll('.note-tag');
    expect(links.map((a) => a.text())).toEqual(['Notes tagged work', 'Notes tagged work/clients']);
    expect(links[1]!.attributes('href')).toBe('/notes?tag=work/clients');
    expect(wrapper.find('button[aria-label=Pin]').attributes('aria-pressed')).toBe('true');
  });

  it('in the trash says when each note goes for good, with the exact date for those who ask, and offers Restore and Delete forever', async () => {
    const trashed = { ...note('t', 'Old plan', '', 60), trashedAt: new Date(now).toISOString(), purgeAt: new Date(now + 29 * 24 * 3600_000).toISOString() };
    const wrapper = mount(NoteList, { props: { notes: [trashed], now, view: 'trash' } });
    const when = wrapper.find('.note-time');
    expect(when.text()).toMatch(/^Deleted for good in 29 days \(on Mar 30, 2026, \d+:00 [AP]M\)$/);
    expect(when.find('time').attributes('datetime')).toBe(trashed.purgeAt);
    expect(when.find('time').attributes('title')).toMatch(/^Mar 30, 2026/);
    const buttons = wrapper.findAll('.note-actions button');
    expect(buttons.map((b) => b.text())).toEqual(['Restore', 'Delete forever']);
    await buttons[0]!.trigger('click');
    await buttons[1]!.trigger('click');
    expect(wrapper.emitted('restore')![0]).toEqual([trashed]);
    expect(wrapper.emitted('deleteForever')![0]).toEqual([trashed]);
  });

  it('shows a plain-text preview of the description’s Markdown, and opens the note from its title', async () => {
    const markdown = note('a', 'Plan', '# Steps\n\n- [x] **draft** the [outline](https://example.com)\n- review', 1);
    const wrapper = mount(NoteList, { props: { notes: [markdown], now, view: 'active' } });
    expect(wrapper.find('.note-description').text()).toBe('Steps\ndraft the outline\nreview');
    expect(wrapper.find('.note-description a').exists()).toBe(false);
    await wrapper.find('h3 button').trigger('click');
    expect(wrapper.emitted('open')![0]).toEqual([markdown]);
  });

  it('ignores a card’s buttons while its change is under way', async () => {
    const busy = note('a', 'Plan', '', 1);
    const wrapper = mount(NoteList, { props: { notes: [busy], now, view: 'active', busy: new Set(['a']) } });
    const pin = wrapper.find('button[aria-label=Pin]');
    expect(pin.attributes('aria-disabled')).toBe('true');
    await pin.trigger('click');
    expect(wrapper.emitted('pin')).toBeUndefined();
  });
});
