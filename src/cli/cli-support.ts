import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from '../lib/errors.ts';

export interface CommandContext {
  args: string[];
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface Command {
  summary: string;
  usage: string;
  run(ctx: CommandContext): Promise<number>;
}

/** The tool's version, from package.json; written into every snapshot. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Parses a command's options, turning parseArgs failures into usage errors (exit 2). */
export function parseCommandArgs<const T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
