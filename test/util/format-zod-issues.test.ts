import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatIssues, keysAt } from '../../src/lib/util/format-zod-issues.ts';

describe('keysAt: the keys an object of a schema takes at a path', () => {
  const schema = z.object({
    review: z.object({ name: z.string(), timeZone: z.string().default('UTC') }).optional(),
    sources: z.array(z.object({ id: z.string(), asOf: z.string().optional() })).default([]),
    labels: z.record(z.string(), z.object({ en: z.string() })),
    either: z.union([z.object({ a: z.number() }), z.object({ b: z.number() })]),
    text: z.string(),
  });
  it('walks objects, wrappers, arrays, records and unions (the doc example first)', () => {
    expect(keysAt(z.object({ review: z.object({ name: z.string(), timeZone: z.string() }) }), ['review'])).toEqual(['name', 'timeZone']);
    expect(keysAt(schema, [])).toEqual(['review', 'sources', 'labels', 'either', 'text']);
    expect(keysAt(schema, ['review'])).toEqual(['name', 'timeZone']);
    expect(keysAt(schema, ['sources', 3])).toEqual(['id', 'asOf']);
    expect(keysAt(schema, ['labels', 'anything'])).toEqual(['en']);
    expect(keysAt(schema, ['either'])).toEqual(['a', 'b']);
  });
  it('is null where no object is', () => {
    expect(keysAt(schema, ['text'])).toBeNull();
    expect(keysAt(schema, ['nowhere'])).toBeNull();
    expect(keysAt(schema, ['sources', 'x'])).toBeNull();
  });
});

describe('formatIssues on unknown keys', () => {
  const schema = z.strictObject({ timeZone: z.string().optional(), name: z.string() });
  const issues = (raw: unknown) => {
    const r = schema.safeParse(raw);
    if (r.success) throw new Error('expected problems');
    return formatIssues(r.error.issues, raw, schema);
  };
  it('names the nearest key, or lists them, or says only what it found without the schema', () => {
    expect(issues({ timezone: 'UTC', name: 'R' })).toEqual(['(top level): unknown key "timezone"; did you mean timeZone?']);
    expect(issues({ timeZone: 'UTC', name: 'R', colour: 1 })).toEqual([
      '(top level): unknown key "colour" (expected one of timeZone, name)',
    ]);
    const r = schema.safeParse({ timeZone: 'UTC', name: 'R', colour: 1 });
    expect(r.success ? [] : formatIssues(r.error.issues, {})).toEqual(['(top level): unknown key "colour"']);
  });
});
