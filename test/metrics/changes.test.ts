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

// Spec "Changes": "A change is a possible cause of an outage of the same service that starts within
// the window (default 2 h) after the change started". So the window runs from the change's start
// (actual, else planned); when the change ended plays no part.
describe('changesFollowedByOutage', () => {
  const window = 2 * H;

  it('flags an outage starting within the window after the change started, the bound included, across midnight', () => {
    // Change 2026-09-10 23:00–23:20 (actual); the outage starts 01:00 the next day (start + 2 h exactly) and runs to 01:40.
    const c = change({ actualStartMs: at('2026-09-10T23:00'), actualEndMs: at('2026-09-10T23:20') });
    const outages = [
      { service: 'web', startMs: at('2026-09-11T01:00'), endMs: at('2026-09-11T01:40') }, // start + 2 h: counts
      { service: 'web', startMs: at('2026-09-11T01:01'), endMs: at('2026-09-11T01:20') }, // start + 2 h 1 min: no
    ];
    expect(changesFollowedByOutage([c], outages, window)).toEqual([[0]]);
    // With a 1 h window neither (both start 2 h or more after 23:00).
    expect(changesFollowedByOutage([c], outages, H)).toEqual([[]]);
  });

  it('counts the window from the start, not the end: an outage soon after a long change’s end is not flagged', () => {
    // Change 08:00–14:00 (actual). Outage at 09:30 (1 h 30 min after the start): flagged. Outage at 14:10, 10 min after
    // the end but 6 h 10 min after the start: not flagged (the earlier rule, end + window, flagged it).
    const c = change({ actualStartMs: at('2026-09-01T08:00'), actualEndMs: at('2026-09-01T14:00') });
    const outages = [
      { service: 'web', startMs: at('2026-09-01T09:30'), endMs: at('2026-09-01T09:40') },
      { service: 'web', startMs: at('2026-09-01T14:10'), endMs: at('2026-09-01T14:30') },
    ];
    expect(changesFollowedByOutage([c], outages, window)).toEqual([[0]]);
    // A 24 h window reaches 08:00 the next day: both.
    expect(changesFollowedByOutage([c], outages, 24 * H)).toEqual([[0, 1]]);
  });

  it('uses the planned start of a change with no actual times', () => {
    // Planned 2026-10-07 20:00–20:30, never carried out: still judged on its plan.
    const c = change({ plannedStartMs: at('2026-10-07T20:00'), plannedEndMs: at('2026-10-07T20:30') });
    expect(changeSpan(c)).toEqual({ startMs: at('2026-10-07T20:00'), endMs: at('2026-10-07T20:30') });
    const outages = [
      { service: 'web', startMs: at('2026-10-07T19:00'), endMs: at('2026-10-07T19:30') }, // before the change: no
      { service: 'web', startMs: at('2026-10-07T22:00'), endMs: at('2026-10-07T22:30') }, // start + 2 h exactly: at the bound counts
      { service: 'web', startMs: at('2026-10-07T22:01'), endMs: at('2026-10-07T22:30') }, // a minute later: no
    ];
    expect(changesFollowedByOutage([c], outages, window)).toEqual([[1]]);
  });

  it('does not flag a change in a maintenance window whose down time was maintenance, only an outage after it', () => {
    // Change 02:05–02:40 inside the 02:00–02:45 window: the services were down then, but that time is
    // maintenance, so the outage list (from the checks, maintenance excluded) has nothing then. A real
    // outage at 03:30 the same day is 1 h 25 min after the change's start.
    const c = change({
      plannedStartMs: at('2026-09-06T02:00'),
      plannedEndMs: at('2026-09-06T02:45'),
      actualStartMs: at('2026-09-06T02:05'),
      actualEndMs: at('2026-09-06T02:40'),
    });
    expect(changesFollowedByOutage([c], [], window)).toEqual([[]]);
    expect(
      changesFollowedByOutage([c], [{ service: 'web', startMs: at('2026-09-06T03:30'), endMs: at('2026-09-06T03:50') }], window),
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

  it('judges a change begun after its planned end from its actual start', () => {
    // Planned 10:00–11:00, begun late at 12:00 with no actual end: its start is 12:00, its end no earlier.
    const late = change({
      plannedStartMs: at('2026-09-01T10:00'),
      plannedEndMs: at('2026-09-01T11:00'),
      actualStartMs: at('2026-09-01T12:00'),
    });
    expect(changeSpan(late)).toEqual({ startMs: at('2026-09-01T12:00'), endMs: at('2026-09-01T12:00') });
    expect(changeSpan(change({}))).toBeNull();
    const outages = [
      { service: 'web', startMs: at('2026-09-01T11:30'), endMs: at('2026-09-01T11:40') }, // after the planned start, before the actual: no
      { service: 'web', startMs: at('2026-09-01T12:00') + 30 * M, endMs: at('2026-09-01T13:00') }, // 30 min after the actual start
    ];
    expect(changesFollowedByOutage([late], outages, H)).toEqual([[1]]);
  });

  it('flags nothing in an empty period', () => {
    expect(changesFollowedByOutage([], [{ service: 'web', startMs: 0, endMs: 1 }], window)).toEqual([]);
  });
});
