import type * as TS from 'typescript';
import type { Position } from '../diagnostics.ts';
import { typescriptCompiler } from '../typescript-compiler.ts';

/**
 * A workflow file's syntax tree, parsed once for the three readers below (`sopkit check` asks
 * each of them of every machine: its parameter reads, its words, its scenarios' assumptions).
 * Kept for the sources of the last check, by their text.
 */
const parsed = new Map<string, TS.SourceFile>();
function parsedMachine(source: string): TS.SourceFile {
  let file = parsed.get(source);
  if (!file) {
    const ts = typescriptCompiler();
    if (parsed.size >= 64) parsed.clear();
    file = ts.createSourceFile('machine.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    parsed.set(source, file);
  }
  return file;
}

/** The functions of `runtime.ts` that name a parameter. */
const READERS = new Set(['param', 'paramText', 'paramMs', 'paramDays']);

/** A `param('id')` (or `paramText`, `paramMs`, `paramDays`) call in a workflow file. */
export interface MachineParamRef {
  id: string;
  /** Where the id is written. */
  at: Position;
}

/** Which parameters a workflow file reads, and where they act in the machine. */
export interface MachineParamUses {
  refs: MachineParamRef[];
  /** Parameter ids read inside each state's own object (its `meta`, `after`, inline guards), by state path. */
  states: Map<string, Set<string>>;
  /** Parameter ids each named guard reads, directly or through a constant. */
  guards: Map<string, Set<string>>;
  /** Parameter ids each named delay reads. */
  delays: Map<string, Set<string>>;
}

type Ts = typeof TS;

function nameOf(ts: Ts, p: TS.Node): string | undefined {
  if (!(ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isShorthandPropertyAssignment(p))) return undefined;
  const n = p.name;
  return ts.isIdentifier(n) || ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : undefined;
}

function objectOf(ts: Ts, node: TS.Node | undefined): TS.ObjectLiteralExpression | undefined {
  let n = node;
  while (n && (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isParenthesizedExpression(n))) n = n.expression;
  return n && ts.isObjectLiteralExpression(n) ? n : undefined;
}

function property(ts: Ts, obj: TS.ObjectLiteralExpression | undefined, key: string): TS.Node | undefined {
  const p = obj?.properties.find((q) => nameOf(ts, q) === key);
  return p && ts.isPropertyAssignment(p) ? p.initializer : undefined;
}

const add = (map: Map<string, Set<string>>, key: string, ids: Iterable<string>) => {
  const set = map.get(key) ?? new Set<string>();
  for (const id of ids) set.add(id);
  map.set(key, set);
};

/**
 * Reads a workflow file's source (never runs it) for the parameters it names: every
 * `param('id')` with its position, and where each acts: in a state's own object, in a named
 * guard or delay of `setup({...})`, or through a top-level constant (`const LATE = param('x')`)
 * that those use.
 * @param source The text of `workflows/<id>.machine.ts`.
 */
export function machineParamUses(source: string): MachineParamUses {
  const ts = typescriptCompiler();
  const file = parsedMachine(source);
  const pos = (node: TS.Node): Position => {
    const lc = file.getLineAndCharacterOfPosition(node.getStart(file));
    return { line: lc.line + 1, column: lc.character + 1 };
  };
  // Owners: state objects (by node), named guards and delays (by node), top-level constants.
  const stateOf = new Map<TS.Node, string>();
  const guardOf = new Map<TS.Node, string>();
  const delayOf = new Map<TS.Node, string>();
  const constOf = new Map<TS.Node, string>();
  const walkStates = (config: TS.ObjectLiteralExpression, prefix: string) => {
    for (const p of objectOf(ts, property(ts, config, 'states'))?.properties ?? []) {
      const key = nameOf(ts, p);
      const obj = key !== undefined && ts.isPropertyAssignment(p) ? objectOf(ts, p.initializer) : undefined;
      if (!obj || key === undefined) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      stateOf.set(obj, path);
      walkStates(obj, path);
    }
  };
  const visitOwners = (node: TS.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'setup') {
      const options = objectOf(ts, node.arguments[0]);
      for (const [kind, map] of [['guards', guardOf], ['delays', delayOf]] as const) {
        for (const p of objectOf(ts, property(ts, options, kind))?.properties ?? []) {
          const name = nameOf(ts, p);
          if (name !== undefined) map.set(p, name);
        }
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'createMachine') {
      const config = objectOf(ts, node.arguments[0]);
      if (config) walkStates(config, '');
    }
    if (ts.isVariableStatement(node) && node.parent === file) {
      for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) constOf.set(d, d.name.text);
    }
    ts.forEachChild(node, visitOwners);
  };
  visitOwners(file);

  type Owner = { kind: 'state' | 'guard' | 'delay' | 'const'; name: string } | undefined;
  const ownerOf = (node: TS.Node): Owner => {
    for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
      const state = stateOf.get(n);
      if (state !== undefined) return { kind: 'state', name: state };
      const guard = guardOf.get(n);
      if (guard !== undefined) return { kind: 'guard', name: guard };
      const delay = delayOf.get(n);
      if (delay !== undefined) return { kind: 'delay', name: delay };
      const constant = constOf.get(n);
      if (constant !== undefined) return { kind: 'const', name: constant };
    }
    return undefined;
  };

  const refs: MachineParamRef[] = [];
  const direct: { owner: Owner; ids: string[] }[] = [];
  const idents: { owner: Owner; name: string }[] = [];
  const visit = (node: TS.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && READERS.has(node.expression.text)) {
      const arg = node.arguments[0];
      if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) {
        refs.push({ id: arg.text, at: pos(arg) });
        direct.push({ owner: ownerOf(node), ids: [arg.text] });
      }
    } else if (ts.isIdentifier(node) && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node)) {
      idents.push({ owner: ownerOf(node), name: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  // Constants first (to a fixed point: a constant may be built from another), then the owners.
  const constants = new Map<string, Set<string>>();
  for (const { owner, ids } of direct) if (owner?.kind === 'const') add(constants, owner.name, ids);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { owner, name } of idents) {
      const ids = constants.get(name);
      if (owner?.kind !== 'const' || !ids || owner.name === name) continue;
      const before = constants.get(owner.name)?.size ?? 0;
      add(constants, owner.name, ids);
      if ((constants.get(owner.name)?.size ?? 0) !== before) changed = true;
    }
  }
  const uses: MachineParamUses = { refs, states: new Map(), guards: new Map(), delays: new Map() };
  const target = (owner: Owner) => (owner?.kind === 'state' ? uses.states : owner?.kind === 'guard' ? uses.guards : owner?.kind === 'delay' ? uses.delays : undefined);
  const reads = [...direct, ...idents.map(({ owner, name }) => ({ owner, ids: [...(constants.get(name) ?? [])] }))];
  for (const { owner, ids } of reads) {
    const map = target(owner);
    if (map && owner && ids.length) add(map, owner.name, ids);
  }
  return uses;
}

/** A piece of text written in a workflow file: a string, or the words of a template between its `${…}`. */
export interface MachineText {
  text: string;
  /** Where the string or template piece starts. */
  at: Position;
}

/**
 * The words a workflow file writes (never run): its strings and the literal parts of its
 * templates, which become time limits, titles, help and scenario text. Left out: import paths,
 * property names, the ids given to `param()` and its kin, and a scenario's `assumes` entries.
 * @param source The text of `workflows/<id>.machine.ts`.
 */
export function machineTexts(source: string): MachineText[] {
  const ts = typescriptCompiler();
  const file = parsedMachine(source);
  const out: MachineText[] = [];
  const push = (node: TS.Node, text: string) => {
    const lc = file.getLineAndCharacterOfPosition(node.getStart(file));
    if (/\d/.test(text)) out.push({ text, at: { line: lc.line + 1, column: lc.character + 1 } });
  };
  const visit = (node: TS.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const isName = (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node;
      const isId = ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && READERS.has(parent.expression.text);
      const isType = ts.isLiteralTypeNode(parent);
      // A scenario's `assumes` entries state values on purpose (`death-grace-period >= 248 days`).
      const isAssumption = ts.isArrayLiteralExpression(parent) && ts.isPropertyAssignment(parent.parent) && nameOf(ts, parent.parent) === 'assumes';
      if (!isName && !isId && !isType && !isAssumption) push(node, node.text);
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      push(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** One `assumes` entry of a workflow scenario, as written in the machine's source. */
export interface ScenarioAssumption {
  /** The scenario's id. */
  scenario: string;
  written: string;
  at: Position;
}

/**
 * The `assumes` entries of a workflow file's scenarios (objects with an `id` and `steps`), read
 * from its source (never run), each with where it is written.
 * @param source The text of `workflows/<id>.machine.ts`.
 */
export function scenarioAssumptions(source: string): ScenarioAssumption[] {
  const ts = typescriptCompiler();
  const file = parsedMachine(source);
  const out: ScenarioAssumption[] = [];
  const visit = (node: TS.Node) => {
    if (ts.isObjectLiteralExpression(node) && property(ts, node, 'steps')) {
      const id = property(ts, node, 'id');
      const list = property(ts, node, 'assumes');
      if (id && (ts.isStringLiteral(id) || ts.isNoSubstitutionTemplateLiteral(id)) && list && ts.isArrayLiteralExpression(list)) {
        for (const e of list.elements) {
          if (!ts.isStringLiteral(e) && !ts.isNoSubstitutionTemplateLiteral(e)) continue;
          const lc = file.getLineAndCharacterOfPosition(e.getStart(file));
          out.push({ scenario: id.text, written: e.text, at: { line: lc.line + 1, column: lc.character + 1 } });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}
