#!/usr/bin/env node
/**
 * service-review command line. Exit codes: 0 ok, 1 data or config problem, 2 usage.
 * Errors print as messages; a stack trace means a bug in this tool, and says so.
 */
import { errorLines, ReviewError, UsageError } from '../lib/errors.ts';
import { buildCommand } from './build-command.ts';
import { checkCommand } from './check-command.ts';
import type { Command } from './cli-support.ts';
import { toolVersion } from './cli-support.ts';
import { diffCommand } from './diff-command.ts';
import { exportRollupsCommand } from './export-rollups-command.ts';
import { newCommand } from './new-command.ts';
import { pdfCommand } from './pdf-command.ts';
import { publishCommand } from './publish-command.ts';
import { sqlCommand } from './sql-command.ts';
import { statusCommand } from './status-command.ts';
import { verifyCommand } from './verify-command.ts';

export const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  build: buildCommand,
  publish: publishCommand,
  diff: diffCommand,
  status: statusCommand,
  new: newCommand,
  verify: verifyCommand,
  'export-rollups': exportRollupsCommand,
  sql: sqlCommand,
  pdf: pdfCommand,
};

function mainUsage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(15)} ${c.summary}`);
  return [
    'usage: service-review <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    "Run `service-review <command> --help` for a command's options.",
  ].join('\n');
}

export async function main(argv: string[], out = console.log, err = console.error): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(mainUsage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    out(toolVersion());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`unknown command "${name}"\n\n${mainUsage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(command.usage);
    return 0;
  }
  try {
    return await command.run({ args: rest, out, err });
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n\n${command.usage}`);
      return 2;
    }
    if (e instanceof ReviewError) {
      for (const line of errorLines(e)) err(line);
      return e.exitCode;
    }
    if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      err(`${e.message}\n\n${command.usage}`);
      return 2;
    }
    err('internal error (a bug in service-review; please report it with this trace):');
    err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 70;
  }
}

import { realpathSync } from 'node:fs';

// Run only as the entry point, so tests can import `main`.
if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
