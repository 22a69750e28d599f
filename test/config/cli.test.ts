import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.ts';
import { runCli } from '../helpers/run-cli.ts';

const run = runCli;

describe('command line', () => {
  it('lists every command', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['check', 'build', 'publish', 'diff', 'status', 'new']) expect(r.out).toContain(name);
  });

  it('has --help on every command, exit 0, starting with its usage line', async () => {
    for (const name of Object.keys(COMMANDS)) {
      const r = await run([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.out, name).toMatch(new RegExp(`^usage: service-review ${name}`));
    }
  });

  it('exits 2 on usage errors, with the usage', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['publish'])).code).toBe(2);
    expect((await run(['publish', 'October'])).err).toContain('publish needs one period like 2026-10');
    expect((await run(['new', '2026-13'])).code).toBe(2);
    expect((await run(['status', '--require-data', 'soon'])).code).toBe(2);
  });
});
