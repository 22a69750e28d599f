/**
 * Names a commentary's code uses that its page does not provide: `{foo}` or `{figures.x}` in the
 * body, `limit={n}` on a tag, or a name in its own `export const …` line. MDX compiles each as
 * written, so such a name fails the page only when it is rendered (`foo is not defined`).
 *
 * A page's MDX module gives its body's expressions the content function's `props` (our pages pass
 * only `components`: PeriodReview.astro) and Astro's `frontmatter` export; the file's own import and
 * export lines add the names they declare (at module level, where neither is in scope);
 * JavaScript's built-ins are everywhere. Anything else is unknown. Each expression is parsed by the
 * compiler Astro's MDX uses (satteri: its syntax tree, estree) and its scopes read by periscopic,
 * so a name an arrow function or a `const` inside the expression declares is known there.
 * A component tag inside an expression (`{x && <Chart />}`) is the component check's.
 */
import { analyze } from 'periscopic';
import { defineHastPlugin, type EstreeProgram, type MdastNode, mdxToJs } from 'satteri';
import { closestName } from '../util/did-you-mean.ts';

/** What every expression of the body may use besides the file's own declarations. */
const PAGE_NAMES = ['frontmatter', 'props'];
/**
 * The file's import and export lines run at module level: no `props` there, and Astro declares
 * `frontmatter` after them (`frontmatter is not initialized` while they run), so neither is known there.
 */
const MODULE_NAMES: string[] = [];
/** The global values ECMAScript (and ECMA-402: Intl) defines. Not Node's: a page must not read the machine. */
const BUILT_INS = new Set([
  'globalThis',
  'Infinity',
  'NaN',
  'undefined',
  'eval',
  'isFinite',
  'isNaN',
  'parseFloat',
  'parseInt',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'AggregateError',
  'Array',
  'ArrayBuffer',
  'Atomics',
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'Boolean',
  'DataView',
  'Error',
  'EvalError',
  'FinalizationRegistry',
  'Float32Array',
  'Float64Array',
  'Function',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Intl',
  'Iterator',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'Promise',
  'Proxy',
  'RangeError',
  'ReferenceError',
  'Reflect',
  'RegExp',
  'Set',
  'SharedArrayBuffer',
  'String',
  'Symbol',
  'SyntaxError',
  'TypeError',
  'Uint8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
  'URIError',
  'WeakMap',
  'WeakRef',
  'WeakSet',
]);

/**
 * Built-ins that read the machine the site is built on: a page using one would read differently on
 * each build (the same inputs must give byte-identical pages), so each is a problem of its own.
 */
const MACHINE_READING: Record<string, string> = {
  Date: 'reads the clock of the machine that builds the site, so the page would change with the day it is built; write the date out',
};

/** `Math.random`, the one built-in's member that reads the machine (its generator): where the code uses it, as byte offsets. */
function randomUses(program: EstreeProgram, mathIsGlobal: boolean): number[] {
  if (!mathIsGlobal) return [];
  const at: number[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const n = node as {
      type?: string;
      object?: { type?: string; name?: string };
      property?: { type?: string; name?: string; value?: unknown };
      computed?: boolean;
      start?: number;
    };
    if (
      n.type === 'MemberExpression' &&
      n.object?.type === 'Identifier' &&
      n.object.name === 'Math' &&
      (n.computed ? n.property?.value === 'random' : n.property?.name === 'random')
    )
      at.push(n.start ?? 0);
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'range') visit(value);
  };
  visit(program);
  return at;
}

/**
 * A piece of code in the file: its text as the compiler gives it, and the offset in the file where it
 * starts (a spread attribute's `...rest` is parsed as the object `{...rest}`, from its brace).
 */
interface Code {
  kind: 'esm' | 'expression' | 'spread';
  value: string;
  start: number;
}

interface Node {
  type: string;
  name?: unknown;
  value?: unknown;
  position?: { start: { offset?: number }; end: { offset?: number } };
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
}

/** Every import/export block, body expression and attribute expression of a parsed file, in the order of the file. */
function codeOf(tree: MdastNode, source: string): Code[] {
  const out: Code[] = [];
  const visit = (node: Node) => {
    const start = node.position?.start.offset;
    if (start !== undefined && typeof node.value === 'string') {
      if (node.type === 'mdxjsEsm') out.push({ kind: 'esm', value: node.value, start });
      // The value is what lies between the braces.
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')
        out.push({ kind: 'expression', value: node.value, start: start + 1 });
    }
    if (start !== undefined && node.attributes) {
      // The compiler gives an attribute no place: it is found in the tag's text, after the one before it.
      const end = node.position?.end.offset ?? source.length;
      let cursor = start + 1 + (typeof node.name === 'string' ? node.name.length : 0);
      for (const a of node.attributes) {
        const value = typeof a.value === 'string' ? a.value : (a.value as { value?: unknown } | null | undefined)?.value;
        const isCode = a.type === 'mdxJsxExpressionAttribute' || (a.value !== null && typeof a.value === 'object');
        if (a.name !== undefined) {
          const named = source.indexOf(a.name, cursor);
          if (named >= 0 && named < end) cursor = named + a.name.length;
        }
        if (!isCode || typeof value !== 'string') continue;
        const brace = source.indexOf('{', cursor);
        const found = brace >= 0 && brace < end;
        const spread = a.type === 'mdxJsxExpressionAttribute';
        out.push({ kind: spread ? 'spread' : 'expression', value, start: found ? brace + (spread ? 0 : 1) : start });
        cursor = found ? brace + 1 + value.length : cursor;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as Node);
  return out;
}

/**
 * The syntax tree of one piece of code, parsed by satteri, with the text it was parsed from (the
 * compiler's, which may lack some indentation); an error message (`line:col: why`, in the piece)
 * when it does not compile.
 */
function parse(code: Code): { program: EstreeProgram | null; text: string } | { error: string } {
  let program: EstreeProgram | null = null;
  let text = code.value;
  const take = (node: { value: string; parseExpression(): EstreeProgram | null }) => {
    program = node.parseExpression();
    text = node.value;
  };
  const plugin = defineHastPlugin({
    name: 'service-review:commentary-names',
    mdxjsEsm: take,
    mdxFlowExpression: take,
    mdxTextExpression: take,
  });
  try {
    const wrapped = { esm: code.value, expression: `{${code.value}}`, spread: `{{${code.value}}}` }[code.kind];
    mdxToJs(`${wrapped}\n`, { hastPlugins: [plugin] });
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0] as string };
  }
  return { program, text };
}

/** Names a module-level declaration of the file gives (`export const share = …`, `import X from …`). */
function declaredNames(program: EstreeProgram): string[] {
  return [...analyze(program as Parameters<typeof analyze>[0]).scope.declarations.keys()];
}

/** The file's offset of a place in a piece of code: a UTF-8 byte offset of the compiler's text of it. */
function placeIn(source: string, code: Code, text: string, byteOffset: number): { line: number; col: number } {
  const before = Buffer.from(text).subarray(0, byteOffset).toString();
  const codeLines = before.split('\n');
  const startLine = source.slice(0, code.start).split('\n').length;
  const startCol = code.start - source.lastIndexOf('\n', code.start - 1);
  if (codeLines.length === 1) return { line: startLine, col: startCol + before.length };
  // Past the first line the compiler drops the indentation of the lines (a list item's, a paragraph's):
  // the line of the code is found in the file's line.
  const line = startLine + codeLines.length - 1;
  const fileLine = source.split('\n')[line - 1] ?? '';
  const codeLine = (text.split('\n')[codeLines.length - 1] ?? '').trimEnd();
  const shift = Math.max(0, fileLine.indexOf(codeLine));
  return { line, col: shift + (codeLines[codeLines.length - 1] as string).length + 1 };
}

/**
 * Every name the file's code uses that its page does not provide, and every piece of its code that
 * does not compile, each with the file's line and column:
 * `content/reviews/2026-10.mdx:7:7: {foo}: unknown name "foo"; valid: frontmatter, props, share and JavaScript's built-ins`.
 * @param tree the file parsed by satteri's mdxToMdast (with positions)
 * @param source the text it was parsed from (no byte-order mark)
 * @returns the problems with the offset of each in the file, for ordering
 */
export function unknownNameProblems(file: string, tree: MdastNode, source: string): Array<{ at: number; message: string }> {
  const code = codeOf(tree, source).map((c) => ({ code: c, parsed: parse(c) }));
  const own = code.flatMap(({ code: c, parsed }) =>
    c.kind === 'esm' && 'program' in parsed && parsed.program ? declaredNames(parsed.program) : [],
  );
  const problems: Array<{ at: number; message: string }> = [];
  for (const { code: c, parsed } of code) {
    const where = (line: number, col: number) => `${file}:${line}:${col}`;
    if ('error' in parsed) {
      const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(parsed.error);
      const inCode = m ? { line: Number(m[1]), col: Number(m[2]) } : { line: 1, col: 1 };
      const first = placeIn(source, c, c.value, 0);
      // In the compiled text an expression starts after its brace: one column to the right on its first line.
      const col = inCode.line === 1 ? first.col + inCode.col - (c.kind === 'esm' ? 1 : 2) : inCode.col;
      problems.push({ at: c.start, message: `${where(first.line + inCode.line - 1, col)}: ${m ? m[3] : parsed.error}` });
      continue;
    }
    if (!parsed.program) continue; // a comment, or nothing between the braces
    const known = c.kind === 'esm' ? [...MODULE_NAMES, ...own] : [...PAGE_NAMES, ...own];
    const { globals } = analyze(parsed.program as Parameters<typeof analyze>[0]);
    for (const byte of randomUses(parsed.program, globals.has('Math'))) {
      const p = placeIn(source, c, parsed.text, byte);
      problems.push({
        at: c.start + Buffer.from(parsed.text).subarray(0, byte).toString().length,
        message: `${where(p.line, p.col)}: Math.random gives another number on each build, so the page would change with every build; write the number out`,
      });
    }
    for (const [name, node] of globals) {
      if (known.includes(name) || BUILT_INS.has(name)) continue;
      const byte = (node as { start?: number }).start ?? 0;
      const p = placeIn(source, c, parsed.text, byte);
      const at = c.start + Buffer.from(parsed.text).subarray(0, byte).toString().length;
      const reads = MACHINE_READING[name];
      if (reads !== undefined) {
        problems.push({ at, message: `${where(p.line, p.col)}: ${name} ${reads}` });
        continue;
      }
      const near = closestName(name, known);
      const text = c.value.replace(/\s+/g, ' ').trim();
      const shown = c.kind === 'esm' ? name : `{${text.length > 40 ? `${text.slice(0, 39)}…` : text}}`;
      const valid = [...new Set(known)].sort().join(', ');
      problems.push({
        at,
        message: `${where(p.line, p.col)}: ${shown}: unknown name "${name}"; ${near ? `did you mean ${near}?` : `valid: ${valid} and JavaScript's built-ins`}`,
      });
    }
  }
  return problems;
}
