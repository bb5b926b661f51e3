import { describe, expect, it } from 'vitest';
import {
  conflictsOf,
  isClean,
  markedLine,
  markedText,
  mergeLines,
  mergeNote,
  mergeTags,
  mergeText,
  resolvedText,
  type MergePart,
  type Side,
} from '@/merge';

const text = (...lines: string[]) => lines.join('\n');
const all = (side: Side) => () => side;

/** What one of the three texts was, rebuilt from the parts: proves a merge drops nothing either side wrote. */
function rebuilt(parts: MergePart[], who: Side | 'base'): string[] {
  return parts.flatMap((part) => {
    if (part.kind === 'kept') return part.lines;
    if (part.kind === 'conflict') return part[who];
    return who === 'base' || (part.by !== 'both' && part.by !== who) ? part.replaced : part.lines;
  });
}

describe('three-way line merge', () => {
  const base = text('# Trip', 'Book flights', 'Pack bags', 'Water plants', 'Lock door');

  it('keeps a text nobody changed as it is', () => {
    expect(mergeText(base, base, base)).toEqual([{ kind: 'kept', lines: base.split('\n') }]);
  });

  it('takes a change only one side made, and says whose it is and what it replaced', () => {
    const mine = text('# Trip', 'Book flights', 'Pack bags and passports', 'Water plants', 'Lock door');
    expect(mergeText(base, mine, base)).toEqual([
      { kind: 'kept', lines: ['# Trip', 'Book flights'] },
      { kind: 'changed', by: 'mine', lines: ['Pack bags and passports'], replaced: ['Pack bags'] },
      { kind: 'kept', lines: ['Water plants', 'Lock door'] },
    ]);
    expect(resolvedText(mergeText(base, base, mine), all('mine'))).toBe(mine);
    expect(mergeText(base, base, mine)[1]).toMatchObject({ kind: 'changed', by: 'theirs' });
  });

  it('merges changes to different lines without a conflict', () => {
    const mine = text('# Trip to Oslo', 'Book flights', 'Pack bags', 'Water plants', 'Lock door');
    const theirs = text('# Trip', 'Book flights', 'Pack bags', 'Water plants', 'Lock door and windows');
    const parts = mergeText(base, mine, theirs);
    expect(conflictsOf(parts)).toEqual([]);
    expect(resolvedText(parts, () => undefined)).toBe(text('# Trip to Oslo', 'Book flights', 'Pack bags', 'Water plants', 'Lock door and windows'));
    expect(parts.filter((p) => p.kind === 'changed').map((p) => p.kind === 'changed' && p.by)).toEqual(['mine', 'theirs']);
  });

  it('keeps a line both sides deleted, or changed alike, out of the conflicts', () => {
    const both = text('# Trip', 'Book trains', 'Pack bags', 'Lock door');
    const parts = mergeText(base, both, both);
    expect(conflictsOf(parts)).toEqual([]);
    expect(resolvedText(parts, () => undefined)).toBe(both);
    expect(parts.filter((p) => p.kind === 'changed')).toEqual([
      { kind: 'changed', by: 'both', lines: ['Book trains'], replaced: ['Book flights'] },
      { kind: 'changed', by: 'both', lines: [], replaced: ['Water plants'] },
    ]);
  });

  it('makes one line changed by both differently a conflict, with the base it came from', () => {
    const mine = text('# Trip', 'Book flights on Friday', 'Pack bags', 'Water plants', 'Lock door');
    const theirs = text('# Trip', 'Book flights with points', 'Pack bags', 'Water plants', 'Lock door');
    const parts = mergeText(base, mine, theirs);
    expect(parts).toEqual([
      { kind: 'kept', lines: ['# Trip'] },
      { kind: 'conflict', mine: ['Book flights on Friday'], theirs: ['Book flights with points'], base: ['Book flights'] },
      { kind: 'kept', lines: ['Pack bags', 'Water plants', 'Lock door'] },
    ]);
    expect(resolvedText(parts, () => undefined)).toBeNull();
    expect(resolvedText(parts, all('mine'))).toBe(mine);
    expect(resolvedText(parts, all('theirs'))).toBe(theirs);
  });

  it('makes changes to touching lines one conflict, as diff3 does, spanning both sides’ changes', () => {
    const mine = text('# Trip', 'Book flights', 'Pack two bags', 'Water plants', 'Lock door');
    const theirs = text('# Trip', 'Book flights', 'Pack bags', 'Water the plants', 'Lock door');
    const [conflict] = conflictsOf(mergeText(base, mine, theirs));
    expect(conflict).toEqual({
      kind: 'conflict',
      mine: ['Pack two bags', 'Water plants'],
      theirs: ['Pack bags', 'Water the plants'],
      base: ['Pack bags', 'Water plants'],
    });
  });

  it('makes a line one side deleted and the other changed a conflict, so the change is not lost silently', () => {
    const mine = text('# Trip', 'Book flights', 'Water plants', 'Lock door');
    const theirs = text('# Trip', 'Book flights', 'Pack bags and the map', 'Water plants', 'Lock door');
    expect(conflictsOf(mergeText(base, mine, theirs))).toEqual([
      { kind: 'conflict', mine: [], theirs: ['Pack bags and the map'], base: ['Pack bags'] },
    ]);
  });

  it('shows a deletion by one side as a change replacing the lines with none', () => {
    const theirs = text('# Trip', 'Book flights', 'Pack bags', 'Lock door');
    const mine = text('# Trip!', 'Book flights', 'Pack bags', 'Water plants', 'Lock door');
    const parts = mergeText(base, mine, theirs);
    expect(parts).toContainEqual({ kind: 'changed', by: 'theirs', lines: [], replaced: ['Water plants'] });
    expect(resolvedText(parts, () => undefined)).toBe(text('# Trip!', 'Book flights', 'Pack bags', 'Lock door'));
  });

  it('merges insertions at different places, and makes different insertions at one place a conflict', () => {
    const mine = text('Note first', ...base.split('\n'));
    const theirs = text(...base.split('\n'), 'Note last');
    expect(resolvedText(mergeText(base, mine, theirs), () => undefined)).toBe(text('Note first', ...base.split('\n'), 'Note last'));

    const mineMiddle = text('# Trip', 'Book flights', 'Buy a guide', 'Pack bags', 'Water plants', 'Lock door');
    const theirsMiddle = text('# Trip', 'Book flights', 'Print tickets', 'Pack bags', 'Water plants', 'Lock door');
    expect(conflictsOf(mergeText(base, mineMiddle, theirsMiddle))).toEqual([
      { kind: 'conflict', mine: ['Buy a guide'], theirs: ['Print tickets'], base: [] },
    ]);
  });

  it('merges from an empty base and keeps trailing newlines and blank lines as typed', () => {
    expect(resolvedText(mergeText('', 'Hello\n', ''), () => undefined)).toBe('Hello\n');
    expect(conflictsOf(mergeText('', 'Mine', 'Theirs'))).toHaveLength(1);
    const withBlanks = 'a\n\nb\n\n';
    expect(resolvedText(mergeText('a\n\nb', withBlanks, 'a\n\nb'), () => undefined)).toBe(withBlanks);
  });

  it('settles each conflict by its own choice', () => {
    const o = text('one', 'x', 'two', 'x', 'three');
    const parts = mergeText(o, text('ONE', 'x', 'two', 'x', 'THREE'), text('uno', 'x', 'two', 'x', 'tres'));
    const [first, second] = conflictsOf(parts);
    const choices = new Map<MergePart, Side>([[first!, 'mine'], [second!, 'theirs']]);
    expect(resolvedText(parts, (c) => choices.get(c))).toBe(text('ONE', 'x', 'two', 'x', 'tres'));
  });

  it('marks both sides of each conflict for editing by hand, keeping every line either side wrote', () => {
    const parts = mergeText(text('a', 'b', 'c'), text('a', 'B mine', 'c'), text('a', 'B theirs', 'c'));
    expect(markedText(parts, { mine: 'Yours', theirs: 'Theirs (version 4)' })).toBe(
      text('a', '<<<<<<< Yours', 'B mine', '=======', 'B theirs', '>>>>>>> Theirs (version 4)', 'c'),
    );
    expect(markedLine(mergeLines(['T'], ['Mine'], ['Theirs']), { mine: 'yours', theirs: 'theirs' })).toBe('yours: Mine | theirs: Theirs');
    expect(markedLine(mergeLines(['T'], ['Mine'], ['T']), { mine: 'yours', theirs: 'theirs' })).toBe('Mine');
  });

  it('never loses a line: any merge rebuilds the base, mine and theirs exactly', () => {
    // A small alphabet makes repeated lines common, which is where line diffs go wrong.
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = (n: number) => Math.floor(random() * n);
    const edit = (lines: string[]) => {
      const out = [...lines];
      for (let n = pick(4); n > 0; n--) {
        const at = pick(out.length + 1);
        const op = pick(3);
        if (op === 0) out.splice(at, 1);
        else if (op === 1) out.splice(at, 0, `new ${pick(3)}`);
        else out.splice(at, 1, `changed ${pick(3)}`);
      }
      return out;
    };
    for (let i = 0; i < 500; i++) {
      const base = Array.from({ length: pick(8) }, () => `line ${pick(4)}`);
      const mine = edit(base);
      const theirs = edit(base);
      const parts = mergeLines(base, mine, theirs);
      expect(rebuilt(parts, 'base')).toEqual(base);
      expect(rebuilt(parts, 'mine')).toEqual(mine);
      expect(rebuilt(parts, 'theirs')).toEqual(theirs);
      // One side unchanged: the merge is the other side, with nothing to settle.
      expect(mergeLines(base, mine, base).every((p) => p.kind !== 'conflict')).toBe(true);
      expect(resolvedText(mergeLines(base, base, theirs), () => undefined)).toBe(theirs.join('\n'));
    }
  });

  it('merges a long document in reasonable time', () => {
    const base = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? '' : `Paragraph ${i} with some words in it.`));
    const mine = base.map((line, i) => (i === 10 ? 'My change' : line));
    const theirs = base.map((line, i) => (i === 2900 ? 'Their change' : line));
    const started = performance.now();
    const parts = mergeLines(base, mine, theirs);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(conflictsOf(parts)).toEqual([]);
  });
});

describe('tags merge', () => {
  it('applies both sides’ additions and removals, in theirs’ order then mine’s additions', () => {
    expect(mergeTags(['a', 'b', 'c'], ['a', 'c', 'mine'], ['c', 'b', 'theirs'])).toEqual(['c', 'theirs', 'mine']);
  });

  it('adds a tag both sides added once', () => {
    expect(mergeTags([], ['x'], ['x'])).toEqual(['x']);
  });
});

describe('note merge', () => {
  const base = { title: 'Trip', description: 'a\nb\nc', tags: ['travel'], archived: false };

  it('merges each field on its own: a clean title beside a clean description', () => {
    const merge = mergeNote(
      base,
      { ...base, title: 'Trip to Oslo', tags: ['travel', 'oslo'] },
      { ...base, description: 'a\nb\nc\nd', archived: true },
    );
    expect(isClean(merge)).toBe(true);
    expect(resolvedText(merge.title, () => undefined)).toBe('Trip to Oslo');
    expect(resolvedText(merge.description, () => undefined)).toBe('a\nb\nc\nd');
    expect(merge.tags).toEqual(['travel', 'oslo']);
    expect(merge.archived).toBe(true);
  });

  it('makes a title changed by both differently a conflict, and the archive choice follows the side that changed it', () => {
    const merge = mergeNote(base, { ...base, title: 'Mine', archived: true }, { ...base, title: 'Theirs' });
    expect(isClean(merge)).toBe(false);
    expect(conflictsOf(merge.title)).toEqual([{ kind: 'conflict', mine: ['Mine'], theirs: ['Theirs'], base: ['Trip'] }]);
    expect(merge.archived).toBe(true);
  });

  it('without the base text, treats any difference as one conflict rather than guess', () => {
    const unknown = { ...base, title: null, description: null };
    const merge = mergeNote(unknown, { ...base, description: 'a\nb\nmine' }, { ...base, description: 'a\nb\ntheirs' });
    expect(merge.title).toEqual([{ kind: 'kept', lines: ['Trip'] }]);
    expect(conflictsOf(merge.description)).toEqual([{ kind: 'conflict', mine: ['a', 'b', 'mine'], theirs: ['a', 'b', 'theirs'], base: [] }]);
  });
});
