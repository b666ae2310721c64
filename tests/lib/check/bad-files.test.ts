import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/lib/check/index.ts';
import { encodingProblem } from '../../../src/lib/content/read-source.ts';
import type { Diagnostic } from '../../../src/lib/diagnostics.ts';

// Content files that are bad as files (a folder named like one, a link in a loop, not UTF-8, too
// deeply nested to parse, an SOP saved as .md) and references the other rules did not follow
// (glossary `related`, module prerequisites). Made here, as git keeps no empty folder, no link
// loop and no bytes of a foreign encoding reliably: each is laid over the clean base project, and
// the check must give one diagnostic at the file and line, and still run every other rule.
const base = join(import.meta.dirname, '../../fixtures/check/base');
const today = '2026-06-01';
const cache = join(import.meta.dirname, '../../../.sopkit-cache');
mkdirSync(cache, { recursive: true });
const temp = mkdtempSync(join(cache, 'check-bad-files-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

let count = 0;
/** A copy of the base project, changed by `edit`. */
function project(edit: (root: string) => void): string {
  const root = join(temp, `p${count++}`);
  cpSync(base, root, { recursive: true });
  edit(root);
  return root;
}

const alpha = (root: string) => join(root, 'content/sops/alpha.mdx');
/** alpha.mdx with `text` on line 40, after its Purpose section. */
function addToAlpha(root: string, text: string | Buffer): void {
  const source = readFileSync(alpha(root));
  const at = source.indexOf('## Scope');
  writeFileSync(alpha(root), Buffer.concat([source.subarray(0, at), Buffer.from(text), Buffer.from('\n'), source.subarray(at)]));
}

const show = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.code}  ${d.message}`;
/** What the check prints, without what the clean base has (nothing). */
async function check(root: string): Promise<string[]> {
  return (await runChecks(root, { today })).diagnostics.map(show);
}

describe('sopkit check on files that are not what their names say', () => {
  it('reports a folder named like an SOP at its path, and checks the rest', async () => {
    const root = project((r) => {
      mkdirSync(join(r, 'content/sops/folder.mdx'));
      addToAlpha(r, '<Term id="no-such-term" />\n');
    });
    expect(await check(root)).toEqual([
      'content/sops/alpha.mdx:40:1  error  term/unknown  <Term id="no-such-term">: no such term in content/glossary.yaml; add it there or fix the id',
      'content/sops/folder.mdx:1:1  error  file/unreadable  content/sops/folder.mdx is a folder, not a file: rename or move the folder (only files named like this are read)',
    ]);
  });

  it('reports a folder given as a dry run\'s results file, or named like a dry-run record', async () => {
    const root = project((r) => {
      cpSync(join(import.meta.dirname, '../../fixtures/check/rules/dryrun-no-observations'), r, { recursive: true, filter: (f) => !f.endsWith('expect.json') });
      rmSync(join(r, 'content/dryruns/alpha-dry-run.csv'));
      mkdirSync(join(r, 'content/dryruns/alpha-dry-run.csv'));
      mkdirSync(join(r, 'content/dryruns/folder.yaml'));
    });
    expect(await check(root)).toEqual([
      'content/dryruns/alpha-dry-run.yaml:17:1  error  dryrun/no-results  results: alpha-dry-run.csv is a folder, not a file; name the results file (CSV or .xlsx)',
      'content/dryruns/folder.yaml:1:1  error  file/unreadable  content/dryruns/folder.yaml is a folder, not a file: rename or move the folder (only files named like this are read)',
    ]);
  });

  it('reports a link that points to itself', async () => {
    const root = project((r) => symlinkSync('loop.mdx', join(r, 'content/sops/loop.mdx')));
    expect(await check(root)).toEqual([
      'content/sops/loop.mdx:1:1  error  file/unreadable  content/sops/loop.mdx is a symbolic link that leads back to itself (a loop): delete it, or point it at a file',
    ]);
  });

  it('reports a folder named like the glossary', async () => {
    const root = project((r) => {
      rmSync(join(r, 'content/glossary.yaml'));
      mkdirSync(join(r, 'content/glossary.yaml'));
    });
    const lines = await check(root);
    expect(lines).toContain('content/glossary.yaml:1:1  error  file/unreadable  content/glossary.yaml is a folder, not a file: rename or move the folder (only files named like this are read)');
  });

  it('warns of an SOP saved as .md, which is not read', async () => {
    const root = project((r) => cpSync(alpha(r), join(r, 'content/sops/gamma.md')));
    expect(await check(root)).toEqual([
      'content/sops/gamma.md:1:1  warning  file/not-mdx  only .mdx files are read in content/sops/, so this file is left out; rename it to content/sops/gamma.mdx',
    ]);
  });
});

describe('sopkit check on files not saved as UTF-8', () => {
  it('reports a Windows-1252 title at its byte, line and column', async () => {
    const root = project((r) => {
      const text = readFileSync(alpha(r), 'utf8').replace('title: Alpha registration', 'title: "Enregistrement du mariage \u2013 état civil"');
      writeFileSync(alpha(r), Buffer.from(text, 'latin1').map((b, i) => (text[i] === '\u2013' ? 0x96 : b)));
    });
    expect(await check(root)).toEqual([
      'content/sops/alpha.mdx:4:35  error  file/encoding  content/sops/alpha.mdx is not UTF-8 (byte 0x96 at line 4, column 35; an editor saved it as Windows-1252 or Latin-1): save it as UTF-8 (in the editor: Save as, Encoding: UTF-8)',
    ]);
  });

  it('reports a UTF-16 SOP once, without the errors its bytes would make', async () => {
    // With its workflow: "no SOP uses this workflow" and the other SOP's "no SOP alpha" would follow.
    const withWorkflow = join(import.meta.dirname, '../../fixtures/check/rules/dryrun-no-observations');
    const root = project((r) => {
      cpSync(join(withWorkflow, 'workflows'), join(r, 'workflows'), { recursive: true });
      cpSync(join(withWorkflow, 'content/sops/alpha.mdx'), alpha(r));
      writeFileSync(alpha(r), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(alpha(r), 'utf8'), 'utf16le')]));
    });
    const lines = await check(root);
    expect(lines).toEqual([
      'content/sops/alpha.mdx:1:1  error  file/encoding  content/sops/alpha.mdx is saved as UTF-16 ("Unicode"); save it as UTF-8 (in the editor: Save as, Encoding: UTF-8)',
    ]);
  });

  it('reports no missing glyph for bytes that only read as one in UTF-8 (Latin-1 "é »" is U+983B)', async () => {
    const root = project((r) => addToAlpha(r, Buffer.from('The clerk writes \u00ab\u00a0Déclaration tardive\u00a0\u00bb on the register: the entry is annoté\u00a0\u00bb here.', 'latin1')));
    const out = await check(root);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^content\/sops\/alpha\.mdx:\d+:\d+  error  file\/encoding  content\/sops\/alpha\.mdx is not UTF-8 \(byte 0xAB/);
  });

  it('puts a bad first byte on line 1, not on the last line of the file', () => {
    // A GIFT file saved by Notepad as "ANSI", its first word accented ("Énoncé"): it was reported at line 4.
    const gift = Buffer.concat([Buffer.from([0xc9]), Buffer.from('noncé des questions du module 1\n\n::Q1:: Le registre est-il public? {F}\n', 'latin1')]);
    expect(encodingProblem(gift, 'module-1.gift')).toMatchObject({ line: 1, column: 1, message: 'module-1.gift is not UTF-8 (byte 0xC9 at line 1, column 1; an editor saved it as Windows-1252 or Latin-1): save it as UTF-8 (in the editor: Save as, Encoding: UTF-8)' });
  });

  it('reports a Latin-1 glossary at its line', async () => {
    const root = project((r) => {
      const file = join(r, 'content/glossary.yaml');
      writeFileSync(file, Buffer.from(readFileSync(file, 'utf8').replace('The person who declares', 'The person who d\u00e9clares'), 'latin1'));
    });
    expect(await check(root)).toEqual([
      'content/glossary.yaml:6:31  error  file/encoding  content/glossary.yaml is not UTF-8 (byte 0xE9 at line 6, column 31; an editor saved it as Windows-1252 or Latin-1): save it as UTF-8 (in the editor: Save as, Encoding: UTF-8)',
    ]);
  });
});

describe('sopkit check on an SOP over the size limit', () => {
  it('names it, and no reference to it comes out as an unknown SOP', async () => {
    const root = project((r) => addToAlpha(r, `${'x'.repeat(5 * 1024 * 1024)}\n`));
    expect(await check(root)).toEqual([
      'content/sops/alpha.mdx:1:1  error  file/too-large  content/sops/alpha.mdx is 5.0 MB; a content file may be at most 4.0 MB (the largest of the model pack is under 0.1 MB): split it, or take out what was pasted into it by mistake',
    ]);
  });
});

describe('sopkit check on bodies nested too deep to parse', () => {
  // Each took the parser seconds to minutes, or overflowed its stack (an internal error, no other message).
  // 1,500 levels (2.2 MB of indentation): 3,000 made a file of 8.6 MB, which is now refused for its size (file/too-large) before it is parsed.
  it('refuses a list nested 1,500 levels deep at the line that passes the limit, at once', async () => {
    const root = project((r) => addToAlpha(r, Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n') + '\n'));
    const lines = await check(root);
    expect(lines).toEqual([
      'content/sops/alpha.mdx:72:65  error  mdx/too-deep  lists and block quotes are nested 33 levels deep here, more than 32: no procedure needs that many; flatten them into fewer levels',
    ]);
  });

  it('refuses 20,000 nested block quotes', async () => {
    const root = project((r) => addToAlpha(r, `${'> '.repeat(20000)}deep\n`));
    expect((await check(root)).filter((l) => l.includes('mdx/too-deep'))).toEqual([
      'content/sops/alpha.mdx:40:65  error  mdx/too-deep  lists and block quotes are nested 33 levels deep here, more than 32: no procedure needs that many; flatten them into fewer levels',
    ]);
  });

  it('refuses 5,000 nested components', async () => {
    const root = project((r) => addToAlpha(r, `${'<Checklist>'.repeat(5000)}x${'</Checklist>'.repeat(5000)}\n`));
    expect((await check(root)).filter((l) => l.includes('mdx/too-deep'))).toEqual([
      'content/sops/alpha.mdx:40:353  error  mdx/too-deep  <Checklist> here is nested 33 levels deep in components, more than 32: close each component (</Checklist>) before the next opens, or flatten them',
    ]);
  });

  it('refuses 10,000 * on each side of a word (emphasis 5,000 deep), and lets a blank of 90 _ through', async () => {
    // It overflowed the parser's stack: "internal error: Maximum call stack size exceeded", no file named.
    const root = project((r) => addToAlpha(r, `Signed: ${'_'.repeat(90)}\n\n${'*'.repeat(10000)}x${'*'.repeat(10000)}\n`));
    expect((await check(root)).filter((l) => l.includes('error'))).toEqual([
      'content/sops/alpha.mdx:42:1  error  mdx/too-deep  10000 * and _ in a row here, more than 200: Markdown reads each pair as emphasis inside the last; write a blank to fill in as a shorter line of _, or escape them (\\* \\_)',
    ]);
  });
});

describe('sopkit check on references between entries', () => {
  it('reports an unknown related term of the glossary at its line, with the nearest id', async () => {
    const root = project((r) => {
      const file = join(r, 'content/glossary.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  definition: The occurrence', '  related: [informant, informantt, nobody-at-all]\n  definition: The occurrence'));
    });
    expect(await check(root)).toEqual([
      'content/glossary.yaml:3:24  error  glossary/unknown-related  related[1] of "vital-event": no term "informantt" in this glossary (did you mean "informant"?); fix the id or add the term',
      'content/glossary.yaml:3:36  error  glossary/unknown-related  related[2] of "vital-event": no term "nobody-at-all" in this glossary; fix the id or add the term',
    ]);
  });

  it('reports a module that is its own prerequisite, directly or through another', async () => {
    const module = (id: string, prerequisites: string[]) =>
      `---\nid: ${id}\ncode: M${id.length}\ntitle: "${id}"\nsummary: "A module of the fixture."\nversion: 0.1.0\nstatus: draft\nduration: 45\naudience:\n  - registrar\nobjectives:\n  - id: o1\n    text: "Do it."\nprerequisites: [${prerequisites.join(', ')}]\nsops: []\nquiz: ${id}\nlanguage: en\n---\n\n<Session title="One" duration="45" method="presentation">\n\nText.\n\n</Session>\n`;
    const root = project((r) => {
      mkdirSync(join(r, 'content/modules'));
      writeFileSync(join(r, 'content/modules/self.mdx'), module('self', ['self']));
      writeFileSync(join(r, 'content/modules/one.mdx'), module('one', ['two']));
      writeFileSync(join(r, 'content/modules/two.mdx'), module('two', ['one']));
    });
    expect((await check(root)).filter((l) => l.includes('module/prerequisite-cycle'))).toEqual([
      'content/modules/one.mdx:14:17  error  module/prerequisite-cycle  prerequisites[0]: "two" needs this module first (one → two → one), so neither can be taken first; remove one of the prerequisites of that cycle',
      'content/modules/self.mdx:14:17  error  module/prerequisite-cycle  prerequisites[0]: "self" is this module itself, and a module cannot come before itself; remove it',
      'content/modules/two.mdx:14:17  error  module/prerequisite-cycle  prerequisites[0]: "one" needs this module first (two → one → two), so neither can be taken first; remove one of the prerequisites of that cycle',
    ]);
  });
});
