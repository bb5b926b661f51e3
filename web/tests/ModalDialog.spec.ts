import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ModalDialog from '@/components/ModalDialog.vue';

function mountDialog() {
  return mount(ModalDialog, { attachTo: document.body, props: { open: false, labelledby: 'heading' } });
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ModalDialog', () => {
  it('asks to cancel when the browser closes it on its own', async () => {
    const wrapper = mountDialog();
    await wrapper.setProps({ open: true });
    await settle();

    (wrapper.find('dialog').element as HTMLDialogElement).close();
    await settle();

    expect(wrapper.emitted('cancel')).toHaveLength(1);
  });

  it('ignores the close event of an earlier closing when it was opened again before that event arrived', async () => {
    const wrapper = mountDialog();
    await wrapper.setProps({ open: true });
    await settle();
    await wrapper.setProps({ open: false });
    await wrapper.setProps({ open: true }); // reopened at once, as a quick keyboard user does
    await settle();

    // The first closing's event, which the browser delivers a task later.
    wrapper.find('dialog').element.dispatchEvent(new Event('close'));

    expect(wrapper.emitted('cancel')).toBeUndefined();
    expect((wrapper.find('dialog').element as HTMLDialogElement).open).toBe(true);
  });

  it('opens when it starts open, as a dialog the URL names does after a reload', async () => {
    const wrapper = mount(ModalDialog, {
      attachTo: document.body,
      props: { open: true, labelledby: 'heading' },
      slots: { default: '<button data-autofocus>First</button>' },
    });
    await settle();
    expect((wrapper.find('dialog').element as HTMLDialogElement).open).toBe(true);
    expect(document.activeElement?.textContent).toBe('First');
  });
});
