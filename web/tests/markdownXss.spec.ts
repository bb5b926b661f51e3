import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import MarkdownView from '@/components/MarkdownView.vue';
import { allowedElements, inertnessProblems, xssVectors } from './fixtures/xss-vectors';

describe('MarkdownView with the XSS corpus', () => {
  it.each(xssVectors)('renders %j inert', (vector) => {
    const wrapper = mount(MarkdownView, { props: { source: vector, tickable: true }, attachTo: document.body });
    expect(inertnessProblems(wrapper.element, allowedElements)).toEqual([]);
    wrapper.unmount();
  });

  it('renders the whole corpus in one document inert, as the browser test does', () => {
    const wrapper = mount(MarkdownView, { props: { source: xssVectors.join('\n\n') } });
    expect(inertnessProblems(wrapper.element, allowedElements)).toEqual([]);
    // Some vectors are meant to leave real links: the check saw them and found them safe.
    expect(wrapper.findAll('a').length).toBeGreaterThan(2);
  });

  it('finds the problems it looks for', () => {
    const element = document.createElement('div');
    element.innerHTML = '<img src=x><a href="javascript:x">a</a><a href="https://x">b</a><p onclick="x" style="color:red">c</p><input type=text>';
    expect(inertnessProblems(element, allowedElements)).toEqual([
      '<img> element',
      'link to "javascript:x"',
      'link without rel="noopener noreferrer"',
      'link without rel="noopener noreferrer"',
      'onclick attribute on <p>',
      'style attribute on <p>',
      'an input that is not a checkbox',
    ]);
  });
});
