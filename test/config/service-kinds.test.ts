/**
 * Config rules of issue #15: availability settings only for monitored services, priority schemes
 * per ticket source, optional priorities without tickets, headline targets, unknownServices.
 */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/lib/config/load-config.ts';
import { resolveRules } from '../../src/lib/config/resolve-rules.ts';
import { problemsOf } from '../helpers/config-problems.ts';

const review = { name: 'R' };
const desk = { id: 'desk', name: 'Desk', owner: 'Team' };
const api = { id: 'api', name: 'API', owner: 'Team', target: 0.999, latencyThresholdMs: 300 };
const level = (id: string, words: string[], sources?: string[]) => ({
  id,
  name: id,
  words,
  response: '1h',
  resolution: '1d',
  ...(sources ? { sources } : {}),
});

describe('monitored services', () => {
  it('a tickets-only review needs no availability settings, and one without tickets no priorities', () => {
    expect(
      problemsOf({ review, services: [desk], priorities: [level('p1', ['P1'])], sources: [{ id: 't', kind: 'tickets', files: 'x.csv' }] }),
    ).toEqual([]);
    expect(problemsOf({ review, services: [api], sources: [{ id: 'm', kind: 'checks', files: 'x.csv' }] })).toEqual([]);
    const rules = resolveRules(
      validateConfig({ review, services: [desk, api], sources: [{ id: 'm', kind: 'checks', files: 'x.csv' }] }),
    ).forMonth('2026-01');
    expect(rules.services.map((s) => s.id)).toEqual(['api']);
    expect(rules.serviceNames.map((s) => s.id)).toEqual(['desk', 'api']);
    expect(rules.priorities).toEqual([]);
  });

  it('names each problem: half the settings, checks for a service without them, a checks source with no monitored service', () => {
    expect(
      problemsOf({
        review,
        services: [
          { ...desk, target: 0.99 },
          { id: 'db', name: 'DB', owner: 'T', latencyThresholdMs: 100 },
        ],
        sources: [{ id: 'm', kind: 'checks', files: 'x.csv' }],
      }),
    ).toEqual([
      'services[0].latencyThresholdMs: a monitored service needs both target and latencyThresholdMs (give both, or neither for a service without checks) (missing)',
      'services[1].target: a monitored service needs both target and latencyThresholdMs (give both, or neither for a service without checks) (missing)',
      'sources[0].kind: a checks source needs a monitored service: give a service target and latencyThresholdMs, got "checks"',
    ]);
    expect(
      problemsOf({ review, services: [desk, api], sources: [{ id: 'm', kind: 'checks', files: 'x.csv', defaultService: 'desk' }] }),
    ).toEqual([
      'sources[0].defaultService: service "desk" takes checks from this source but has no availability target: give it target and latencyThresholdMs, got "desk"',
    ]);
  });
});

describe('priority schemes', () => {
  const sources = [
    { id: 'sn', kind: 'tickets', files: 'a.csv' },
    { id: 'city', kind: 'tickets', files: 'b.csv' },
  ];
  it('lets two schemes share a word when their sources differ, and resolves each level with its sources', () => {
    const cfg = validateConfig({
      review,
      services: [desk],
      priorities: [level('p2', ['High'], ['sn']), level('tree', ['High'], ['city'])],
      sources,
    });
    expect(
      resolveRules(cfg)
        .forMonth('2026-01')
        .priorities.map((p) => [p.id, p.sources]),
    ).toEqual([
      ['p2', ['sn']],
      ['tree', ['city']],
    ]);
  });

  it('refuses a word shared by levels whose sources overlap, an unknown source, and a ticket source without levels', () => {
    expect(
      problemsOf({
        review,
        services: [desk],
        priorities: [level('p2', ['High'], ['sn']), level('p3', ['High']), level('x', ['X'], ['nope'])],
        sources,
      }),
    ).toEqual([
      'priorities[1].words[0]: priority word "High" is also claimed by priorities[0] (words); a word can mean one level only, got "High"',
      'priorities[2].sources[0]: no ticket source with id "nope", got "nope"',
    ]);
    expect(problemsOf({ review, services: [desk], priorities: [level('p2', ['High'], ['sn'])], sources })).toEqual([
      'sources[1].kind: ticket source "city" has no priority level: add priorities (with sources: [city]), got "tickets"',
    ]);
  });
});

describe('targets and unknownServices', () => {
  it('defaults to no targets and to accepting unknown services; targets are date-effective', () => {
    const base = { review, services: [desk], priorities: [level('p1', ['P1'])], sources: [{ id: 't', kind: 'tickets', files: 'x.csv' }] };
    const plain = validateConfig(base);
    expect(plain.review.unknownServices).toBe('accept');
    expect(resolveRules(plain).forMonth('2026-01').targets).toEqual({
      responseAttainment: null,
      resolutionAttainment: null,
      csat: null,
      nps: null,
    });
    const cfg = validateConfig({
      ...base,
      targets: { resolutionAttainment: 0.9, nps: 30, changes: [{ from: '2026-07', resolutionAttainment: 0.95 }] },
    });
    const book = resolveRules(cfg);
    expect(book.forMonth('2026-06').targets).toEqual({ responseAttainment: null, resolutionAttainment: 0.9, csat: null, nps: 30 });
    expect(book.forMonth('2026-07').targets.resolutionAttainment).toBe(0.95);
    expect(problemsOf({ ...base, targets: { nps: 120 } })).toEqual(['targets.nps: expected a number from -100 to 100, got 120']);
  });
});
