/**
 * Renders the config reference (docs/config.md) from the zod schema, so the documentation
 * cannot drift from what is validated: a test compares the file with this output.
 */
import { z } from 'zod';
import { reviewConfigSchema } from './config-schema.ts';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${v === '\t' ? '\\t' : String(v)}\``).join(' \\| ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
  if (s.type === 'array') {
    if (s.prefixItems) return `[${s.prefixItems.map(typeOf).join(', ')}]`;
    return `list of ${s.items && !Array.isArray(s.items) ? typeOf(s.items) : 'values'}`;
  }
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties)
    return `map of ${typeOf(s.additionalProperties)}`;
  if (s.type === 'number' && s.minimum === 0 && s.maximum === 1) return 'ratio 0–1';
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'value');
}

function rows(s: JsonSchema, path: string, required: boolean, out: string[]): void {
  const isList = s.type === 'array' && s.items && !Array.isArray(s.items) && s.items.type === 'object';
  const fmtDefault = s.default === undefined ? '' : `\`${JSON.stringify(s.default)}\``;
  if (path) {
    const desc = (s.description ?? (isList && !Array.isArray(s.items) ? s.items?.description : '') ?? '').replace(/\|/g, '\\|');
    out.push(
      `| \`${path}\` | ${isList ? 'list' : typeOf(s)} | ${required && s.default === undefined ? 'yes' : ''} | ${fmtDefault} | ${desc} |`,
    );
  }
  const obj = isList && !Array.isArray(s.items) ? s.items : s;
  if (obj?.type === 'object' && obj.properties) {
    for (const [key, child] of Object.entries(obj.properties)) {
      rows(child, `${path}${isList ? '[]' : ''}${path ? '.' : ''}${key}`, obj.required?.includes(key) ?? false, out);
    }
  }
}

/** The Markdown reference of every config key. */
export function renderConfigReference(): string {
  const schema = z.toJSONSchema(reviewConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const out = [
    '# Configuration reference',
    '',
    '<!-- Generated from src/lib/config/config-schema.ts by `npm run docs:config`; a test keeps it in step. Do not edit by hand. -->',
    '',
    'The review is configured by one YAML file, `review.config.yaml` at the project root (another file with `--config FILE`).',
    'Globs in `sources[].files` are relative to the folder of the config file. A bad config is reported all at once, one',
    'line per problem with the path of the value, e.g. `services[2].target: expected a number between 0 and 1, got "99.9%"`.',
    '',
    'Durations are written `30m`, `4h`, `1h30m` or `2d` (for business-time targets, hours of business time: `16h` is two',
    '8-hour working days). Ratios are numbers between 0 and 1: `0.999` means 99.9 %.',
    '',
    '| key | type | required | default | meaning |',
    '| --- | --- | --- | --- | --- |',
  ];
  rows(schema, '', true, out);
  return `${out.join('\n')}\n`;
}
