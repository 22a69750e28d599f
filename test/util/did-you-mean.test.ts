/**
 * The "did you mean" suggestion of config messages: an edit distance (insertions, deletions,
 * substitutions and swaps of two neighbouring characters, each costing 1) and the nearest of a
 * list of names when it is near enough to be a slip of the keyboard.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../src/lib/util/did-you-mean.ts';
import { assertProperty } from '../helpers/property.ts';

/** Plain Levenshtein distance (no swaps), the textbook recurrence over code points: an independent upper bound. */
function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length] as number;
}

describe('editDistance', () => {
  it.each([
    // kitten → sitten (k→s) → sittin (e→i) → sitting (+g)
    ['kitten', 'sitting', 3],
    // one swap of neighbours, not two substitutions
    ['stauts', 'status', 1],
    ['ca', 'ac', 1],
    // firstRespons + e + M + s
    ['firstRespons', 'firstResponseMs', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['same', 'same', 0],
    // case counts here (closestName folds it)
    ['Up', 'up', 1],
    // characters, not UTF-16 units: one astral character is one edit
    ['张三', '张四', 1],
    ['a𝒳b', 'ab', 1],
  ])('%s → %s is %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  const word = fc.string({ maxLength: 10, unit: fc.constantFrom('a', 'b', 'c', 'M', '张', '𝒳') });

  it('is symmetric, zero exactly between equal texts, and between the length difference and Levenshtein', () => {
    assertProperty(
      fc.property(word, word, (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeGreaterThanOrEqual(Math.abs([...a].length - [...b].length));
        expect(d).toBeLessThanOrEqual(levenshtein(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('is at most 1 after one insertion, deletion, substitution or swap', () => {
    const edit = fc.tuple(word, fc.nat(), fc.constantFrom('insert', 'delete', 'substitute', 'swap'), fc.constantFrom('a', 'z', '张'));
    assertProperty(
      fc.property(edit, ([a, at, how, ch]) => {
        const cs = [...a];
        const i = cs.length === 0 ? 0 : at % cs.length;
        if (how === 'insert') cs.splice(i, 0, ch);
        else if (how === 'delete') cs.splice(i, 1);
        else if (how === 'substitute') cs.splice(i, 1, ch);
        else if (i + 1 < cs.length) [cs[i], cs[i + 1]] = [cs[i + 1] as string, cs[i] as string];
        expect(editDistance(a, cs.join(''))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('closestName', () => {
  const ticketFields = ['id', 'createdMs', 'firstResponseMs', 'resolvedMs', 'priority', 'category', 'service', 'title', 'status'];

  it.each([
    ['firstRespons', 'firstResponseMs'],
    ['stauts', 'status'],
    // case and separators are not the slip: a header-style name finds its field
    ['FirstResponseMs', 'firstResponseMs'],
    ['first_response', 'firstResponseMs'],
    ['created', 'createdMs'],
    ['priorty', 'priority'],
    ['catgeory', 'category'],
  ])('%s → %s', (word, expected) => expect(closestName(word, ticketFields)).toBe(expected));

  it.each([
    // nothing near: no guess
    ['owner'],
    ['csat'],
    ['x'],
    [''],
  ])('%s → none', (word) => expect(closestName(word, ticketFields)).toBeNull());

  it('takes short names as short: one edit in up to five characters, two in six to eight', () => {
    expect(closestName('upp', ['up', 'degraded', 'down'])).toBe('up');
    expect(closestName('dwn', ['up', 'degraded', 'down'])).toBe('down');
    // 2 edits in a 4-character name is half of it: not a slip
    expect(closestName('time', ['id', 'tide'])).toBe('tide');
    expect(closestName('tm', ['timeMs'])).toBeNull();
    expect(closestName('time', ['timeMs'])).toBe('timeMs');
    expect(closestName('degarded', ['up', 'degraded', 'down'])).toBe('degraded');
  });

  it('prefers the first of equally near names', () => {
    expect(closestName('ab', ['ac', 'bb'])).toBe('ac');
    expect(closestName('ab', ['bb', 'ac'])).toBe('bb');
  });

  it('never suggests a name farther than a third of the longer of the two (at least 1)', () => {
    const name = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'd', 'M', '_') });
    assertProperty(
      fc.property(name, fc.array(name, { maxLength: 6 }), (word, names) => {
        const got = closestName(word, names);
        const fold = (s: string) => s.toLowerCase().replace(/[_\s-]/g, '');
        if (got === null) {
          // none near enough: every name is farther than its allowance
          for (const n of names)
            expect(editDistance(fold(word), fold(n))).toBeGreaterThan(
              Math.max(1, Math.floor(Math.max(fold(word).length, fold(n).length) / 3)),
            );
          return;
        }
        expect(names).toContain(got);
        const allowed = (n: string) => Math.max(1, Math.floor(Math.max(fold(word).length, fold(n).length) / 3));
        const d = editDistance(fold(word), fold(got));
        expect(d).toBeLessThanOrEqual(allowed(got));
        // the nearest of the names near enough (a nearer name may be too far for its own length)
        for (const n of names)
          if (editDistance(fold(word), fold(n)) <= allowed(n)) expect(editDistance(fold(word), fold(n))).toBeGreaterThanOrEqual(d);
      }),
      { numRuns: 1000 },
    );
  });
});
