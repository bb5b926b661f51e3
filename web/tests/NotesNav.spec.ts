import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import NotesNav from '@/components/NotesNav.vue';
import { shownBy, viewRoutes, type NoteView } from '@/noteViews';

async function mountNav(url: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: Object.entries(viewRoutes).map(([view, { name, path, title }]) => ({
      path,
      name,
      component: { render: () => null },
      meta: { title, view: view as NoteView },
    })),
  });
  await router.push(url);
  const tags = [
    { name: 'home', count: 1 },
    { name: 'work', count: 2 },
    { name: 'work/clients', count: 1 },
  ];
  const wrapper = mount(NotesNav, {
    props: { shown: shownBy(router.currentRoute.value), tags, tagsError: null },
    global: { plugins: [router] },
    attachTo: document.body,
  });
  return { wrapper, router };
}

const current = (wrapper: Awaited<ReturnType<typeof mountNav>>['wrapper']) =>
  wrapper.findAll('a[aria-current=page]').map((a) => a.attributes('aria-label') ?? a.text());

describe('NotesNav', () => {
  it('links the three views and every tag with its count, marking where the list is', async () => {
    const { wrapper } = await mountNav('/notes?tag=work');
    const links = wrapper.findAll('a');
    expect(links.map((a) => [a.attributes('aria-label') ?? a.text(), a.attributes('href')])).toEqual([
      ['Notes', '/notes'],
      ['Archive', '/archive'],
      ['Trash', '/trash'],
      ['home, 1 note', '/notes?tag=home'],
      ['work, 2 notes', '/notes?tag=work'],
      ['work/clients, 1 note', '/notes?tag=work/clients'],
    ]);
    // The tag, not Notes as well: the same path with another query is another place.
    expect(current(wrapper)).toEqual(['work, 2 notes']);
    expect(wrapper.find('.side-nav-here').text()).toBe('Notes · work');
  });

  it('marks the trash when the list shows it', async () => {
    const { wrapper } = await mountNav('/trash');
    expect(current(wrapper)).toEqual(['Trash']);
  });

  it('offers to rename and delete each tag, with buttons that name it', async () => {
    const { wrapper } = await mountNav('/notes');
    await wrapper.find('button[aria-label="Rename tag work/clients"]').trigger('click');
    await wrapper.find('button[aria-label="Delete tag home"]').trigger('click');
    expect(wrapper.emitted('rename')).toEqual([['work/clients']]);
    expect(wrapper.emitted('delete')).toEqual([['home']]);
  });

  it('opens as a menu, which closes once a place is chosen, or on Escape with focus back on its button', async () => {
    const { wrapper, router } = await mountNav('/notes');
    const toggle = wrapper.find('.side-nav-toggle');
    expect(toggle.attributes('aria-controls')).toBe(wrapper.find('.side-nav-panel').attributes('id'));
    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    await router.push('/archive');
    await flushPromises();
    expect(toggle.attributes('aria-expanded')).toBe('false');

    await toggle.trigger('click');
    await wrapper.find('a').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle.element);
    wrapper.unmount();
  });

  it('says when there are no tags yet, and offers to try again when they could not be loaded', async () => {
    const { wrapper } = await mountNav('/notes');
    await wrapper.setProps({ tags: [] });
    expect(wrapper.text()).toContain('No tags yet');
    await wrapper.setProps({ tagsError: 'Your tags could not be loaded.' });
    await wrapper.findAll('button').find((b) => b.text() === 'Try again')!.trigger('click');
    expect(wrapper.emitted('retryTags')).toHaveLength(1);
  });
});
