import { diffLines } from 'diff';

export interface LineChange {
  kind: 'same' | 'added' | 'removed';
  lines: string[];
}

/** jsdiff gives up past this: a 100,000-character note compared with a wholly different one must not freeze the page. */
const timeoutMs = 500;

/** What changes, line by line, from `from` to `to`; null when the two are too far apart to compare in time. */
export function lineChanges(from: string, to: string): LineChange[] | null {
  const changes = diffLines(from, to, { timeout: timeoutMs, ignoreNewlineAtEof: true });
  if (!changes) return null;
  return changes.map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    // Each value ends with its newline, but for the text's last line.
    lines: change.value.replace(/\n$/, '').split('\n'),
  }));
}

/** A long unchanged stretch shows only its ends: the changes are what the reader has to judge. */
export function elided(lines: string[]): { head: string[]; hidden: number; tail: string[] } {
  if (lines.length <= 6) return { head: lines, hidden: 0, tail: [] };
  return { head: lines.slice(0, 2), hidden: lines.length - 4, tail: lines.slice(-2) };
}
