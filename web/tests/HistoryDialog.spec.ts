import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import HistoryDialog from '@/components/HistoryDialog.vue';
import { note } from './harness';

const current = { ...note('n1', 'Trip', 5), description: 'Book flights\nPack bags\nLock door' };
const items = [4, 3].map((version) => ({ version, title: version === 3 ? 'Old trip' : 'Trip', savedAt: '2026-03-01T12:00:00Z', length: 1234 }));

function mounted(props: Record<string, unknown> = {}) {
  return mount(HistoryDialog, {
    attachTo: document.body,
    props: { note: current, items, page: 1, total: 2, pageSize: 20, loaded: true, loading: false, selected: null, reading: false, restoring: false, error: null, ...props },
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('HistoryDialog', () => {
  it('lists the versions with their time and length, and asks for the one chosen', async () => {
    const wrapper = mounted();
    expect(wrapper.find('h2').text()).toBe('History of “Trip”');
    const versions = wrapper.findAll('.history-item');
    expect(versions.map((v) => v.find('.history-version').text())).toEqual(['Version 4', 'Version 3']);
    expect(versions[0]!.text()).toContain('1,234 characters');
    await versions[1]!.trigger('click');
    expect(wrapper.emitted('select')).toEqual([[3]]);
    expect(wrapper.findAll('button').some((b) => b.text() === 'Restore this version')).toBe(false);
  });

  it('shows what restoring the chosen version would change, marked in words, and restores it when asked', async () => {
    const wrapper = mounted({ selected: { version: 3, title: 'Old trip', description: 'Book flights\nPack one bag\nLock door', savedAt: '2026-03-01T12:00:00Z' } });
    expect(wrapper.find('[aria-pressed=true]').text()).toContain('Version 3');
    expect(wrapper.text()).toContain('Title then: “Old trip” (now “Trip”)');
    expect(wrapper.findAll('ins').map((l) => l.text())).toEqual(['+ version 3Pack one bag']);
    expect(wrapper.findAll('del').map((l) => l.text())).toEqual(['− nowPack bags']);
    await wrapper.findAll('button').find((b) => b.text() === 'Restore this version')!.trigger('click');
    expect(wrapper.emitted('restore')).toHaveLength(1);
  });

  it('says when there is no earlier version yet', () => {
    const wrapper = mounted({ items: [], total: 0 });
    expect(wrapper.text()).toContain('No earlier versions yet');
  });

  it('pages through a long history', async () => {
    const wrapper = mounted({ total: 45 });
    expect(wrapper.text()).toContain('Page 1 of 3');
    await wrapper.findAll('button').find((b) => b.text().includes('Next'))!.trigger('click');
    expect(wrapper.emitted('go')).toEqual([[2]]);
  });
});
