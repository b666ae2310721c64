import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { runChecks } from '../../../src/lib/check/index.ts';
import { checkFrenchSpacing, fixFrenchSpacing, frenchSpacingFaults } from '../../../src/lib/check/french-spacing.ts';
import { tempDir } from '../handbook/pdf-tools.ts';

const ctx = (root: string) => ({ project: loadProject(root), today: '2026-06-01' });
const marks = (text: string, kind: 'mdx' | 'yaml' | 'text') => frenchSpacingFaults(text, kind).map((f) => `${f.line}:${f.column} ${f.mark}`);

describe('ordinary spaces French wants no-break (frenchSpacingFaults)', () => {
  it('finds the space before ": ; ? !", after "«" and before "»", at its line and column', () => {
    expect(marks('Date : le 3 ; valide ? oui !\nle « mot » ici', 'text')).toEqual(['1:5 :', '1:12 ;', '1:21 ?', '1:27 !', '2:5 «', '2:9 »']);
  });

  it('finds the space between a number, a placeholder or an expression and "%", not after a word', () => {
    expect(marks('Seuil : 80 % ; note ({percent} %).\nPlus de 10 %, soit % des cas.', 'text')).toEqual(['1:6 :', '1:11 %', '1:13 ;', '1:31 %', '2:11 %']);
    expect(marks('Note de {props.n} % et 5 %.', 'mdx')).toEqual(['1:18 %', '1:25 %']);
    expect(fixFrenchSpacing('soit 5 % et 10 %', 'text')).toBe('soit 5\u00a0% et 10\u00a0%');
  });

  it('is quiet for no-break spaces, U+00A0 and the narrow U+202F', () => {
    expect(marks('Date\u00a0: valide\u202f? «\u00a0mot\u00a0» fin\u202f;', 'text')).toEqual([]);
  });

  it('leaves code, expressions, times, addresses, queries and YAML keys alone', () => {
    const mdx = [
      '---',
      'title: "Déclaration : délai"',
      '---',
      "import X from './x.ts'",
      'Voir `a ? b : c` et {isLate ? "tardive" : "dans le délai"}, à 10:30, sur https://exemple.org/?q=1.',
      '<Callout title="Attention :">',
      '```js',
      'const x = y ? 1 : 2;',
      '```',
      '{/* note : rien */}',
      'La page avec ?kiosk, puis <Param id="x" /> : fin.',
    ].join('\n');
    expect(marks(mdx, 'mdx')).toEqual(['2:20 :', '6:26 :', '11:43 :']);
    expect(marks('# Commentaire : rien\nid: x\ntext: "Quoi ?"\n', 'yaml')).toEqual(['3:12 ?']);
  });

  it('fixes exactly what it finds (the script that fixed the sample pack)', () => {
    const text = 'Durée : {n} minutes ; « {title} » ?';
    const fixed = fixFrenchSpacing(text, 'text');
    expect(fixed).toBe('Durée\u00a0: {n} minutes\u00a0; «\u00a0{title}\u00a0»\u00a0?');
    expect(frenchSpacingFaults(fixed, 'text')).toEqual([]);
  });
});

describe('sopkit check: text/fr-space', () => {
  /** The translation fixture pack with a French quiz and a French source SOP added. */
  function pack() {
    const root = join(tempDir(), 'pack');
    cpSync(resolve('tests/fixtures/translation/pack/content'), join(root, 'content'), { recursive: true });
    cpSync(resolve('tests/fixtures/translation/pack/versions/late-registration-1.1.0.mdx'), join(root, 'content/sops/late-registration.mdx'));
    mkdirSync(join(root, 'quizzes/fr'), { recursive: true });
    // The title typed with an ordinary space before its ";"; a comment, never printed, with one too.
    const quiz = readFileSync('tests/fixtures/translation/quiz/quizzes/fr/late-registration.yaml', 'utf8').replace('différé\u00a0: test', 'différé ; test');
    writeFileSync(join(root, 'quizzes/fr/late-registration.yaml'), `# Un commentaire : jamais imprimé.\n${quiz}`);
    const english = join(root, 'content/sops/late-registration.mdx');
    writeFileSync(english, `${readFileSync(english, 'utf8')}\nAn English line : left alone.\n`);
    return root;
  }

  it('warns at each ordinary space of French text, naming the file, the line and the character to type', () => {
    const found = checkFrenchSpacing(ctx(pack()));
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      'content/fr/sops/late-registration.mdx:50:111 warning text/fr-space',
      'quizzes/fr/late-registration.yaml:6:101 warning text/fr-space',
    ]);
    expect(found[0]!.message).toBe('ordinary space before ":": type a no-break space there, U+00A0 (Alt+0160 on Windows, Option+Space on a Mac), so that no line of the page or the PDF starts with ":"');
    expect(found[1]!.message).toMatch(/^ordinary space before ";": type a no-break space there, U\+00A0/);
  });

  it('is one of the checks sopkit check runs', async () => {
    const { diagnostics } = await runChecks(pack(), { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.code === 'text/fr-space').map((d) => `${d.file}:${d.line}`)).toEqual(['content/fr/sops/late-registration.mdx:50', 'quizzes/fr/late-registration.yaml:6']);
  });

  it('checks a source SOP whose language is French', () => {
    const root = pack();
    const english = join(root, 'content/sops/late-registration.mdx');
    writeFileSync(english, readFileSync(english, 'utf8').replace(/^language: en$/m, '').replace(/^---\n/, '---\nlanguage: fr\n'));
    const lines = readFileSync(english, 'utf8').split('\n');
    expect(checkFrenchSpacing(ctx(root)).filter((d) => d.file === 'content/sops/late-registration.mdx').map((d) => d.line)).toEqual([lines.indexOf('An English line : left alone.') + 1]);
  });

  it('counts the rest of a file in one message after 20', () => {
    const root = pack();
    const fr = join(root, 'content/fr/sops/late-registration.mdx');
    writeFileSync(fr, `${readFileSync(fr, 'utf8')}\n${Array.from({ length: 30 }, (_, i) => `Ligne ${i} : texte.`).join('\n\n')}\n`);
    const found = checkFrenchSpacing(ctx(root)).filter((d) => d.file === 'content/fr/sops/late-registration.mdx');
    expect(found).toHaveLength(21);
    expect(found[20]!.message).toMatch(/^11 more ordinary spaces before ": ; \? ! %" or inside "« »" in this file \(lines \d+, /);
  });

  it('finds nothing in the model pack', () => {
    expect(checkFrenchSpacing(ctx(resolve('.')))).toEqual([]);
  });
});
