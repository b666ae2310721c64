// The CLI compiled to JavaScript, made once and reused: registering tsx and transforming src/ on
// every run cost more than most commands' own work. `compiledCli(root)` returns the folder of a
// copy of src/ in which every .ts file is plain JavaScript (.js beside the same relative paths),
// made with esbuild into .sopkit-cache/cli/<key>/ under the installation. The key is a hash of
// every file copied or compiled (path and bytes), this file and esbuild's version: any edit under
// src/ makes a new copy on the next run, so a stale copy is never run. Plain JavaScript (this
// runs before any TypeScript loader).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';

/** Files of src/ the copy holds: TypeScript is compiled, the rest copied (workers, JSON). */
const COMPILED = /\.(?:ts|mts)$/;
const COPIED = /\.(?:mjs|cjs|js|json)$/;
/** Copies kept besides the current one (a command still running may be using one). */
const KEEP = 2;

/**
 * Files under src/ that the copy holds, as paths relative to the root with `/`, in name order.
 * @param {string} root The installation (where src/ is).
 * @returns {string[]}
 */
export function cliSources(root) {
  const files = [];
  const walk = (rel) => {
    const entries = readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !entry.name.endsWith('.d.ts') && (COMPILED.test(entry.name) || COPIED.test(entry.name))) files.push(path);
    }
  };
  walk('src');
  return files;
}

/**
 * The key of a copy: the same sources, compiler and compile rules give the same key.
 * @param {string} root The installation.
 * @param {string[]} files `cliSources(root)`.
 */
export function cliKey(root, files) {
  const hash = createHash('sha256');
  hash.update(readFileSync(new URL(import.meta.url))).update(`\0esbuild ${esbuildVersion(root)}`);
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

function esbuildVersion(root) {
  return JSON.parse(readFileSync(createRequire(join(root, 'package.json')).resolve('esbuild/package.json'), 'utf8')).version;
}

/**
 * Rewrites the relative names of compiled files in a module's text (`'./x.ts'`, in imports, in
 * `new URL('./x.ts', import.meta.url)`) to their compiled names (`'./x.js'`). Only a quoted
 * `./` or `../` name of a file that is compiled changes.
 * @param {string} text The module's JavaScript.
 * @param {string} file Its source path relative to the root (`src/cli/main.ts`).
 * @param {Set<string>} compiled Source paths that are compiled.
 */
export function renameImports(text, file, compiled) {
  return text.replace(/(['"`])(\.\.?\/[^'"`\n]*?)\.(m?)ts\1/g, (whole, quote, stem, m) => {
    const target = posix.normalize(posix.join(posix.dirname(file), `${stem}.${m}ts`));
    return compiled.has(target) ? `${quote}${stem}.${m}js${quote}` : whole;
  });
}

/**
 * Gives each static import of a JSON file the import attribute Node requires (tsx and Vite
 * import JSON without one): `import en from "./en.json";` → `... with { type: "json" };`.
 * @param {string} text The module's JavaScript, as esbuild wrote it.
 */
export function withJsonType(text) {
  return text.replace(/^(import [^;\n]+ from "[^"\n]+\.json");$/gm, '$1 with { type: "json" };');
}

/**
 * Compiles the sources into a new folder (one esbuild call, no bundling: each file stays a
 * module at its own path, so `import.meta.url`, workers and lazy imports work as from source).
 * @param {string} root The installation.
 * @param {string[]} files `cliSources(root)`.
 * @param {string} dir The folder to write.
 */
export async function compileCli(root, files, dir) {
  const { build } = await import('esbuild');
  const compiled = new Set(files.filter((f) => COMPILED.test(f)));
  const result = await build({
    absWorkingDir: root,
    entryPoints: [...compiled],
    outbase: '.',
    outdir: dir,
    outExtension: { '.js': '.js' },
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    // What the project's tsconfig.json sets (through astro/tsconfigs/strict), spelled out so that
    // a pack's own tsconfig.json cannot change how the CLI compiles.
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true, target: 'ESNext' } },
    write: false,
    logLevel: 'silent',
  });
  for (const out of result.outputFiles) {
    mkdirSync(dirname(out.path), { recursive: true });
    const rel = posix.relative(dir.split('\\').join('/'), out.path.split('\\').join('/'));
    const source = rel.replace(/\.(m?)js$/, '.$1ts');
    writeFileSync(out.path, withJsonType(renameImports(out.text, source, compiled)));
  }
  for (const file of files.filter((f) => !compiled.has(f))) {
    const to = join(dir, file);
    mkdirSync(dirname(to), { recursive: true });
    const text = readFileSync(join(root, file), 'utf8');
    writeFileSync(to, file.endsWith('.json') ? text : renameImports(text, file, compiled));
  }
}

/**
 * The folder of the compiled CLI for the sources as they are now, made when missing.
 * @param {string} root The installation (where src/ and node_modules/ are).
 * @returns {Promise<string>} The folder; its `src/cli/main.js` is the CLI.
 * @throws when it cannot be made (a read-only installation, a source esbuild cannot compile).
 */
export async function compiledCli(root) {
  const files = cliSources(root);
  const base = join(root, '.sopkit-cache', 'cli');
  const dir = join(base, cliKey(root, files));
  if (existsSync(dir)) return dir;
  const temp = `${dir}.${process.pid}-${Date.now()}`;
  try {
    await compileCli(root, files, temp);
    // Another run may have made the same copy meanwhile: then its copy stays.
    if (!existsSync(dir)) renameSync(temp, dir);
  } catch (error) {
    if (!existsSync(dir)) throw error;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  prune(base, dir);
  return dir;
}

/**
 * Removes older copies, keeping the newest few (a command still running may use one), and
 * half-written ones (`<key>.<pid>-<time>`) left by a run that was killed an hour ago or more.
 */
function prune(base, current) {
  const now = Date.now();
  const entries = readdirSync(base).map((name) => ({ name, path: join(base, name), time: statSync(join(base, name)).mtimeMs }));
  const old = entries.filter((e) => e.path !== current && !e.name.includes('.')).sort((a, b) => b.time - a.time);
  const stale = entries.filter((e) => e.name.includes('.') && now - e.time > 3_600_000);
  for (const { path } of [...old.slice(KEEP), ...stale]) rmSync(path, { recursive: true, force: true });
}
