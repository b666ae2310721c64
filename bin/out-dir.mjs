// Where `node bin/edition.mjs <edition> build --outDir X` builds, when X is outside the project.
// Astro writes the server code it renders pages with into the output folder, where `import
// 'astro'` finds no node_modules, unless it judges the folder outside the project; it judges by
// the start of the path, so `/home/u/pack-site` counts as inside `/home/u/pack`, and the build
// stopped with "Cannot find package 'piccolore'" and a stack trace. Such a build is made in
// `.sopkit-cache/out/<edition>/` inside the project, then copied to X.
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The arguments to give Astro, and where to copy the site after, for a build's arguments.
 * @param {string[]} args The arguments after the command (`--outDir X`, `--outDir=X`, others).
 * @param {string} cwd The project folder (Astro's root).
 * @param {string} edition participant or trainer.
 * @returns {{ args: string[], target?: string, staging?: string } | { error: string }}
 */
export function stagedOutDir(args, cwd, edition) {
  const at = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
  if (at < 0) return { args };
  const inline = args[at].startsWith('--outDir=');
  const value = inline ? args[at].slice('--outDir='.length) : args[at + 1];
  if (!value) return { args };
  const target = resolve(cwd, value);
  const from = relative(cwd, target);
  if (from && !from.startsWith('..') && !isAbsolute(from)) return { args };
  const back = relative(target, cwd);
  if (!back || (!back.startsWith('..') && !isAbsolute(back))) {
    return { error: `--outDir ${value} holds the project itself, and a build empties its output folder first; name a folder of its own (dist-site, ../pack-site)` };
  }
  const staging = join(cwd, '.sopkit-cache', 'out', edition);
  const out = [...args];
  if (inline) out[at] = `--outDir=${staging}`;
  else out[at + 1] = staging;
  return { args: out, target, staging };
}
