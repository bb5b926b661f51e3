import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TagInput from '@/components/TagInput.vue';

function mountInput(tags: string[] = [], suggestions: string[] = []) {
  const wrapper = mount(TagInput, {
    attachTo: document.body,
    props: {
      tags,
      suggestions,
      'onUpdate:tags': (next: string[]) => wrapper.setProps({ tags: next }),
      text: '',
      'onUpdate:text': (next: string) => wrapper.setProps({ text: next }),
    },
  });
  return wrapper;
}

const field = (wrapper: ReturnType<typeof mountInput>) => wrapper.find('input');
const chips = (wrapper: ReturnType<typeof mountInput>) => wrapper.findAll('.tag-chip-name').map((c) => c.text());

async function type(wrapper: ReturnType<typeof mountInput>, text: string) {
  await field(wrapper).setValue(text);
}

async function press(wrapper: ReturnType<typeof mountInput>, key: string) {
  const event = new KeyboardEvent('keydown', { key, cancelable: true, bubbles: true });
  field(wrapper).element.dispatchEvent(event);
  await wrapper.vm.$nextTick();
  return event;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TagInput', () => {
  it('adds what was typed on Enter, as the API will store it, and keeps Enter from submitting the form', async () => {
    const wrapper = mountInput();
    await type(wrapper, ' Work ');
    const enter = await press(wrapper, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(chips(wrapper)).toEqual(['work']);
    expect(field(wrapper).element.value).toBe('');
  });

  it('lets Enter in the empty field submit the form', async () => {
    const wrapper = mountInput(['work']);
    const enter = await press(wrapper, 'Enter');
    expect(enter.defaultPrevented).toBe(false);
  });

  it('adds on a comma, typed or pasted, keeping what follows the last one as text', async () => {
    const wrapper = mountInput();
    await type(wrapper, 'home,');
    expect(chips(wrapper)).toEqual(['home']);
    await type(wrapper, 'ideas, Home, work/clients, dra');
    expect(chips(wrapper)).toEqual(['home', 'ideas', 'work/clients']);
    expect(field(wrapper).element.value).toBe('dra');
  });

  it('removes the last tag on Backspace in the empty field, and only there', async () => {
    const wrapper = mountInput(['home', 'work']);
    await type(wrapper, 'x');
    expect((await press(wrapper, 'Backspace')).defaultPrevented).toBe(false);
    expect(chips(wrapper)).toEqual(['home', 'work']);
    await type(wrapper, '');
    await press(wrapper, 'Backspace');
    expect(chips(wrapper)).toEqual(['home']);
  });

  it('removes a tag with its own labelled button, and gives focus back to the field', async () => {
    const wrapper = mountInput(['home', 'work']);
    await wrapper.find('button[aria-label="Remove tag home"]').trigger('click');
    expect(chips(wrapper)).toEqual(['work']);
    expect(document.activeElement).toBe(field(wrapper).element);
  });

  it('refuses a tag the API would refuse, says why, and keeps the text to fix', async () => {
    const wrapper = mountInput();
    await type(wrapper, 'two words');
    await press(wrapper, 'Enter');
    expect(chips(wrapper)).toEqual([]);
    expect(wrapper.find('.field-error').text()).toBe('Tag "two words" may hold only letters, digits, -, _ and /.');
    expect(field(wrapper).attributes('aria-invalid')).toBe('true');
    expect(field(wrapper).attributes('aria-describedby')).toContain(wrapper.find('.field-error').attributes('id'));
    expect(field(wrapper).element.value).toBe('two words');
  });

  it('refuses a 21st tag', async () => {
    const wrapper = mountInput(Array.from({ length: 20 }, (_, i) => `t${i}`));
    await type(wrapper, 'one-more');
    await press(wrapper, 'Enter');
    expect(chips(wrapper)).toHaveLength(20);
    expect(wrapper.find('.field-error').text()).toBe('A note carries at most 20 tags.');
  });

  it('suggests the user’s tags as they type (those starting with it first), chosen with the arrow keys and Enter', async () => {
    const wrapper = mountInput(['home'], ['home', 'homework', 'work', 'work/clients']);
    await field(wrapper).trigger('focus');
    await type(wrapper, 'wor');
    const input = field(wrapper);
    expect(input.attributes('role')).toBe('combobox');
    expect(input.attributes('aria-expanded')).toBe('true');
    const options = wrapper.findAll('[role=option]');
    expect(options.map((o) => o.text())).toEqual(['work', 'work/clients', 'homework']);

    await press(wrapper, 'ArrowDown');
    await press(wrapper, 'ArrowDown');
    expect(input.attributes('aria-activedescendant')).toBe(options[1]!.attributes('id'));
    expect(options[1]!.attributes('aria-selected')).toBe('true');
    await press(wrapper, 'Enter');
    expect(chips(wrapper)).toEqual(['home', 'work/clients']);
  });

  it('closes the suggestions on Escape without letting the dialog around close', async () => {
    const wrapper = mountInput([], ['work']);
    await field(wrapper).trigger('focus');
    await type(wrapper, 'w');
    let reachedDialog = false;
    document.body.addEventListener('keydown', () => (reachedDialog = true));
    const escape = await press(wrapper, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(reachedDialog).toBe(false);
    expect(field(wrapper).attributes('aria-expanded')).toBe('false');

    // Closed already: now Escape is the dialog's.
    await press(wrapper, 'Escape');
    expect(reachedDialog).toBe(true);
  });

  it('adds a tag left typed when the field loses focus (on the way to Save)', async () => {
    const wrapper = mountInput();
    await field(wrapper).trigger('focus');
    await type(wrapper, 'later');
    await field(wrapper).trigger('blur');
    expect(chips(wrapper)).toEqual(['later']);
  });
});
