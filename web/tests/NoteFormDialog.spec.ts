import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import NoteFormDialog from '@/components/NoteFormDialog.vue';

type Props = InstanceType<typeof NoteFormDialog>['$props'];

function mountDialog(props: Partial<Props> = {}) {
  return mount(NoteFormDialog, {
    attachTo: document.body,
    props: { open: false, note: null, saving: false, error: null, conflict: false, ...props },
  });
}

async function openWith(wrapper: ReturnType<typeof mountDialog>, props: Partial<Props> = {}) {
  await wrapper.setProps({ open: true, ...props });
  await new Promise((resolve) => setTimeout(resolve));
}

const input = (wrapper: ReturnType<typeof mountDialog>, label: string) => {
  const labelElement = wrapper.findAll('label').find((l) => l.text() === label)!;
  return wrapper.find(`#${labelElement.attributes('for')}`);
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('NoteFormDialog', () => {
  it('opens as a modal with the title focused, and gives focus back to its opener on close', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const wrapper = mountDialog();
    await openWith(wrapper);

    expect(wrapper.find('dialog').element.open).toBe(true);
    expect(wrapper.find('h2').text()).toBe('Add note');
    expect(document.activeElement).toBe(input(wrapper, 'Title').element);

    await wrapper.setProps({ open: false });
    expect(wrapper.find('dialog').element.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('asks to cancel on Escape', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper);
    const cancel = new Event('cancel', { cancelable: true });
    wrapper.find('dialog').element.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(wrapper.emitted('cancel')).toHaveLength(1);
  });

  it('ignores Escape while saving', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper, { saving: true });
    wrapper.find('dialog').element.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(wrapper.emitted('cancel')).toBeUndefined();
  });

  it('refuses a blank title and a too long description', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper);
    await input(wrapper, 'Title').setValue('   ');
    await input(wrapper, 'Description').setValue('d'.repeat(100_001));
    await wrapper.find('form').trigger('submit');
    const errors = wrapper.findAll('.field-error').map((e) => e.text());
    expect(errors).toEqual(['Enter a title.', 'Description must be at most 100,000 characters long.']);
    expect(wrapper.emitted('save')).toBeUndefined();
  });

  it('saves the trimmed title, and the description as typed', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper);
    await input(wrapper, 'Title').setValue('  Groceries  ');
    await input(wrapper, 'Description').setValue('  milk\n  eggs');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('save')).toEqual([[{ title: 'Groceries', description: '  milk\n  eggs', tags: [], archived: false }]]);
  });

  it('starts from the edited note, and cannot submit twice while saving', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper, { note: { title: 'Old', description: 'Text', tags: ['work'], archived: false } });
    expect(wrapper.find('h2').text()).toBe('Edit note');
    expect((input(wrapper, 'Title').element as HTMLInputElement).value).toBe('Old');
    await wrapper.setProps({ saving: true });
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('save')).toBeUndefined();
  });

  it('says, visibly and to screen readers, that a failed save is being tried again, and keeps the text', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper);
    await input(wrapper, 'Title').setValue('Groceries');
    await wrapper.setProps({ saving: true });
    const statuses = () => wrapper.findAll('[role=status]').map((s) => s.text()).filter(Boolean);
    expect(statuses()).toEqual(['Saving note…']);

    await wrapper.setProps({ notice: 'Saving failed, trying again (1 of 3)…' });
    expect(statuses()).toEqual(['Saving failed, trying again (1 of 3)…']);
    expect(wrapper.find('.banner').isVisible()).toBe(true);
    expect((input(wrapper, 'Title').element as HTMLInputElement).value).toBe('Groceries');
  });

  it('on a conflict, says so, blocks saving and offers to reload the note', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper, { note: { title: 'Old', description: '', tags: [], archived: false }, conflict: true });
    expect(wrapper.find('[role=alert]').text()).toContain('This note was changed somewhere else');
    const buttons = wrapper.findAll('button');
    expect(buttons.find((b) => b.text() === 'Save')!.attributes('disabled')).toBeDefined();
    await buttons.find((b) => b.text() === 'Reload note')!.trigger('click');
    expect(wrapper.emitted('reload')).toHaveLength(1);

    await wrapper.setProps({ conflict: false, note: { title: 'Newer', description: 'From elsewhere', tags: [], archived: true } });
    expect((input(wrapper, 'Title').element as HTMLInputElement).value).toBe('Newer');
  });

  it('saves the tags and the archive choice with the note, starting from the edited note’s', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper, { note: { title: 'Plan', description: '', tags: ['work'], archived: false }, tagSuggestions: ['work', 'home'] });
    await input(wrapper, 'Tags').setValue('Home,');
    await wrapper.find('input[type=checkbox]').setValue(true);
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('save')).toEqual([[{ title: 'Plan', description: '', tags: ['work', 'home'], archived: true }]]);
  });

  it('does not save while a typed tag cannot be one, and says why', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper);
    await input(wrapper, 'Title').setValue('Plan');
    await input(wrapper, 'Tags').setValue('not a tag');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('save')).toBeUndefined();
    expect(wrapper.findAll('.field-error').map((e) => e.text())).toEqual(['Tag "not a tag" may hold only letters, digits, -, _ and /.']);
  });

  it('shows the API’s refusal of a tag under the tag field', async () => {
    const wrapper = mountDialog();
    await openWith(wrapper, { serverErrors: { tags: 'Tag "x" must be 1 to 32 characters.' } });
    expect(wrapper.find('.tag-input .field-error').text()).toBe('Tag "x" must be 1 to 32 characters.');
  });
});

