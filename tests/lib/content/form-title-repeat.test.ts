import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// `<Form id="BR-05" />` prints "Form BR-05 Foundling report" (page, handbook, review copy): the
// form's title after the tag again read "Form BR-05 Foundling report foundling report".
const repo = join(import.meta.dirname, '../../..');

function sops(): string[] {
  return ['content/sops', 'content/fr/sops', 'content/ar/sops'].flatMap((d) => readdirSync(join(repo, d)).filter((n) => n.endsWith('.mdx')).map((n) => join(repo, d, n)));
}

describe('form references in the sample pack', () => {
  it('never repeat the title the reference already prints', () => {
    const repeats: string[] = [];
    for (const file of sops()) {
      const source = readFileSync(file, 'utf8');
      const front = parse(source.split(/^---$/m)[1] ?? '') as { forms?: { id: string; title: string }[] };
      const titles = new Map((front.forms ?? []).map((f) => [f.id, f.title.toLocaleLowerCase()]));
      for (const m of source.matchAll(/<Form id="([^"]+)" \/>\s*([^<\n]*)/g)) {
        const title = titles.get(m[1]!);
        if (title && m[2]!.toLocaleLowerCase().startsWith(title)) repeats.push(`${file.slice(repo.length + 1)}: ${m[0].slice(0, 60)}`);
      }
    }
    expect(sops().length).toBeGreaterThan(10);
    expect(repeats).toEqual([]);
  });
});
