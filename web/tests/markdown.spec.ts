import { describe, expect, it } from 'vitest';
import { parse, plainPreview, safeUrl, taskOf, toggleTask } from '@/markdown';

const tasksOf = (source: string) => parse(source).flatMap((token) => (token.type === 'inline' && taskOf(token) ? [taskOf(token)] : []));

describe('safeUrl', () => {
  it('keeps absolute http, https and mailto URLs only', () => {
    expect(safeUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeUrl('HTTP://example.com')).toBe('http://example.com/');
    expect(safeUrl('mailto:a@example.com')).toBe('mailto:a@example.com');
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', '//host/x', 'ftp://host/x', ''])
      expect(safeUrl(url), url).toBeNull();
  });
});

describe('parse', () => {
  it('finds task boxes with the source line of each, and cuts the marker from the text', () => {
    const source = 'Intro\n\n- [ ] milk\n- [x] eggs\n  - [X] nested\n- plain\n- [ ]no space\n\n> 1. [ ] quoted';
    expect(tasksOf(source)).toEqual([
      { line: 2, checked: false },
      { line: 3, checked: true },
      { line: 4, checked: true },
      { line: 8, checked: false },
    ]);
    const texts = parse('- [ ] milk').filter((t) => t.type === 'inline').map((t) => t.children![0]!.content);
    expect(texts).toEqual(['milk']);
  });

  it('counts a lone carriage return as a line, as toggleTask does', () => {
    expect(tasksOf('a\r\r- [ ] b\r\n- [x] c')).toEqual([
      { line: 2, checked: false },
      { line: 3, checked: true },
    ]);
  });

  it('does not make a task of a box outside a list item or after other text', () => {
    expect(tasksOf('[ ] not in a list\n\n- text [ ] later')).toEqual([]);
  });
});

describe('toggleTask', () => {
  it('ticks and unticks the box on the given line and changes nothing else', () => {
    const source = 'Intro\r\n\r\n- [ ] milk\r\n- [x] eggs\r\n> 1) [ ] quoted\n\t* [X] tabbed';
    expect(toggleTask(source, 2, true)).toBe('Intro\r\n\r\n- [x] milk\r\n- [x] eggs\r\n> 1) [ ] quoted\n\t* [X] tabbed');
    expect(toggleTask(source, 3, false)).toBe('Intro\r\n\r\n- [ ] milk\r\n- [ ] eggs\r\n> 1) [ ] quoted\n\t* [X] tabbed');
    expect(toggleTask(source, 4, true)).toBe('Intro\r\n\r\n- [ ] milk\r\n- [x] eggs\r\n> 1) [x] quoted\n\t* [X] tabbed');
    expect(toggleTask(source, 5, false)).toBe('Intro\r\n\r\n- [ ] milk\r\n- [x] eggs\r\n> 1) [ ] quoted\n\t* [ ] tabbed');
  });

  it('agrees with parse on every box it finds', () => {
    const source = '- [ ] a\n  - [ ] b\n\n1. [x] c\n\n> - [ ] d';
    for (const task of tasksOf(source)) {
      const toggled = toggleTask(source, task!.line, !task!.checked)!;
      expect(tasksOf(toggled).find((t) => t!.line === task!.line)).toEqual({ line: task!.line, checked: !task!.checked });
    }
  });

  it('answers null for a line without a box, or past the end', () => {
    expect(toggleTask('- [ ] a\n- b', 1, true)).toBeNull();
    expect(toggleTask('- [ ] a', 5, true)).toBeNull();
    expect(toggleTask('text [ ] later', 0, true)).toBeNull();
  });
});

describe('plainPreview', () => {
  it('shows the text without Markdown syntax, a block a line', () => {
    const source = '# Title\n\nSome **bold** and _em_ with [a link](https://example.com) and `code`.\n\n- [ ] milk\n- eggs\n\n```\nx = 1\n```\n\n![a cat](https://example.com/cat.png)';
    expect(plainPreview(source)).toBe('Title\nSome bold and em with a link and code.\nmilk\neggs\nx = 1\na cat');
  });

  it('shows raw HTML as the text it is', () => {
    expect(plainPreview('<b>hi</b> <script>x</script>')).toBe('<b>hi</b> <script>x</script>');
  });

  it('cuts a long description at a word, with an ellipsis', () => {
    const preview = plainPreview('word '.repeat(100));
    expect(preview.length).toBeLessThanOrEqual(201);
    expect(preview).toMatch(/word…$/);
  });

  it('reads only the start of a very long description', () => {
    // The definition at the end would make `[docs]` a link if the whole note were parsed.
    const long = `See [docs].\n\n${'x'.repeat(99_000)}\n\n[docs]: https://example.com`;
    expect(plainPreview(long)).toMatch(/^See \[docs\]\.\nx{100,}…$/);
    expect(plainPreview(long.slice(0, 20) + long.slice(-30))).toBe('See docs.\nxxxxxxxx');
  });
});
