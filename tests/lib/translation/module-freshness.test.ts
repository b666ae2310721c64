import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkModuleTranslation } from '../../../src/lib/translation/check-docs.ts';

// A module committed at 1.0.0 (two sessions) with its French translation, then at 1.1.0 with the
// second session rewritten and a third added: the translation's outdated warning names those two
// sessions, not the first, which did not change.
const pack = join(import.meta.dirname, '../../fixtures/translation/pack/content');
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
let repo = '';
const gitIn = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });

const frontmatter = (version: string, lang: string, extra = '') => `---
id: m1
code: M1
title: "Late registration"
summary: "What a clerk does with a declaration made after the legal period."
version: ${version}
status: draft
duration: ${extra ? 135 : 90}
audience:
  - registrar
objectives:
  - id: o1
    text: "Receive a late declaration."
prerequisites: []
sops: []
quiz: m1
language: ${lang}${lang === 'en' ? '' : '\ntranslationOf:\n  id: m1\n  version: 1.0.0'}
---
`;
const session = (title: string, text: string, minutes = 45) => `\n<Session title="${title}" duration="${minutes}" method="presentation">\n\n${text}\n\n</Session>\n`;

beforeAll(() => {
  mkdirSync(cache, { recursive: true });
  repo = mkdtempSync(join(cache, 'module-freshness-'));
  cpSync(pack, join(repo, 'content'), { recursive: true });
  mkdirSync(join(repo, 'content/modules'));
  mkdirSync(join(repo, 'content/fr/modules'), { recursive: true });
  const source = (v: string, second: string, third = '') => `${frontmatter(v, 'en', third)}${session('The legal period', 'A declaration within the legal period is on time.')}${session('Late declarations', second)}${third}`;
  writeFileSync(join(repo, 'content/modules/m1.mdx'), source('1.0.0', 'The clerk asks for one document.'));
  writeFileSync(join(repo, 'content/fr/modules/m1.mdx'), `${frontmatter('1.0.0', 'fr')}${session('Le délai légal', 'Une déclaration dans le délai légal est à temps.')}${session('Déclarations tardives', "L'agent demande un document.")}`);
  gitIn('init', '-q');
  gitIn('add', '-A');
  gitIn('commit', '-q', '-m', 'm1 1.0.0');
  writeFileSync(join(repo, 'content/modules/m1.mdx'), source('1.1.0', 'The clerk asks for two documents.', session('Delayed registration', 'After the grace period, an inquiry.')));
  gitIn('commit', '-q', '-am', 'm1 1.1.0');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('a translated module behind its source', () => {
  it('names the sessions changed and added since the version it translates', () => {
    const project = loadProject(repo);
    const doc = project.translations.fr!.modules.find((m) => m.id === 'm1')!;
    const outdated = checkModuleTranslation(project, doc, 'fr').filter((d) => d.code === 'translation/outdated');
    expect(outdated.map((d) => d.message)).toEqual([
      'translates m1 1.0.0; the module is at 1.1.0: sessions changed since: 2 "Late declarations", 3 "Delayed registration" (added); update the translation and set translationOf.version and version to 1.1.0',
    ]);
  });
});
