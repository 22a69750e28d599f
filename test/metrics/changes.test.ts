/**
 * Change figures (issue #18): change success rate, emergency-change share and changes followed by
 * an outage of their service. Every expected value is counted by hand from the records in the test.
 */
import { describe, expect, it } from 'vitest';
import {
  type ChangeSpan,
  changeSpan,
  changeSuccessRate,
  changesFollowedByOutage,
  emergencyChangeShare,
} from '../../src/lib/metrics/index.ts';

const H = 3_600_000;
const M = 60_000;
const at = (iso: string) => Date.parse(`${iso}Z`);
const change = (c: Partial<ChangeSpan>): ChangeSpan => ({
  service: 'web',
  plannedStartMs: null,
  plannedEndMs: null,
  actualStartMs: null,
  actualEndMs: null,
  ...c,
});

describe('changeSuccessRate', () => {
  it('successful / closed, leaving out changes not closed', () => {
    // 3 successful, 1 failed, 1 rolled back, 2 not closed: 3 / 5 = 0.6.
    const outcomes = ['successful', 'failed', 'successful', null, 'rolled-back', 'successful', null] as const;
    expect(changeSuccessRate(outcomes.map((outcome) => ({ outcome })))).toEqual({
      closed: 5,
      successful: 3,
      failed: 1,
      rolledBack: 1,
      rate: 0.6,
    });
  });

  it('has no rate for an empty period or one with no closed change', () => {
    expect(changeSuccessRate([])).toEqual({ closed: 0, successful: 0, failed: 0, rolledBack: 0, rate: null });
    expect(changeSuccessRate([{ outcome: null }]).rate).toBeNull();
  });
});

describe('emergencyChangeShare', () => {
  it('emergency / all changes, whatever their outcome', () => {
    // 2 emergency of 8: 0.25.
    const types = ['normal', 'emergency', 'standard', 'standard', 'normal', 'emergency', 'standard', 'normal'] as const;
    expect(emergencyChangeShare(types.map((type) => ({ type })))).toEqual({ changes: 8, emergency: 2, share: 0.25 });
  });

  it('has no share for an empty period', () => {
    expect(emergencyChangeShare([])).toEqual({ changes: 0, emergency: 0, share: null });
  });
});

describe('changesFollowedByOutage', () => {
  const window = 24 * H;

  it('flags an outage starting after the change, within the window after its end, across midnight', () => {
    // Change 2026-09-10 21:00–22:20 (actual); the outage starts 23:50 and runs past midnight to 00:40.
    const c = change({ actualStartMs: at('2026-09-10T21:00'), actualEndMs: at('2026-09-10T22:20') });
    const outages = [{ service: 'web', startMs: at('2026-09-10T23:50'), endMs: at('2026-09-11T00:40') }];
    expect(changesFollowedByOutage([c], outages, window)).toEqual([[0]]);
    // With a 1 h window the outage (1 h 30 min after the end) is too late.
    expect(changesFollowedByOutage([c], outages, H)).toEqual([[]]);
  });

  it('uses the planned times of a change with no actual times', () => {
    // Planned 2026-10-07 20:00–20:30, never carried out: still judged on its plan.
    const c = change({ plannedStartMs: at('2026-10-07T20:00'), plannedEndMs: at('2026-10-07T20:30') });
    expect(changeSpan(c)).toEqual({ startMs: at('2026-10-07T20:00'), endMs: at('2026-10-07T20:30') });
    const outages = [
      { service: 'web', startMs: at('2026-10-07T19:00'), endMs: at('2026-10-07T19:30') }, // before the change: no
      { service: 'web', startMs: at('2026-10-08T20:30'), endMs: at('2026-10-08T21:00') }, // end + 24 h exactly: at the bound counts
      { service: 'web', startMs: at('2026-10-08T20:31'), endMs: at('2026-10-08T21:00') }, // a minute later: no
    ];
    expect(changesFollowedByOutage([c], outages, window)).toEqual([[1]]);
  });

  it('does not flag a change in a maintenance window whose down time was maintenance, only an outage after it', () => {
    // Change 02:05–02:40 inside the 02:00–02:45 window: the services were down then, but that time is
    // maintenance, so the outage list (from the checks, maintenance excluded) has nothing then. A real
    // outage at 09:00 the same day is within 24 h of the change's end.
    const c = change({
      plannedStartMs: at('2026-09-06T02:00'),
      plannedEndMs: at('2026-09-06T02:45'),
      actualStartMs: at('2026-09-06T02:05'),
      actualEndMs: at('2026-09-06T02:40'),
    });
    expect(changesFollowedByOutage([c], [], window)).toEqual([[]]);
    expect(
      changesFollowedByOutage([c], [{ service: 'web', startMs: at('2026-09-06T09:00'), endMs: at('2026-09-06T09:20') }], window),
    ).toEqual([[0]]);
  });

  it('leaves out outages already running, of other services, and changes naming no service', () => {
    const c = change({ actualStartMs: at('2026-09-01T10:00'), actualEndMs: at('2026-09-01T11:00') });
    const outages = [
      { service: 'web', startMs: at('2026-09-01T09:50'), endMs: at('2026-09-01T10:30') }, // began before the change
      { service: 'api', startMs: at('2026-09-01T10:30'), endMs: at('2026-09-01T10:40') }, // another service
      { service: 'web', startMs: at('2026-09-01T10:00'), endMs: at('2026-09-01T10:05') }, // at the change's start: counts
    ];
    expect(changesFollowedByOutage([c, { ...c, service: null }], outages, window)).toEqual([[2], []]);
  });

  it('ends a change begun after its planned end no earlier than its start, and one in progress at its planned end', () => {
    // Planned 10:00–11:00, begun late at 12:00 with no actual end: judged from 12:00 to 12:00.
    const late = change({
      plannedStartMs: at('2026-09-01T10:00'),
      plannedEndMs: at('2026-09-01T11:00'),
      actualStartMs: at('2026-09-01T12:00'),
    });
    expect(changeSpan(late)).toEqual({ startMs: at('2026-09-01T12:00'), endMs: at('2026-09-01T12:00') });
    expect(changeSpan(change({}))).toBeNull();
    expect(
      changesFollowedByOutage([late], [{ service: 'web', startMs: at('2026-09-01T12:00') + 30 * M, endMs: at('2026-09-01T13:00') }], H),
    ).toEqual([[0]]);
  });

  it('flags nothing in an empty period', () => {
    expect(changesFollowedByOutage([], [{ service: 'web', startMs: 0, endMs: 1 }], window)).toEqual([]);
  });
});
