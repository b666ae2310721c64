// `node bin/edition.mjs <edition> build --outDir X` with X outside the project: Astro judges
// "inside" by the start of the path, so a sibling folder sharing the project's name as a prefix
// (/home/u/pack-site beside /home/u/pack) got the server code written where `import 'astro'`
// finds no packages, and the build stopped with a stack trace. Such builds are staged inside the
// project and copied (checked by hand: a participant build to /work/main-site-test, 87 files in
// handbooks/; this test covers the arguments).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stagedOutDir } from '../../bin/out-dir.mjs';
import { repo } from './spawn.ts';

const project = '/home/u/pack';
const staging = join(project, '.sopkit-cache/out/participant');

describe('the output folder of a build', () => {
  it('stages a folder outside the project, the sibling with the same prefix included, in either spelling', () => {
    expect(stagedOutDir(['--outDir', '/home/u/pack-site'], project, 'participant')).toEqual({ args: ['--outDir', staging], target: '/home/u/pack-site', staging });
    expect(stagedOutDir(['--outDir=../pack-site', '--verbose'], project, 'participant')).toEqual({ args: [`--outDir=${staging}`, '--verbose'], target: '/home/u/pack-site', staging });
    expect(stagedOutDir(['--outDir', '/var/www/pack'], project, 'trainer')).toMatchObject({ target: '/var/www/pack', staging: join(project, '.sopkit-cache/out/trainer') });
  });

  it('leaves a folder inside the project, and no --outDir, to Astro', () => {
    expect(stagedOutDir(['--outDir', 'dist-site'], project, 'participant')).toEqual({ args: ['--outDir', 'dist-site'] });
    expect(stagedOutDir(['--outDir', '/home/u/pack/out/site'], project, 'participant')).toEqual({ args: ['--outDir', '/home/u/pack/out/site'] });
    expect(stagedOutDir([], project, 'participant')).toEqual({ args: [] });
  });

  it('refuses a folder that holds the project, which the build would empty', () => {
    expect(stagedOutDir(['--outDir', '..'], project, 'participant')).toEqual({ error: '--outDir .. holds the project itself, and a build empties its output folder first; name a folder of its own (dist-site, ../pack-site)' });
    expect(stagedOutDir(['--outDir', '.'], project, 'participant')).toMatchObject({ error: expect.stringContaining('holds the project itself') });
  });
});

describe('build --no-pdfs', () => {
  it('is an option of build only: named, exit 1, before Astro starts', () => {
    const result = spawnSync(process.execPath, [join(repo, 'bin/edition.mjs'), 'participant', 'preview', '--no-pdfs'], { cwd: repo, encoding: 'utf8' });
    expect(result.stderr).toBe('bin/edition.mjs: --no-pdfs is an option of build (found with "preview")\n');
    expect(result.status).toBe(1);
  });
});
