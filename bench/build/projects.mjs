// The two projects the build benchmark compares, on the same generated pages: a SOPKit project
// (this checkout's code, the pack's glossary and roles, N generated SOPs) and an Astro Starlight
// 0.37 site installed from npm into a folder of its own.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sopId, sopMarkdown, sopMdx } from './generate.mjs';

const repo = resolve(import.meta.dirname, '../..');
export const starlightVersion = '0.37.7';

/** The Astro version this checkout builds with, so both sides use the same Astro. */
function astroVersion() {
  return JSON.parse(readFileSync(join(repo, 'node_modules/astro/package.json'), 'utf8')).version;
}

/**
 * A node_modules folder of links to each package of another one. Astro keeps its content cache in
 * node_modules/.astro: linking the folder itself would share that cache between projects.
 */
function linkModules(from, dir) {
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(from)) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(from, name), join(dir, 'node_modules', name));
  }
}

/** Writes a SOPKit project of n generated SOPs into dir (sources copied, node_modules linked). */
export function makeSopkit(dir, n) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content/sops'), { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(repo, file), join(dir, file));
  // Vite does not bundle page scripts through a symlinked src/, so the sources are copied.
  for (const folder of ['src', 'public', 'bin', 'content/guide']) cpSync(join(repo, folder), join(dir, folder), { recursive: true });
  for (const file of ['glossary.yaml', 'roles.yaml', 'site.yaml', 'parameters.yaml']) {
    if (existsSync(join(repo, 'content', file))) cpSync(join(repo, 'content', file), join(dir, 'content', file));
  }
  mkdirSync(join(dir, 'workflows'));
  mkdirSync(join(dir, 'quizzes'));
  linkModules(join(repo, 'node_modules'), dir);
  for (let i = 1; i <= n; i++) writeFileSync(join(dir, 'content/sops', `${sopId(i)}.mdx`), sopMdx(i, n));
  return { dir, sopFile: (i) => join(dir, 'content/sops', `${sopId(i)}.mdx`), sopPath: (i) => `/sops/${sopId(i)}/` };
}

/**
 * Installs Starlight (and the same Astro) once into a cache folder; later runs reuse it.
 * @returns The folder holding node_modules.
 */
export function installStarlight(log) {
  const deps = join(tmpdir(), `sopkit-bench-starlight-${starlightVersion}`);
  const pkg = { name: 'starlight-bench', private: true, type: 'module', dependencies: { astro: astroVersion(), '@astrojs/starlight': starlightVersion } };
  const pkgText = JSON.stringify(pkg, null, 2);
  if (existsSync(join(deps, 'node_modules/@astrojs/starlight')) && readFileSync(join(deps, 'package.json'), 'utf8') === pkgText) return deps;
  log(`installing @astrojs/starlight@${starlightVersion} and astro@${pkg.dependencies.astro} into ${deps} (once)`);
  rmSync(deps, { recursive: true, force: true });
  mkdirSync(deps, { recursive: true });
  writeFileSync(join(deps, 'package.json'), pkgText);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: deps, stdio: 'inherit' });
  return deps;
}

/** Writes a Starlight site of the same n pages into dir. */
export function makeStarlight(dir, n, deps) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/content/docs/sops'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'starlight-bench-site', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  integrations: [starlight({ title: 'Bench pack', sidebar: [{ label: 'SOPs', autogenerate: { directory: 'sops' } }] })],
});
`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(join(dir, 'src/content/docs/index.md'), '---\ntitle: Bench pack\ndescription: Generated SOPs.\n---\n\nThe generated SOPs are in the sidebar.\n');
  linkModules(join(deps, 'node_modules'), dir);
  for (let i = 1; i <= n; i++) writeFileSync(join(dir, 'src/content/docs/sops', `${sopId(i)}.md`), sopMarkdown(i, n));
  return { dir, sopFile: (i) => join(dir, 'src/content/docs/sops', `${sopId(i)}.md`), sopPath: (i) => `/sops/${sopId(i)}/` };
}

/** Removes what makes a build warm (output, Astro's and SOPKit's caches), for a cold build. */
export function makeCold(dir) {
  for (const p of ['dist', '.astro', '.sopkit-cache', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, p), { recursive: true, force: true });
}

/** Appends a sentence to the first paragraph of the Purpose section (a one-SOP edit). */
export function editSop(file, marker) {
  const text = readFileSync(file, 'utf8');
  const heading = '## Purpose\n\n';
  const at = text.indexOf(heading) + heading.length;
  const end = text.indexOf('\n', at);
  writeFileSync(file, `${text.slice(0, end)} ${marker}.${text.slice(end)}`);
}
