/**
 * Which Chromium prints the meeting pack (`review pdf`): REVIEW_CHROMIUM when set, else Debian's
 * /usr/bin/chromium, else the first of the usual names on PATH. playwright-core drives it and
 * downloads no browser of its own, so without one the command says how to get one, in one line.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Executable names looked for on PATH, in order (Debian, Ubuntu and older distributions, Google's builds). */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'] as const;

/** Chromium's options for printing: headless, offline, no first-run work (as the browser tests run it). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const;

/** Whether a path is an executable file (the default test of findChromium). */
export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export type ChromiumFound = { path: string } | { path: null; looked: string[] };

/**
 * The Chromium to print with, or where it was looked for.
 * @example
 * findChromium({ REVIEW_CHROMIUM: '/opt/chrome/chrome' }, () => true) // { path: '/opt/chrome/chrome' }
 * findChromium({ PATH: '/bin' }, () => false).path // null
 */
export function findChromium(env: NodeJS.ProcessEnv, executable: (file: string) => boolean = isExecutable): ChromiumFound {
  const looked: string[] = [];
  // Set on purpose: used as given, or reported; never passed over for another browser.
  if (env.REVIEW_CHROMIUM) {
    return executable(env.REVIEW_CHROMIUM)
      ? { path: env.REVIEW_CHROMIUM }
      : { path: null, looked: [`REVIEW_CHROMIUM=${env.REVIEW_CHROMIUM}`] };
  }
  const candidates = ['/usr/bin/chromium'];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) candidates.push(path.join(dir, name));
  }
  for (const c of candidates) {
    if (executable(c)) return { path: c };
    looked.push(c);
  }
  return { path: null, looked };
}

/** The one-line message for no Chromium found. */
export function noChromiumMessage(env: NodeJS.ProcessEnv): string {
  if (env.REVIEW_CHROMIUM) {
    return `REVIEW_CHROMIUM is ${env.REVIEW_CHROMIUM}, which is not an executable file: point it at a Chrome or Chromium executable`;
  }
  return `no Chromium found (REVIEW_CHROMIUM is not set; looked for /usr/bin/chromium and ${CHROMIUM_NAMES.join(', ')} on PATH): install one (Debian: apt-get install chromium) or set REVIEW_CHROMIUM to a Chrome or Chromium executable`;
}
