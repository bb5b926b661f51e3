import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ImportReport from '@/components/ImportReport.vue';

describe('ImportReport', () => {
  it('lists each file left out with its reason under the counts, and apart from them each note that came in with a change', () => {
    const report = {
      created: 3,
      skipped: 1,
      failed: [
        { file: 'Joplin/broken.md', reason: 'The file is not UTF-8 text.', noteImported: false },
        { file: 'Joplin/tagged.md', reason: 'The tag "a b" has a space: the note was imported without it.', noteImported: true },
        { file: 'Joplin/long.md', reason: 'The title is longer than 200 characters.', noteImported: false },
      ],
    };
    const wrapper = mount(ImportReport, { props: { report, fileName: 'joplin.zip' } });
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(wrapper.get('.import-summary').text()).toBe('joplin.zip: 3 notes imported, 1 already here and skipped, 2 could not be imported, 1 imported without part of it.');
    expect(wrapper.findAll('dd').map((d) => d.text())).toEqual(['3', '1', '2']);
    const [leftOut, changed] = wrapper.findAll('ul.import-failures');
    expect(wrapper.get(`#${leftOut!.attributes('aria-labelledby')}`).text()).toBe('Not imported:');
    expect(leftOut!.findAll('li').map((li) => li.text())).toEqual([
      'Joplin/broken.md: The file is not UTF-8 text.',
      'Joplin/long.md: The title is longer than 200 characters.',
    ]);
    expect(wrapper.get(`#${changed!.attributes('aria-labelledby')}`).text()).toBe('Imported with a change:');
    expect(changed!.findAll('li').map((li) => li.text())).toEqual(['Joplin/tagged.md: The tag "a b" has a space: the note was imported without it.']);
  });

  it('is a success with no list when everything came in, and still a success when a note only lost a tag', () => {
    const wrapper = mount(ImportReport, { props: { report: { created: 2, skipped: 0, failed: [] }, fileName: 'notes.json' } });
    expect(wrapper.find('[role="status"]').exists()).toBe(true);
    expect(wrapper.find('ul').exists()).toBe(false);
    const failed = [{ file: 'a.md', reason: 'The tag "?" is not one: the note was imported without it.', noteImported: true }];
    const changed = mount(ImportReport, { props: { report: { created: 1, skipped: 0, failed }, fileName: 'a.md' } });
    expect(changed.find('[role="status"]').exists()).toBe(true);
    expect(changed.findAll('dd').map((d) => d.text())).toEqual(['1', '0', '0']);
  });
});
