// Three-way merge of two edits of one note: the version both started from (base), the user's (mine) and the one saved
// meanwhile (theirs). Pure: the editor and the merge dialog decide what to do with the result.
import { diffIndices } from 'node-diff3';

export type Side = 'mine' | 'theirs';

/** A stretch of the merged text: kept from the base, changed by one side (or by both alike), or changed by both differently. */
export type MergePart =
  | { kind: 'kept'; lines: string[] }
  | { kind: 'changed'; by: Side | 'both'; lines: string[]; replaced: string[] }
  | { kind: 'conflict'; mine: string[]; theirs: string[]; base: string[] };

export type Conflict = Extract<MergePart, { kind: 'conflict' }>;

/** What a note's edit holds, as the editor sends it. */
export interface NoteContent {
  title: string;
  description: string;
  tags: string[];
  archived: boolean;
}

export interface NoteMerge {
  title: MergePart[];
  description: MergePart[];
  /** Tags and the archive choice never conflict: each side's additions and removals both apply. */
  tags: string[];
  archived: boolean;
}

interface Hunk {
  side: Side;
  /** The base lines the hunk replaces: [baseStart, baseEnd). */
  baseStart: number;
  baseEnd: number;
  /** Its lines in its side's text: [start, end). */
  start: number;
  end: number;
}

function hunks(base: string[], text: string[], side: Side): Hunk[] {
  // node-diff3's LCS slows down on long texts with many equal lines (3,000 lines, a third blank: seconds); an edit
  // mostly leaves both ends alone, so only the middle goes to it.
  let head = 0;
  while (head < base.length && head < text.length && base[head] === text[head]) head++;
  let tail = 0;
  while (tail < base.length - head && tail < text.length - head && base[base.length - 1 - tail] === text[text.length - 1 - tail]) tail++;
  const middle = diffIndices(base.slice(head, base.length - tail), text.slice(head, text.length - tail));
  return middle.map(({ buffer1: [baseStart, baseLength], buffer2: [start, length] }) => ({
    side,
    baseStart: head + baseStart,
    baseEnd: head + baseStart + baseLength,
    start: head + start,
    end: head + start + length,
  }));
}

const sameLines = (a: string[], b: string[]) => a.length === b.length && a.every((line, i) => line === b[i]);

/**
 * diff3 on lines: node-diff3 finds each side's changes against the base; changes that overlap or touch are one region,
 * a conflict unless both sides made it alike. (node-diff3's own merge regions drop what a side deleted and who changed
 * what, which the dialog shows.)
 */
export function mergeLines(base: string[], mine: string[], theirs: string[]): MergePart[] {
  const texts: Record<Side, string[]> = { mine, theirs };
  const pending = [...hunks(base, mine, 'mine'), ...hunks(base, theirs, 'theirs')].sort((x, y) => x.baseStart - y.baseStart);
  const parts: MergePart[] = [];
  let kept = 0;
  const keepTo = (end: number) => {
    if (end > kept) parts.push({ kind: 'kept', lines: base.slice(kept, end) });
  };

  while (pending.length > 0) {
    const region = [pending.shift()!];
    const start = region[0]!.baseStart;
    let end = region[0]!.baseEnd;
    while (pending.length > 0 && pending[0]!.baseStart <= end) {
      const next = pending.shift()!;
      end = Math.max(end, next.baseEnd);
      region.push(next);
    }
    keepTo(start);
    const replaced = base.slice(start, end);
    // Each side's text over the whole region: its hunks' span, widened by the base lines it left alone at either end.
    const span = (side: Side) => {
      const own = region.filter((h) => h.side === side);
      if (own.length === 0) return replaced;
      const from = Math.min(...own.map((h) => h.start)) - (Math.min(...own.map((h) => h.baseStart)) - start);
      const to = Math.max(...own.map((h) => h.end)) + (end - Math.max(...own.map((h) => h.baseEnd)));
      return texts[side].slice(from, to);
    };
    const sides = new Set(region.map((h) => h.side));
    if (sides.size === 1) {
      const by = region[0]!.side;
      parts.push({ kind: 'changed', by, lines: span(by), replaced });
    } else {
      const [ours, other] = [span('mine'), span('theirs')];
      parts.push(
        sameLines(ours, other)
          ? { kind: 'changed', by: 'both', lines: ours, replaced }
          : { kind: 'conflict', mine: ours, theirs: other, base: replaced },
      );
    }
    kept = end;
  }
  keepTo(base.length);
  return parts;
}

const lines = (text: string) => text.split('\n');

/** A description, line by line. */
export function mergeText(base: string, mine: string, theirs: string): MergePart[] {
  return mergeLines(lines(base), lines(mine), lines(theirs));
}

/** Tags as a set: a tag either side added is in, one either side removed is out; theirs' order first. */
export function mergeTags(base: string[], mine: string[], theirs: string[]): string[] {
  const removedByMine = base.filter((tag) => !mine.includes(tag));
  const addedByMine = mine.filter((tag) => !base.includes(tag) && !theirs.includes(tag));
  return [...theirs.filter((tag) => !removedByMine.includes(tag)), ...addedByMine];
}

/** The version an edit started from. Its title and description are null when unknown (no longer in the history). */
export interface NoteBase extends Omit<NoteContent, 'title' | 'description'> {
  title: string | null;
  description: string | null;
}

/** Merges a note field by field. */
export function mergeNote(base: NoteBase, mine: NoteContent, theirs: NoteContent): NoteMerge {
  return {
    // A title is one line: changed by both differently, it is a conflict.
    title: base.title === null ? unrelated([mine.title], [theirs.title]) : mergeLines([base.title], [mine.title], [theirs.title]),
    description:
      base.description === null
        ? unrelated(lines(mine.description), lines(theirs.description))
        : mergeText(base.description, mine.description, theirs.description),
    tags: mergeTags(base.tags, mine.tags, theirs.tags),
    archived: mine.archived !== base.archived ? mine.archived : theirs.archived,
  };
}

/** Without a base, two texts are the same or one conflict: a guessed base could quietly drop a line either side wrote. */
function unrelated(mine: string[], theirs: string[]): MergePart[] {
  return sameLines(mine, theirs) ? [{ kind: 'kept', lines: mine }] : [{ kind: 'conflict', mine, theirs, base: [] }];
}

export function conflictsOf(parts: MergePart[]): Conflict[] {
  return parts.filter((part): part is Conflict => part.kind === 'conflict');
}

export function isClean(merge: NoteMerge): boolean {
  return conflictsOf(merge.title).length === 0 && conflictsOf(merge.description).length === 0;
}

/** The merged text, each conflict settled by `choice`; null while one is not settled yet. */
export function resolvedText(parts: MergePart[], choice: (conflict: Conflict) => Side | undefined): string | null {
  const out: string[] = [];
  for (const part of parts) {
    if (part.kind !== 'conflict') {
      out.push(...part.lines);
      continue;
    }
    const side = choice(part);
    if (!side) return null;
    out.push(...part[side]);
  }
  return out.join('\n');
}

export interface ConflictLabels {
  mine: string;
  theirs: string;
}

/** The merged text with each conflict's two sides between markers, to settle by hand (the markers git writes). */
export function markedText(parts: MergePart[], labels: ConflictLabels): string {
  return parts
    .flatMap((part) =>
      part.kind === 'conflict'
        ? [`<<<<<<< ${labels.mine}`, ...part.mine, '=======', ...part.theirs, `>>>>>>> ${labels.theirs}`]
        : part.lines,
    )
    .join('\n');
}

/** A one-line field (the title) with its conflict marked: both sides, side by side in the one line. */
export function markedLine(parts: MergePart[], labels: ConflictLabels): string {
  return parts
    .flatMap((part) => (part.kind === 'conflict' ? [`${labels.mine}: ${part.mine.join(' ')} | ${labels.theirs}: ${part.theirs.join(' ')}`] : part.lines))
    .join(' ');
}
