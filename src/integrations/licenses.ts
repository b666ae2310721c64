import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** `/x/node_modules/@scope/name/lib/a.js` → `@scope/name` (the innermost package). */
export function packageOf(moduleId: string): string | undefined {
  const at = moduleId.lastIndexOf('/node_modules/');
  if (at === -1) return undefined;
  const [first, second] = moduleId.slice(at + '/node_modules/'.length).split('/');
  if (!first) return undefined;
  return first.startsWith('@') && second ? `${first}/${second}` : first;
}

function licenceText(root: string, name: string): { licence: string; text: string } {
  const dir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { license?: string; version?: string };
  const file = existsSync(dir) ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined;
  return { licence: `${pkg.license ?? 'see package'} (${name}@${pkg.version ?? '?'})`, text: file ? readFileSync(join(dir, file), 'utf8').trim() : '' };
}

/**
 * Browser bundles ship without licence comments (they were half of the scoring page: @stdlib
 * puts an Apache header in each of its ~300 modules); instead the site publishes
 * `third-party-licenses.txt` with the licence of every npm package that reached the browser,
 * collected from the client build itself so the list cannot go stale.
 */
export function sopkitLicenses(): AstroIntegration {
  const bundled = new Set<string>();
  let root = process.cwd();
  const collect: Plugin = {
    name: 'sopkit:collect-licenses',
    apply: 'build',
    generateBundle(_options, bundle) {
      if (this.environment?.config.consumer === 'server') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          const name = packageOf(id);
          if (name && !name.startsWith('astro')) bundled.add(name);
        }
      }
    },
  };
  return {
    name: 'sopkit:licenses',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        root = fileURLToPath(config.root);
        updateConfig({ vite: { plugins: [collect], esbuild: { legalComments: 'none' } } });
      },
      'astro:build:done': ({ dir, logger }) => {
        const names = [...bundled].sort();
        // Packages with the same licence text (all of @stdlib) print it once.
        const groups = new Map<string, string[]>();
        for (const name of names) {
          const { licence, text } = licenceText(root, name);
          groups.set(text, [...(groups.get(text) ?? []), licence]);
        }
        const body = [...groups].map(([text, list]) => `${list.join('\n')}\n\n${text || '(no licence file in the package)'}\n`).join(`\n${'-'.repeat(72)}\n\n`);
        writeFileSync(join(fileURLToPath(dir), 'third-party-licenses.txt'), `Open-source software in this site's scripts\n\n${body}`);
        logger.info(`third-party-licenses.txt: ${names.length} packages`);
      },
    },
  };
}
