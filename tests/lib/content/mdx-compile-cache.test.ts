import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProject } from '../../../src/lib/content/cache.ts';
import { mdxCompileCache, MDX_PLUGIN_NAME } from '../../../src/lib/content/mdx-compile-cache.ts';
import { KEEP_PER_FILE, mdxCompileDir, type MdxCompiled } from '../../../src/lib/content/mdx-compile-store.ts';
import { rehypeTables } from '../../../src/lib/content/rehype-tables.ts';
import { remarkSop, remarkSopInputs } from '../../../src/lib/content/remark-sop.ts';
import { remarkTraining } from '../../../src/lib/training/remark-training.ts';
import { copyProject, repo, setParameter, tempFolder } from '../../params/project.ts';

// The real Vite plugin of @astrojs/mdx (not in its package's exports, so loaded by its path),
// with our remark and rehype plugins as astro.config.mjs gives them, over a copy of the
// parameters fixture project and a French translation of its SOP.
type MdxPlugin = Plugin & { transform: (code: string, id: string) => Promise<MdxCompiled> };
let vitePluginMdx: (opts: unknown) => MdxPlugin;
const mdxOptions = { gfm: true, smartypants: true, syntaxHighlight: false, remarkPlugins: [remarkSop, remarkTraining], rehypePlugins: [rehypeTables], recmaPlugins: [], remarkRehype: {}, optimize: true };

const parent = tempFolder('sopkit-mdx-cache-');
let root: string;
let sop: string;
let translation: string;
const savedRoot = process.env.SOPKIT_ROOT;

beforeAll(async () => {
  ({ vitePluginMdx } = (await import(pathToFileURL(join(repo, 'node_modules/@astrojs/mdx/dist/vite-plugin-mdx.js')).href)) as { vitePluginMdx: typeof vitePluginMdx });
  root = copyProject(parent, 'project');
  sop = join(root, 'content/sops/registration.mdx');
  translation = join(root, 'content/fr/sops/registration.mdx');
  mkdirSync(join(translation, '..'), { recursive: true });
  cpSync(join(repo, 'tests/fixtures/mdx-cache/fr/sops/registration.mdx'), translation);
  process.env.SOPKIT_ROOT = root;
});
afterAll(() => {
  if (savedRoot === undefined) delete process.env.SOPKIT_ROOT;
  else process.env.SOPKIT_ROOT = savedRoot;
  rmSync(parent, { recursive: true, force: true });
});

/** One build's MDX plugin, wrapped by the cache as Vite would see them after configResolved. */
function build(cached = true) {
  const mdx = vitePluginMdx({ mdxOptions, srcDir: pathToFileURL(join(root, 'src/')), experimentalHeadingIdCompat: false });
  const cache = mdxCompileCache({ root: () => root, options: () => mdxOptions, inputs: (id, text) => remarkSopInputs(id, text, getProject(root)) });
  if (cached) (cache.configResolved as (this: unknown, r: unknown) => void).call({}, { plugins: [mdx, cache], build: { sourcemap: false } });
  return {
    compile: (file: string) => mdx.transform.call({}, readFileSync(file, 'utf8'), file),
    cache,
  };
}

describe('MDX compile cache', () => {
  it('reads every file back in the next build, exactly as the transform returned it', async () => {
    const first = build();
    const a = [await first.compile(sop), await first.compile(translation)];
    expect(first.cache.finish()).toEqual({ compiled: 2, reused: 0 });
    const second = build();
    const b = [await second.compile(sop), await second.compile(translation)];
    expect(second.cache.finish()).toEqual({ compiled: 0, reused: 2 });
    expect(b).toEqual(a);
    const plain = build(false);
    expect([await plain.compile(sop), await plain.compile(translation)]).toEqual(a);
    expect(a[0]!.code).toContain('data-section');
  });

  it('compiles a file again when its text changes', async () => {
    const before = await build().compile(sop);
    writeFileSync(sop, readFileSync(sop, 'utf8').replace('declared by an', 'declared in person by an'));
    const run = build();
    const after = await run.compile(sop);
    expect(run.cache.counts()).toEqual({ compiled: 1, reused: 0 });
    expect(before.code).not.toContain('declared in person by an');
    expect(after.code).toContain('declared in person by an');
  });

  it('compiles a file again when a parameter it names in an attribute changes value, its text unchanged', async () => {
    const before = await build().compile(sop);
    expect(before.code).toContain('30 days after the event');
    setParameter(root, 'late-registration-period', 45);
    const run = build();
    const after = await run.compile(sop);
    expect(run.cache.counts()).toEqual({ compiled: 1, reused: 0 });
    expect(after.code).toContain('45 days after the event');
    expect(after.code).not.toContain('30 days after the event');
  });

  it('compiles a translation again when its source SOP renames a section, its own text unchanged', async () => {
    const before = await build().compile(translation);
    expect(before.code).toMatch(/id=\\?"purpose\\?"/);
    writeFileSync(sop, readFileSync(sop, 'utf8').replace('## Purpose', '## Aim of the procedure'));
    const run = build();
    const after = await run.compile(translation);
    expect(run.cache.counts()).toEqual({ compiled: 1, reused: 0 });
    expect(after.code).toMatch(/id=\\?"aim-of-the-procedure\\?"/);
    expect(after.code).not.toMatch(/id=\\?"purpose\\?"/);
  });

  it('compiles every file again when the code of our plugins changes', async () => {
    await build().compile(sop);
    const warm = build();
    await warm.compile(sop);
    expect(warm.cache.counts()).toEqual({ compiled: 0, reused: 1 });
    appendFileSync(join(root, 'src/lib/content/remark-sop.ts'), '\n// changed\n');
    const run = build();
    await run.compile(sop);
    await run.compile(translation);
    expect(run.cache.counts()).toEqual({ compiled: 2, reused: 0 });
  });

  it('keeps the latest versions of each file and drops the files that are gone', async () => {
    const folders = () => readdirSync(mdxCompileDir(root));
    for (const word of ['first', 'second', 'third']) {
      writeFileSync(sop, `${readFileSync(sop, 'utf8')}\nA ${word} note.\n`);
      await build().compile(sop);
    }
    for (const folder of folders()) expect(readdirSync(join(mdxCompileDir(root), folder)).filter((f) => f.endsWith('.bin')).length).toBeLessThanOrEqual(KEEP_PER_FILE);
    const count = folders().length;
    rmSync(translation);
    build().cache.finish();
    expect(folders().length).toBe(count - 1);
    expect(existsSync(mdxCompileDir(root))).toBe(true);
  });

  it('stores nothing for a file that does not compile, and passes on its error', async () => {
    const broken = join(root, 'content/sops/broken.mdx');
    writeFileSync(broken, '---\nid: broken\n---\n\n## Purpose\n\n<Term id="x">\n');
    const run = build();
    await expect(run.compile(broken)).rejects.toThrow();
    expect(run.cache.counts()).toEqual({ compiled: 0, reused: 0 });
    rmSync(broken);
  });
});
