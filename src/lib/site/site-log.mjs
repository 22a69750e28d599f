// @ts-check
/**
 * Astro's log in a site build (Astro's `logger` option: site-config.ts): Astro's own console
 * output, without the stack traces it prints with an error. An error in a build is most often the
 * analyst's (a misspelt service in a commentary's <Figure>, and its message names the file), and
 * a stack trace reads as a crash of the tool. With --verbose the traces stay. A JavaScript file,
 * because Astro loads the logger by itself, outside Vite.
 */
import nodeLog from 'astro/logger/node';

/**
 * @param {{ level?: import('astro').AstroLoggerLevel, stacks?: boolean }} [config]
 * @returns {import('astro').AstroLoggerDestination}
 */
export default function siteLog(config = {}) {
  const node = nodeLog({ level: config.level ?? 'info' });
  return {
    write(event) {
      node.write(config.stacks ? event : { ...event, message: withoutStack(event.message) });
    },
  };
}

/**
 * A message without the lines of a stack trace ("    at …").
 * @param {string} message
 */
export function withoutStack(message) {
  return message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n');
}
