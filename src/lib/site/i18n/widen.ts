/**
 * A dictionary's shape from its English: every text widened to string, every message kept as a
 * function of the same parameters. en.ts's Dictionary and the page groups (groups/*.zh-CN.ts) use
 * it, so a Chinese group missing a key, or with a message of other parameters, fails the type check.
 */
export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };
