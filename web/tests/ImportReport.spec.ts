import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ImportReport from '@/components/ImportReport.vue';

describe('ImportReport', () => {
  it('lists each file that failed with its reason, under the counts', () => {
    const report = {
      created: 3,
      skipped: 1,
      failed: [
        { file: 'Joplin/broken.md', reason: 'The file is not UTF-8 text.' },
        { file: 'Joplin/long.md', reason: 'The title is longer than 200 characters.' },
      ],
    };
    const wrapper = mount(ImportReport, { props: { report, fileName: 'joplin.zip' } });
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(wrapper.get('.import-summary').text()).toBe('joplin.zip: 3 notes imported, 1 already here and skipped, 2 files could not be imported.');
    expect(wrapper.findAll('dd').map((d) => d.text())).toEqual(['3', '1', '2']);
    const list = wrapper.get('ul.import-failures');
    expect(wrapper.get(`#${list.attributes('aria-labelledby')}`).text()).toBe('Not imported:');
    expect(list.findAll('li').map((li) => li.text())).toEqual([
      'Joplin/broken.md: The file is not UTF-8 text.',
      'Joplin/long.md: The title is longer than 200 characters.',
    ]);
  });

  it('is a success with no list when everything came in', () => {
    const wrapper = mount(ImportReport, { props: { report: { created: 2, skipped: 0, failed: [] }, fileName: 'notes.json' } });
    expect(wrapper.find('[role="status"]').exists()).toBe(true);
    expect(wrapper.find('ul').exists()).toBe(false);
  });
});
