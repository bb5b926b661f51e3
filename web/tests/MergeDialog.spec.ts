import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import MergeDialog from '@/components/MergeDialog.vue';
import type { MergeState } from '@/composables/useNoteEditor';
import { mergeNote } from '@/merge';
import { note } from './harness';

const base = { title: 'Trip', description: 'Book flights\nPack bags\nLock door', tags: ['travel'], archived: false };

function state(mine: Partial<typeof base>, theirs: Partial<typeof base>, { baseKnown = true, from = base } = {}): MergeState {
  const current = { ...note('n1', 'Trip', 4), ...from, ...theirs };
  const ours = { ...from, ...mine };
  return {
    current,
    mine: ours,
    result: mergeNote(baseKnown ? from : { ...from, title: null, description: null }, ours, current),
    baseKnown,
    start: { version: 3, ...from },
  };
}

async function mounted(merge: MergeState) {
  const wrapper = mount(MergeDialog, { attachTo: document.body, props: { merge: null, busy: false, error: null } });
  await wrapper.setProps({ merge });
  return wrapper;
}

const button = (wrapper: Awaited<ReturnType<typeof mounted>>, name: string) => wrapper.findAll('button').filter((b) => b.text() === name);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MergeDialog', () => {
  it('shows a clean merge with what came from each side, in words and not only colour, and saves it', async () => {
    const wrapper = await mounted(state({ description: 'Book flights on Friday\nPack bags\nLock door' }, { description: 'Book flights\nPack bags\nLock door and windows', tags: ['travel', 'oslo'] }));
    expect(wrapper.find('dialog').element.open).toBe(true);
    expect(wrapper.text()).toContain('Your changes and theirs do not overlap');
    const changes = wrapper.findAll('.merge-change').map((c) => c.text());
    expect(changes[0]).toContain('Your change');
    expect(changes[0]).toContain('Removed: − Book flights');
    expect(changes[0]).toContain('Added: + Book flights on Friday');
    expect(changes[1]).toContain('Their change');
    expect(wrapper.text()).toContain('Tags after the merge: travel, oslo');
    expect(button(wrapper, 'Edit by hand')).toHaveLength(0);

    await button(wrapper, 'Save merged')[0]!.trigger('click');
    expect(wrapper.emitted('save')).toEqual([
      [{ title: 'Trip', description: 'Book flights on Friday\nPack bags\nLock door and windows', tags: ['travel', 'oslo'], archived: false }],
    ]);
  });

  it('puts each conflict side by side, and saves once every one is chosen', async () => {
    const wrapper = await mounted(state({ title: 'My trip', description: 'Book flights on Friday\nPack bags\nLock door' }, { title: 'Their trip', description: 'Book flights with points\nPack bags\nLock door' }));
    const groups = wrapper.findAll('[role=group]');
    expect(groups.map((g) => g.attributes('aria-label'))).toEqual(['Conflict 1 of 2', 'Conflict 2 of 2']);
    expect(groups[1]!.text()).toContain('Yours');
    expect(groups[1]!.text()).toContain('Book flights on Friday');
    expect(groups[1]!.text()).toContain('Theirs (version 4)');
    expect(groups[1]!.text()).toContain('Book flights with points');
    const save = button(wrapper, 'Save merged')[0]!;
    expect(save.attributes('disabled')).toBeDefined();

    await groups[0]!.findAll('button').find((b) => b.text() === 'Use mine')!.trigger('click');
    expect(save.attributes('disabled')).toBeDefined();
    const useTheirs = groups[1]!.findAll('button').find((b) => b.text() === 'Use theirs')!;
    await useTheirs.trigger('click');
    expect(useTheirs.attributes('aria-pressed')).toBe('true');
    await save.trigger('click');
    expect(wrapper.emitted('save')![0]![0]).toMatchObject({ title: 'My trip', description: 'Book flights with points\nPack bags\nLock door' });
  });

  it('hands the merge over for editing by hand with the unchosen conflicts marked and the chosen ones settled', async () => {
    const wrapper = await mounted(state({ title: 'My trip', description: 'Book flights on Friday\nPack bags\nLock door' }, { title: 'Their trip', description: 'Book flights with points\nPack bags\nLock door' }));
    await wrapper.findAll('[role=group]')[0]!.findAll('button').find((b) => b.text() === 'Use theirs')!.trigger('click');
    await button(wrapper, 'Edit by hand')[0]!.trigger('click');
    expect(wrapper.emitted('editByHand')).toEqual([
      [
        {
          title: 'Their trip',
          description: '<<<<<<< Yours\nBook flights on Friday\n=======\nBook flights with points\n>>>>>>> Theirs (version 4)\nPack bags\nLock door',
          tags: ['travel'],
          archived: false,
        },
      ],
    ]);
  });

  it('always offers to keep the user’s text as a new note, and to go back to the edit', async () => {
    const wrapper = await mounted(state({ title: 'Mine' }, { title: 'Theirs' }));
    await button(wrapper, 'Keep mine as a new note')[0]!.trigger('click');
    await button(wrapper, 'Back to my edit')[0]!.trigger('click');
    expect(wrapper.emitted('keepMine')).toHaveLength(1);
    expect(wrapper.emitted('cancel')).toHaveLength(1);
  });

  it('says when the version the edit started from is no longer known', async () => {
    const wrapper = await mounted(state({ description: 'a' }, { description: 'b' }, { baseKnown: false }));
    expect(wrapper.text()).toContain('no longer in the note’s history');
    expect(wrapper.findAll('[role=group]')).toHaveLength(1);
  });

  it('shows the ends of a long unchanged stretch only', async () => {
    const long = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const wrapper = await mounted(state({ description: `${long}\nmine` }, { title: 'Theirs' }, { from: { ...base, description: long } }));
    expect(wrapper.findAll('section')[1]!.find('.merge-kept').text()).toContain('… 16 unchanged lines …');
  });

  it('shows an error and keeps the buttons from doing twice while saving', async () => {
    const wrapper = await mounted(state({ title: 'Mine' }, { description: 'x' }));
    await wrapper.setProps({ busy: true, error: 'Try again shortly.' });
    expect(wrapper.find('[role=alert]').text()).toBe('Try again shortly.');
    await button(wrapper, 'Save merged')[0]!.trigger('click');
    expect(wrapper.emitted('save')).toBeUndefined();
  });
});
