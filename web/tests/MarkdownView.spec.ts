import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import MarkdownView from '@/components/MarkdownView.vue';
import { toggleTask } from '@/markdown';

const render = (source: string, tickable = false) => mount(MarkdownView, { props: { source, tickable } });

describe('MarkdownView', () => {
  it('renders CommonMark with GitHub tables and strikethrough as elements', () => {
    const wrapper = render('# Plan\n\nSome **bold**, _em_, ~~gone~~ and `code`.\n\n> quoted\n\n1. one\n2. two\n\n---\n\n```\nx < 1\n```\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |');
    expect(wrapper.find('h1').text()).toBe('Plan');
    expect(wrapper.find('p strong').text()).toBe('bold');
    expect(wrapper.find('p em').text()).toBe('em');
    expect(wrapper.find('p s').text()).toBe('gone');
    expect(wrapper.find('p code').text()).toBe('code');
    expect(wrapper.find('blockquote p').text()).toBe('quoted');
    expect(wrapper.findAll('ol li').map((li) => li.text())).toEqual(['one', 'two']);
    expect(wrapper.find('hr').exists()).toBe(true);
    expect(wrapper.find('pre code').text()).toBe('x < 1');
    expect(wrapper.findAll('th').map((th) => [th.text(), th.classes()])).toEqual([['a', ['align-center']], ['b', ['align-right']]]);
    expect(wrapper.findAll('td').map((td) => td.text())).toEqual(['1', '2']);
    expect(wrapper.find('[style]').exists()).toBe(false);
  });

  it('shows raw HTML as text', () => {
    const wrapper = render('<b onclick="x()">bold?</b>\n\n<div>block</div>');
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.find('div.markdown div').exists()).toBe(false);
    expect(wrapper.text()).toContain('<b onclick="x()">bold?</b>');
    expect(wrapper.text()).toContain('<div>block</div>');
  });

  it('links only http, https and mailto URLs, opening them apart from the app', () => {
    const wrapper = render('[site](https://example.com/a) <mailto:me@example.com> https://example.org and [bad](javascript:x) [rel](/notes)');
    expect(wrapper.findAll('a').map((a) => [a.text(), a.attributes('href'), a.attributes('target'), a.attributes('rel')])).toEqual([
      ['site', 'https://example.com/a', '_blank', 'noopener noreferrer'],
      ['mailto:me@example.com', 'mailto:me@example.com', '_blank', 'noopener noreferrer'],
      ['https://example.org', 'https://example.org/', '_blank', 'noopener noreferrer'],
    ]);
    expect(wrapper.text()).toContain('[bad](javascript:x)');
    expect(wrapper.text()).toContain('[rel](/notes)');
  });

  it('shows an image as a link to it, never as an image', () => {
    const wrapper = render('![a cat](https://example.com/cat.png) ![local](/x.png)');
    expect(wrapper.find('img').exists()).toBe(false);
    const link = wrapper.find('a');
    expect(link.text()).toBe('Image: a cat');
    expect(link.attributes('href')).toBe('https://example.com/cat.png');
    expect(link.attributes('rel')).toBe('noopener noreferrer');
    expect(wrapper.findAll('a')).toHaveLength(1);
  });

  it('shows task boxes as labelled checkboxes that only show their state unless tickable', () => {
    const wrapper = render('- [ ] milk\n- [x] **eggs**\n- plain');
    const boxes = wrapper.findAll<HTMLInputElement>('input[type="checkbox"]');
    expect(boxes.map((box) => [box.element.checked, box.element.disabled])).toEqual([[false, true], [true, true]]);
    expect(wrapper.findAll('label').map((label) => label.text())).toEqual(['milk', 'eggs']);
    expect(wrapper.findAll('li').map((li) => li.classes())).toEqual([['task'], ['task'], []]);
  });

  it('asks to tick a box by its source line, and shows what the source says until the source changes', async () => {
    const source = 'Shopping\n\n- [ ] milk\n- [x] eggs';
    const wrapper = render(source, true);
    const [milk, eggs] = wrapper.findAll<HTMLInputElement>('input[type="checkbox"]');
    expect(milk!.element.disabled).toBe(false);

    await milk!.setValue(true);
    await eggs!.setValue(false);
    expect(wrapper.emitted('toggle-task')).toEqual([[2, true], [3, false]]);
    // Not saved yet: the boxes still show the source.
    expect([milk!.element.checked, eggs!.element.checked]).toEqual([false, true]);

    await wrapper.setProps({ source: toggleTask(source, 2, true)! });
    expect([milk!.element.checked, eggs!.element.checked]).toEqual([true, true]);
  });
});
