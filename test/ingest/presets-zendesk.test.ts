/**
 * The zendesk preset on a small hand-written export in test/fixtures/presets/zendesk/ with the
 * columns of Zendesk Support's CSV ticket export (Summation column, Id, …, Created at, Solved at,
 * Reopens, First reply time in minutes, …). The source maps Group to the service itself, over
 * the preset.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config/load-config.ts';
import { type IngestResult, ingestSources } from '../../src/lib/ingest/ingest-sources.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/presets');
const utc = (iso: string) => Date.parse(iso);

describe('zendesk preset on a hand-written Zendesk export', () => {
  let result: IngestResult;
  beforeAll(async () => {
    result = await ingestSources(loadConfig(path.join(FIXTURES, 'zendesk.config.yaml')), FIXTURES, { info() {} });
  });

  it('accounts for every row', () => {
    const [f] = result.files;
    expect([f?.rows, f?.accepted, f?.rejected, f?.duplicates]).toEqual([7, 4, 3, 0]);
    expect(f?.rejects).toEqual([
      // 4815: no priority set (Zendesk leaves it empty until an agent sets one).
      { line: 6, column: 14, field: 'Priority', value: null, reason: 'required priority is empty' },
      // 4816: Solved, but Solved at is empty.
      { line: 7, column: 23, field: 'Solved at', value: null, reason: 'status "Solved" means resolved, but the resolved time is empty' },
      // 4817: a hand-edited minutes cell.
      {
        line: 8,
        column: 30,
        field: 'First reply time in minutes',
        value: 'forty',
        reason: 'expected minutes after creation (0 or more), got "forty"',
      },
    ]);
    // The minutes column stands for firstResponseMs, so the review reports response figures for this source.
    expect(f?.fields).toContain('firstResponseMs');
  });

  it('derives the first response from "First reply time in minutes" after Created at', () => {
    const byId = new Map(result.tickets.map((t) => [t.id, t]));
    // 4811: Created at 2026-11-02 09:05:12 New York (EST, UTC−5; DST ended 1 November) → 14:05:12Z;
    // first reply 18 minutes later → 14:23:12Z; Solved at 10:47:40 → 15:47:40Z.
    expect(byId.get('4811')).toEqual({
      source: 'zendesk',
      id: '4811',
      createdMs: utc('2026-11-02T14:05:12Z'),
      firstResponseMs: utc('2026-11-02T14:23:12Z'),
      resolvedMs: utc('2026-11-02T15:47:40Z'),
      priority: 'p2',
      category: 'Incident',
      service: 'support',
      title: 'Cannot reset my password',
      status: 'Solved',
      reopened: false,
      sourceOnTime: null,
      sourceDeadlineMs: null,
    });
    // 4812: Closed, reopened once, Billing group.
    expect(byId.get('4812')).toMatchObject({ status: 'Closed', reopened: true, service: 'billing', priority: 'p3' });
    // 4814: open, not replied to yet.
    expect(byId.get('4814')).toMatchObject({ firstResponseMs: null, resolvedMs: null, priority: 'p1' });
  });
});
