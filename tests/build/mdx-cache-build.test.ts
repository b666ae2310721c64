import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode, type Finished } from '../cli/spawn.ts';
import { copyProject, repo, tempFolder } from '../params/project.ts';

// The parameters fixture with a training module and a French translation of its SOP, built four
// times: cold, again with the MDX compile cache warm, after editing the module and the SOP, and
// once more with the MDX cache removed (and nothing else: the first build of a fresh project also leaves Astro's own first-run files, so the
// cold MDX build compared with the warm one is the fourth). SOPKIT_TODAY fixes the date the
// life-cycle outputs print, so builds may be compared byte for byte.
const parent = tempFolder('sopkit-mdx-cache-build-');
let root: string;
const builds: { run: Finished; files: Map<string, string> }[] = [];
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** Every file under a folder with the hash of its bytes, by path relative to it. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/**
 * One build of the project's pages (`--no-pdfs`): the PDFs are made from the parsed sources, not
 * from the compiled MDX this cache keeps, and took a seventh of each build (79 s -> 68 s for the file).
 */
async function build(): Promise<void> {
  const run = await runNode([join(repo, 'node_modules/astro/astro.js'), 'build', '--root', root], { SOPKIT_TODAY: '2026-06-01', SOPKIT_NO_PDFS: '1' }, root);
  builds.push({ run, files: run.status === 0 ? tree(join(root, 'dist')) : new Map() });
}

const log = (i: number) => `${builds[i]?.run.stdout ?? ''}${builds[i]?.run.stderr ?? ''}`;

beforeAll(async () => {
  root = copyProject(parent, 'project', (r) => {
    mkdirSync(join(r, 'content/fr/sops'), { recursive: true });
    cpSync(join(repo, 'tests/fixtures/mdx-cache/fr/sops/registration.mdx'), join(r, 'content/fr/sops/registration.mdx'));
    mkdirSync(join(r, 'content/modules'), { recursive: true });
    cpSync(join(repo, 'tests/fixtures/mdx-cache/modules/registration-basics.mdx'), join(r, 'content/modules/registration-basics.mdx'));
  });
  await build();
  await build();
  const sop = join(root, 'content/sops/registration.mdx');
  writeFileSync(sop, readFileSync(sop, 'utf8').replace('declared by an', 'declared in person by an'));
  const module = join(root, 'content/modules/registration-basics.mdx');
  writeFileSync(module, readFileSync(module, 'utf8').replace('The evidence of the birth', 'The evidence of the birth, seen by the clerk'));
  await build();
  rmSync(join(root, '.sopkit-cache/mdx-compiled'), { recursive: true, force: true });
  rmSync(join(root, '.sopkit-cache/sop-body'), { recursive: true, force: true });
  await build();
  // Four Astro builds: on a busy two-core machine they took longer than the 5 minutes a hook of
  // the process tests has by default.
}, 15 * 60_000);

describe('astro build with the MDX compile cache', () => {
  // SOP bodies are not compiled as MDX (src/lib/content/sop-body.ts): the module is.
  it('compiles every MDX file in a cold build and reads them all back in the next', () => {
    for (const i of [0, 1, 2, 3]) expect(builds[i]?.run.status, log(i)).toBe(0);
    const cold = /MDX: (\d+) compiled, 0 reused/.exec(log(0));
    expect(cold, log(0)).not.toBeNull();
    expect(Number(cold?.[1])).toBeGreaterThanOrEqual(1);
    expect(log(1)).toContain(`MDX: 0 compiled, ${cold?.[1]} reused`);
    // The SOP's body is made once and read back after (the fixture's site has no French pages).
    expect(log(0)).toContain('SOP bodies: 1 made, 0 reused');
    expect(log(1)).toContain('SOP bodies: 0 made, 1 reused');
  });

  it('writes the same dist/, byte for byte, with the cache warm as cold', () => {
    expect(log(3)).toMatch(/MDX: \d+ compiled, 0 reused/);
    expect(log(3)).toContain('SOP bodies: 1 made, 0 reused');
    const [warm, cold] = [builds[2]!.files, builds[3]!.files];
    expect(cold.size).toBeGreaterThan(0);
    expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort());
    const differ = [...cold].filter(([path, hash]) => warm.get(path) !== hash).map(([path]) => path);
    expect(differ).toEqual([]);
  });

  it('compiles only the edited module again, and the pages show both edits', () => {
    expect(log(2)).toMatch(/MDX: 1 compiled, \d+ reused/);
    expect(log(2)).toContain('SOP bodies: 1 made, 0 reused');
    const page = readFileSync(join(root, 'dist/sops/registration/index.html'), 'utf8');
    expect(page).toContain('declared in person by an');
    expect(readFileSync(join(root, 'dist/modules/registration-basics/index.html'), 'utf8')).toContain('seen by the clerk');
  });
});
