/**
 * An incident's or a change's row is anchored by its exported id; ids are whatever the export
 * wrote, and an HTML id with white space is invalid (and the row cannot be linked to).
 * Found by an audit planting hostile ids (a masked address and a space in an incident id).
 */
import { describe, expect, it } from 'vitest';
import { recordAnchor } from '../../src/lib/site/site-links.ts';

describe('recordAnchor', () => {
  it('keeps a plain id as it is', () => {
    expect(recordAnchor('incident', 'INC0012')).toBe('incident-INC0012');
    expect(recordAnchor('change', 'CHG-0023')).toBe('change-CHG-0023');
  });

  it('reads each run of white space (tabs, no-break and ideographic spaces too) as one underscore', () => {
    expect(recordAnchor('incident', 'INC 9901 [email]')).toBe('incident-INC_9901_[email]');
    expect(recordAnchor('change', 'CHG\t\u00a0\u3000 7')).toBe('change-CHG_7');
  });

  it('gives an id with no white space for any id (a valid HTML id)', () => {
    for (const id of ['a b', ' lead', 'trail ', 'x\ny', '中 文', '\u2028x']) expect(recordAnchor('incident', id)).not.toMatch(/\s/);
  });
});
