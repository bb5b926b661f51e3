// A note's description is CommonMark with GitHub's tables, strikethrough, autolinks and task lists. This module only
// parses: MarkdownView.vue turns the tokens into Vue nodes, so nothing from a note ever reaches the DOM as HTML.
import MarkdownIt, { type Token } from 'markdown-it';

/** The only schemes a link may have; anything else (javascript:, data:, vbscript:, file:, relative) stays text. */
const linkSchemes = new Set(['http:', 'https:', 'mailto:']);

/** The URL, canonical, when it is an absolute http:, https: or mailto: URL; otherwise null. */
export function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return linkSchemes.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A task list item's box: its 0-based source line (where `[ ]` or `[x]` is) and whether it is ticked. */
export interface Task {
  line: number;
  checked: boolean;
}

// html: false shows raw HTML as text; every link, autolink, linkified URL and reference definition goes through
// validateLink after entity decoding, so a refused scheme never becomes a link token at all (it stays literal text).
const md = new MarkdownIt({ html: false, linkify: true });
md.validateLink = (url) => safeUrl(url) !== null;

/** `[ ]`, `[x]` or `[X]` then a space or tab, at the start of a list item's first paragraph (as GitHub reads it). */
const taskMarker = /^\[([ xX])\][ \t]/;

/**
 * The token stream of a description. A task list item's first inline token carries `meta.task` (a {@link Task}) with
 * its marker cut from the text, and its `list_item_open` carries `meta.task` too.
 */
export function parse(source: string): Token[] {
  const tokens = md.parse(source, {});
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [item, paragraph, inline] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (item.type !== 'list_item_open' || paragraph.type !== 'paragraph_open' || inline.type !== 'inline') continue;
    const first = inline.children?.[0];
    const marker = first?.type === 'text' ? taskMarker.exec(first.content) : null;
    if (!first || !marker || !inline.map) continue;
    first.content = first.content.slice(marker[0].length);
    const task: Task = { line: inline.map[0], checked: marker[1] !== ' ' };
    item.meta = { task };
    inline.meta = { task };
  }
  return tokens;
}

export function taskOf(token: Token): Task | undefined {
  return token.meta?.task as Task | undefined;
}

/** How many characters of a description the card preview reads: enough for its few lines, however long the note. */
const previewSourceLength = 2_000;

/**
 * A short plain-text preview of a description: the text of its blocks without Markdown syntax, a line each, cut at
 * about `max` characters with an ellipsis. Reads only the start of a long description, so a list of 100,000-character
 * notes stays quick.
 */
export function plainPreview(source: string, max = 200): string {
  // Cut at a line break when one is near the end, so a paragraph is seldom cut inside its emphasis or link.
  const lastBreak = source.lastIndexOf('\n', previewSourceLength);
  const head =
    source.length <= previewSourceLength ? source : source.slice(0, lastBreak > previewSourceLength / 2 ? lastBreak : previewSourceLength);
  const lines: string[] = [];
  for (const token of parse(head)) {
    const text = token.type === 'inline' ? inlineText(token.children ?? []) : token.type === 'fence' || token.type === 'code_block' ? token.content : '';
    const line = text.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
  }
  const text = lines.join('\n');
  if (text.length <= max && head.length === source.length) return text;
  const cut = text.slice(0, max);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length > max / 2 ? atWord : cut).trimEnd()}…`;
}

function inlineText(children: Token[]): string {
  return children
    .map((child) => {
      if (child.type === 'softbreak' || child.type === 'hardbreak') return ' ';
      return child.type === 'text' || child.type === 'code_inline' || child.type === 'image' ? child.content : '';
    })
    .join('');
}

/** A line's container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) and indentation, then its task box. */
const taskBoxOnLine = /^((?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*)\[[ xX]\]/;

/** Line breaks as markdown-it counts lines (it reads `\r\n` and a lone `\r` as one). */
const lineBreak = /\r\n?|\n/g;

/**
 * The description with the task box on `line` (0-based, as {@link Task} names it) ticked or not; every other
 * character stays as it was. Null when that line holds no task box.
 */
export function toggleTask(source: string, line: number, checked: boolean): string | null {
  let start = 0;
  lineBreak.lastIndex = 0;
  for (let n = 0; n < line; n++) {
    const found = lineBreak.exec(source);
    if (!found) return null;
    start = found.index + found[0].length;
  }
  lineBreak.lastIndex = start;
  const end = lineBreak.exec(source)?.index ?? source.length;
  const box = taskBoxOnLine.exec(source.slice(start, end));
  if (!box) return null;
  const at = start + box[1]!.length + 1;
  return source.slice(0, at) + (checked ? 'x' : ' ') + source.slice(at + 1);
}
