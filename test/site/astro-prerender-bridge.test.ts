/**
 * What the site build relies on in Astro beyond its documented behaviour (listed in
 * src/lib/site/astro-prerender-bridge.ts), checked against the installed Astro: a small project
 * (test/fixtures/astro-bridge/) is built twice, by Astro's own writer and through the bridge, and
 * the two sites must be the same files with the same bytes. When this fails after an Astro
 * upgrade, the message names the installed version and what changed; fix the bridge (and its
 * header), then ASTRO_VERSION_CHECKED.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AstroInlineConfig, AstroIntegration } from 'astro';
import { build } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASTRO_VERSION_CHECKED,
  inWorkingDir,
  publicFiles,
  type RouteOutput,
  tapPrerenderer,
} from '../../src/lib/site/astro-prerender-bridge.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INSTALLED = (createRequire(import.meta.url)('astro/package.json') as { version: string }).version;
const WHO = `Astro ${INSTALLED} (src/lib/site/astro-prerender-bridge.ts was checked against ${ASTRO_VERSION_CHECKED})`;
const BASE = '/sub/';

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(path.join(dir, prefix))) return [];
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)],
  );
}

describe(`the Astro behaviour the site build relies on (${WHO})`, () => {
  // The project must sit under the tool's folder: Astro's bundle of its pages imports Astro's dependencies by name.
  mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  const root = mkdtempSync(path.join(ROOT, 'test-output', 'astro-bridge-'));
  const outputs: RouteOutput[] = [];
  const warnings: string[] = [];
  let bundleInOutDir: boolean | null = null;
  /** (6) Whether a file left in each outDir before its build was still there after it. */
  const leftFileKept = { astro: false, bridge: false };

  const config = (outDir: string, integrations: AstroIntegration[]): AstroInlineConfig => ({
    configFile: false,
    root,
    outDir: path.join(root, outDir),
    cacheDir: path.join(root, 'cache'),
    base: BASE,
    trailingSlash: 'always',
    build: { format: 'directory' },
    redirects: { '/old/': '/' },
    integrations,
    logLevel: 'silent',
    vite: { cacheDir: path.join(root, 'cache/vite'), logLevel: 'silent' },
  });

  const bridge: AstroIntegration = {
    name: 'bridge-under-test',
    hooks: {
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer((astro) => {
          const { prerenderer } = tapPrerenderer(astro, {
            base: BASE,
            directoryFormat: true,
            publicFiles: publicFiles(path.join(root, 'public')),
            // Astro's logger, keeping the warnings for the test.
            logger: Object.assign(Object.create(logger) as typeof logger, { warn: (m: string) => void warnings.push(m) }),
            order: (paths) => paths,
            onOutput: (o) => outputs.push(o),
          });
          return {
            ...prerenderer,
            setup: async () => {
              // (5) By now Astro has bundled the pages' code; it must be inside outDir.
              bundleInOutDir = existsSync(path.join(root, 'out-bridge/.prerender'));
              await prerenderer.setup?.();
            },
          };
        });
      },
    },
  };

  beforeAll(async () => {
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    cpSync(path.join(ROOT, 'test/fixtures/astro-bridge'), root, { recursive: true });
    for (const out of ['out-astro', 'out-bridge']) {
      mkdirSync(path.join(root, out), { recursive: true });
      writeFileSync(path.join(root, out, 'left-before.txt'), 'from before the build\n');
    }
    await inWorkingDir(root, async () => {
      await build(config('out-astro', []));
      // (6) As the site integration builds: Astro does not empty outDir.
      const bridged = config('out-bridge', [bridge]);
      await build({ ...bridged, vite: { ...bridged.vite, build: { emptyOutDir: false } } });
    });
    leftFileKept.astro = existsSync(path.join(root, 'out-astro/left-before.txt'));
    leftFileKept.bridge = existsSync(path.join(root, 'out-bridge/left-before.txt'));
    rmSync(path.join(root, 'out-bridge/left-before.txt'), { force: true });
    // What the site's writer threads would write: the files the bridge took from Astro.
    for (const o of outputs) {
      if (o.file === null || o.bytes === null) continue;
      const file = path.join(root, 'out-taken', o.file);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, o.bytes);
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('(1, 2) Astro writes nothing for a route handed back without a body, and the bridge places each file where Astro would', () => {
    const astro = listFiles(path.join(root, 'out-astro')).sort();
    const left = listFiles(path.join(root, 'out-bridge')).sort();
    const taken = listFiles(path.join(root, 'out-taken')).sort();
    expect(
      taken.filter((f) => left.includes(f)),
      `${WHO}: Astro wrote files the bridge had taken (an empty body no longer means no file)`,
    ).toEqual([]);
    expect([...left, ...taken].sort(), `${WHO}: the sites differ in their files (Astro places files elsewhere now)`).toEqual(astro);
    for (const f of astro) {
      const from = taken.includes(f) ? 'out-taken' : 'out-bridge';
      expect(readFileSync(path.join(root, from, f)).equals(readFileSync(path.join(root, 'out-astro', f))), `${WHO}: ${f} differs`).toBe(
        true,
      );
    }
    // The routes the site writes itself were taken; what Astro places specially was left to it.
    expect(taken).toEqual(expect.arrayContaining(['index.html', 'notes/a/index.html', 'notes/café/index.html', 'data/x.csv']));
    expect(left).toEqual(expect.arrayContaining(['404.html', 'old/index.html', 'robots.txt']));
  });

  it('(3) a route’s path below the base path is read from the request Astro renders it with', () => {
    const paths = outputs.map((o) => o.path).sort();
    expect(paths, `${WHO}: the request URLs changed`).toEqual(
      ['/', '/404/', '/data/x.csv', '/data/y.csv', '/empty.txt', '/notes/a/', '/notes/café/', '/old/', '/robots.txt'].sort(),
    );
    expect(outputs.filter((o) => o.page).map((o) => o.path)).not.toContain('/data/x.csv');
  });

  it('(4) a route shadowed by a file of public/ is skipped with a warning, as Astro skips it', () => {
    expect(readFileSync(path.join(root, 'out-bridge/robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    expect(warnings.join('\n')).toContain('public/ has a file of the same name: /robots.txt');
  });

  it('(6) Astro empties outDir at the start of its bundling, unless vite.build.emptyOutDir is false', () => {
    expect(leftFileKept.astro, `${WHO}: a file left in outDir survived Astro's build`).toBe(false);
    expect(leftFileKept.bridge, `${WHO}: with vite.build.emptyOutDir false, Astro still emptied outDir`).toBe(true);
  });

  it('(5) Astro bundles the pages’ code inside outDir when the build runs from a folder that holds it', () => {
    expect(bundleInOutDir, `${WHO}: the prerender bundle is no longer in <outDir>/.prerender/`).toBe(true);
    expect(existsSync(path.join(root, 'out-bridge/.prerender')), `${WHO}: Astro left its prerender bundle in outDir`).toBe(false);
  });
});
