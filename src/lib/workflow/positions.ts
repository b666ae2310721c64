import type * as TS from 'typescript';
import type { Position } from '../diagnostics.ts';
import { typescriptCompiler } from '../typescript-compiler.ts';

/** Where things are written in a workflow file, so messages can say `workflows/x.machine.ts:41:5`. */
export interface SourcePositions {
  /** The key of each state, by state path (`adjudication.review`). */
  states: Map<string, Position>;
  /** The `id` of each scenario, and the `event` of each of its steps. */
  scenarios: Map<string, { at: Position; steps: Position[] }>;
  /** A position for anything else: the `createMachine` call, or the top of the file. */
  machine: Position;
}

type Ts = typeof TS;

/** The TypeScript compiler, loaded once; undefined when it is not installed. */
async function typescript(): Promise<Ts | undefined> {
  try {
    return typescriptCompiler();
  } catch {
    return undefined;
  }
}

function propertyName(ts: Ts, p: TS.ObjectLiteralElementLike): string | undefined {
  if (!ts.isPropertyAssignment(p) && !ts.isMethodDeclaration(p) && !ts.isShorthandPropertyAssignment(p)) return undefined;
  const name = p.name;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

function objectProperty(ts: Ts, obj: TS.ObjectLiteralExpression, key: string): TS.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(ts, p) === key) return p.initializer;
  }
  return undefined;
}

/** Strips `as const`, `satisfies X` and parentheses. */
function unwrap(ts: Ts, node: TS.Expression | undefined): TS.Expression | undefined {
  let n = node;
  while (n && (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isParenthesizedExpression(n))) n = n.expression;
  return n;
}

/**
 * Regex fallback when TypeScript is not installed: each key of a path is looked for after its
 * parent's key and before the parent's closing brace (braces counted, strings and comments not
 * understood), so `review.pending` is not found at `payment.pending`.
 */
function fallback(source: string, paths: readonly string[], scenarioIds: readonly string[]): SourcePositions {
  const at = (index: number): Position => {
    const before = source.slice(0, index);
    const line = before.split('\n').length;
    return { line, column: index - before.lastIndexOf('\n') };
  };
  /** Index just past the brace that closes the one at `open`. */
  const closing = (open: number): number => {
    let depth = 0;
    for (let i = open; i < source.length; i++) {
      if (source[i] === '{') depth++;
      else if (source[i] === '}' && --depth === 0) return i + 1;
    }
    return source.length;
  };
  const found = new Map<string, { index: number; end: number }>();
  const states = new Map<string, Position>();
  for (const path of paths) {
    const keys = path.split('.');
    let from = 0;
    let to = source.length;
    let prefix = '';
    for (const key of keys) {
      prefix = prefix ? `${prefix}.${key}` : key;
      let hit = found.get(prefix);
      if (!hit) {
        // Skip a match inside a sibling already found: `end` after `a: { states: { end: {} } }`.
        const parent = prefix.slice(0, Math.max(0, prefix.lastIndexOf('.')));
        const siblings = [...found].filter(([p]) => p.slice(0, Math.max(0, p.lastIndexOf('.'))) === parent && p.split('.').length === prefix.split('.').length).map(([, h]) => h);
        const re = new RegExp(`(^|[\\s{,])['"]?${key.replace(/[^\w-]/g, '\\$&')}['"]?\\s*:\\s*\\{`, 'gm');
        re.lastIndex = from;
        let m = re.exec(source);
        while (m && siblings.some((h) => m!.index > h.index && m!.index < h.end)) m = re.exec(source);
        if (!m || m.index >= to) break;
        const index = m.index + m[1]!.length;
        hit = { index, end: closing(m.index + m[0].length - 1) };
        found.set(prefix, hit);
      }
      [from, to] = [hit.index + 1, hit.end];
    }
    const hit = found.get(path);
    if (hit) states.set(path, at(hit.index));
  }
  const scenarios = new Map<string, { at: Position; steps: Position[] }>();
  for (const id of scenarioIds) {
    const i = source.search(new RegExp(`id:\\s*['"]${id.replace(/[^\w-]/g, '\\$&')}['"]`));
    if (i >= 0) scenarios.set(id, { at: at(i), steps: [] });
  }
  const call = source.indexOf('createMachine(');
  return { states, scenarios, machine: call >= 0 ? at(call) : { line: 1, column: 1 } };
}

/** The name of a call's function: `createMachine(...)`, `setup(...).createMachine(...)`, `xstate.createMachine(...)`. */
function calleeName(ts: Ts, call: TS.CallExpression): TS.Identifier | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name)) return callee.name;
  return undefined;
}

/**
 * Finds the positions of state keys and scenarios in a workflow file's source, with the
 * TypeScript parser (so comments, strings and nesting never confuse it). The machine's config
 * may be written in the `createMachine` call (of `setup(...)`, or imported from xstate) or in a
 * `const` of the same file, and so may any state's config (`states: { review }`,
 * `review: reviewState`, `createStateConfig({...})`).
 * @param source The file's text.
 * @param paths State paths to look for (used by the fallback).
 * @param scenarioIds Scenario ids to look for (used by the fallback).
 */
export async function sourcePositions(source: string, paths: readonly string[] = [], scenarioIds: readonly string[] = []): Promise<SourcePositions> {
  const ts = await typescript();
  if (!ts) return fallback(source, paths, scenarioIds);
  const file = ts.createSourceFile('machine.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const pos = (node: TS.Node): Position => {
    const lc = file.getLineAndCharacterOfPosition(node.getStart(file));
    return { line: lc.line + 1, column: lc.character + 1 };
  };
  const states = new Map<string, Position>();
  const scenarios = new Map<string, { at: Position; steps: Position[] }>();
  let machine: Position | undefined;

  // Top-level `const name = ...` of the file, so a config held in a variable can be followed.
  const constants = new Map<string, TS.Expression>();
  const collect = (node: TS.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) constants.set(node.name.text, node.initializer);
    ts.forEachChild(node, collect);
  };
  collect(file);
  /** An expression as an object literal: through `as`/`satisfies`, a variable, or `createStateConfig({...})`. */
  const objectOf = (expr: TS.Expression | undefined, seen = new Set<string>()): TS.ObjectLiteralExpression | undefined => {
    const e = unwrap(ts, expr);
    if (!e) return undefined;
    if (ts.isObjectLiteralExpression(e)) return e;
    if (ts.isIdentifier(e) && !seen.has(e.text)) return objectOf(constants.get(e.text), seen.add(e.text));
    if (ts.isCallExpression(e) && calleeName(ts, e)?.text === 'createStateConfig') return objectOf(e.arguments[0], seen);
    return undefined;
  };

  const walkStates = (config: TS.ObjectLiteralExpression, prefix: string) => {
    const statesObj = objectOf(objectProperty(ts, config, 'states'));
    if (!statesObj) return;
    for (const p of statesObj.properties) {
      const key = propertyName(ts, p);
      if (key === undefined) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      states.set(path, pos(p));
      const child = ts.isPropertyAssignment(p) ? objectOf(p.initializer) : ts.isShorthandPropertyAssignment(p) ? objectOf(p.name) : undefined;
      if (child) walkStates(child, path);
    }
  };
  const readScenarios = (list: TS.ArrayLiteralExpression) => {
    for (const element of list.elements) {
      const obj = unwrap(ts, element);
      if (!obj || !ts.isObjectLiteralExpression(obj)) continue;
      const id = unwrap(ts, objectProperty(ts, obj, 'id'));
      if (!id || !(ts.isStringLiteral(id) || ts.isNoSubstitutionTemplateLiteral(id))) continue;
      const steps = unwrap(ts, objectProperty(ts, obj, 'steps'));
      const stepPositions = steps && ts.isArrayLiteralExpression(steps) ? steps.elements.map((e) => pos(e)) : [];
      scenarios.set(id.text, { at: pos(id), steps: stepPositions });
    }
  };
  const visit = (node: TS.Node) => {
    const name = ts.isCallExpression(node) ? calleeName(ts, node) : undefined;
    if (name?.text === 'createMachine' && ts.isCallExpression(node)) {
      const config = objectOf(node.arguments[0]);
      machine ??= pos(name);
      if (config) walkStates(config, '');
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === 'scenarios') {
      const init = unwrap(ts, node.initializer);
      if (init && ts.isArrayLiteralExpression(init)) readScenarios(init);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const found: SourcePositions = { states, scenarios, machine: machine ?? { line: 1, column: 1 } };
  // A machine built by helper functions has no literal states: fall back to the text search.
  if (paths.some((p) => !states.has(p)) || scenarioIds.some((id) => !scenarios.has(id))) {
    const rough = fallback(source, paths, scenarioIds);
    for (const [k, v] of rough.states) if (!states.has(k)) states.set(k, v);
    for (const [k, v] of rough.scenarios) if (!scenarios.has(k)) scenarios.set(k, v);
  }
  return found;
}
