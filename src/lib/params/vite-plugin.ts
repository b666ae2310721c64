import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { layout } from '../content/project.ts';
import { parametersFile } from './load.ts';
import { runtimePayloadFor } from './payload.ts';
import type { RuntimeParameters } from './runtime.ts';

const CALL = /\bparam(?:Text|Ms|Days)?\s*\(/g;
const LITERAL_CALL = /\bparam(?:Text|Ms|Days)?\s*\(\s*(['"`])([^'"`$\\]+)\1\s*[,)]/g;

/** `content/<lang>/parameters.yaml` of each folder of `content/` that has one. */
function translatedParameterFiles(root: string): string[] {
  const content = join(root, 'content');
  if (!existsSync(content)) return [];
  return readdirSync(content, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(content, e.name, 'parameters.yaml'))
    .filter((file) => existsSync(file));
}

/** The script files under the workflows folder, at any depth (a machine may import a helper). */
function workflowScripts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:[cm]?[jt]s)$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/**
 * The parameters the workflow files name, read from their source: every `param('id')`,
 * `paramText('id')`, `paramMs('id')` and `paramDays('id')` with a written id. Undefined when a call's id is
 * computed (`param(name)`): then the browser gets every value.
 */
export function workflowParamIds(files: readonly string[]): Set<string> | undefined {
  const ids = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const literal = [...source.matchAll(LITERAL_CALL)];
    if (literal.length !== [...source.matchAll(CALL)].length) return undefined;
    for (const m of literal) ids.add(m[2]!);
  }
  return ids;
}

/**
 * The values the browser bundle carries: those the machines name (the simulator is the only
 * browser code that reads them). Every parameter, with its text in each UI language, weighed
 * 2.9 kB gzipped on each SOP page, where the machines of the sample pack read 111 of 181.
 */
export function browserPayload(payload: RuntimeParameters, ids: Set<string> | undefined): RuntimeParameters {
  if (!ids) return payload;
  return { language: payload.language, values: Object.fromEntries(Object.entries(payload.values).filter(([id]) => ids.has(id))) };
}

/** The module the browser bundle gets in place of `runtime-source.ts`. */
const SOURCE = /[\\/]src[\\/]lib[\\/]params[\\/]runtime-source\.ts(?:\?.*)?$/;

/**
 * Gives the browser bundle the parameter values as data: `runtime-source.ts` (which reads the
 * YAML file in Node) loads as `export function initialParameters() { return {...} }`, built from
 * content/parameters.yaml (and the translations' nouns) when the bundle is made. The files are watched, so the dev server
 * follows edits; so are the workflow files, whose `param('id')` calls choose the values it
 * carries. The project root is SOPKIT_ROOT (set by the check integration from Astro's
 * `config.root`), else Vite's root.
 */
export function parametersForBrowser(): Plugin {
  let root: string | undefined;
  return {
    name: 'sopkit:parameters',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    load(id, options) {
      if (options?.ssr || !SOURCE.test(id)) return null;
      const projectRoot = process.env.SOPKIT_ROOT ?? root ?? process.cwd();
      this.addWatchFile(join(projectRoot, parametersFile));
      // A translation's parameters file gives a count its noun in that language (`loadParameters`).
      for (const file of translatedParameterFiles(projectRoot)) this.addWatchFile(file);
      const scripts = workflowScripts(join(projectRoot, layout.workflows));
      for (const file of scripts) this.addWatchFile(file);
      const payload = browserPayload(runtimePayloadFor(projectRoot), workflowParamIds(scripts));
      return `export function initialParameters() { return ${JSON.stringify(payload)}; }\n`;
    },
  };
}
