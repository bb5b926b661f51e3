import { describe, expect, it } from 'vitest';
import { lineChanges } from '@/lineDiff';

describe('line changes', () => {
  it('says which lines one text adds and removes against another', () => {
    expect(lineChanges('a\nb\nc', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', lines: ['a'] },
      { kind: 'removed', lines: ['b'] },
      { kind: 'added', lines: ['B'] },
      { kind: 'same', lines: ['c'] },
      { kind: 'added', lines: ['d'] },
    ]);
  });

  it('has nothing to show for equal texts but the text', () => {
    expect(lineChanges('x\ny', 'x\ny')).toEqual([{ kind: 'same', lines: ['x', 'y'] }]);
  });

  it('keeps blank lines', () => {
    expect(lineChanges('a', 'a\n\nb')).toEqual([
      { kind: 'same', lines: ['a'] },
      { kind: 'added', lines: ['', 'b'] },
    ]);
  });
});
