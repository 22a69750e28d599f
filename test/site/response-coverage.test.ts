/**
 * The note on which tickets the first-response figures cover (snapshot tickets.responseCoverage),
 * in both languages: the ticket table, the tickets page and the method page show it.
 */
import { describe, expect, it } from 'vitest';
import { responseCoverageNote } from '../../src/lib/site/response-coverage.ts';

describe('responseCoverageNote', () => {
  const coverage = { recorded: ['desk', 'zendesk'], without: ['legacy'] };

  it('names the sources the response figures cover and those they leave out, in English and Chinese', () => {
    expect(responseCoverageNote(coverage, 'en')).toBe(
      'First-response figures cover the tickets of desk, zendesk only: the exports of legacy record no first responses, so those tickets are judged on resolution alone.',
    );
    expect(responseCoverageNote(coverage, 'zh-CN')).toBe(
      '首次响应指标仅涵盖 desk、zendesk 的工单：legacy 的导出未记录首次响应，这些工单只按解决时限评判。',
    );
  });

  it('is no sentence where the snapshot has no coverage (every ticket source records responses, or none does)', () => {
    expect(responseCoverageNote(undefined, 'en')).toBeNull();
    expect(responseCoverageNote(undefined, 'zh-CN')).toBeNull();
  });
});
