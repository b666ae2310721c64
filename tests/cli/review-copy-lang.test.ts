import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/project.ts';
import { readRegister, type Register } from '../../src/lib/lifecycle/register-read.ts';
import { reviewCopyLineCounts } from '../../src/lib/lifecycle/review-copy.ts';
import { reviewLineCounts } from '../../src/lib/lifecycle/review-lines.ts';
import { projectIn } from '../../src/lib/translation/localize.ts';
import { structureDifference } from '../../src/lib/translation/review-copy.ts';
import { pdfWords } from '../lib/handbook/pdf-tools.ts';
import { run } from './run.ts';

// The translation fixture: late-registration 1.0.0 in English, French and Arabic.
const fixture = join(import.meta.dirname, '../fixtures/translation/pack');
const temp = mkdtempSync(join(tmpdir(), 'sopkit-review-lang-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the pack with the source at a version of `versions/`, edited by `edit`. */
function pack(name: string, version: '1.0.0' | '1.1.0', edit?: (root: string) => void): string {
  const root = join(temp, name);
  cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(fixture, `versions/late-registration-${version}.mdx`), join(root, 'content/sops/late-registration.mdx'));
  // The fixture's French glossary carries a seeded unknown id, which stops every print.
  const glossary = join(root, 'content/fr/glossary.yaml');
  writeFileSync(glossary, readFileSync(glossary, 'utf8').replace(/- id: late-registrations[\s\S]*$/, ''));
  edit?.(root);
  return root;
}

const pdfText = (path: string, layout = false) => execFileSync('pdftotext', [...(layout ? ['-layout'] : []), path, '-'], { encoding: 'utf8' });
const pageCount = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);

const root = pack('current', '1.0.0');
const out = join(temp, 'out');

beforeAll(async () => {
  for (const lang of ['fr', 'ar']) {
    const r = await run('review-copy', 'late-registration', '--lang', lang, '--root', root, '--out', out);
    expect(r.code, r.err).toBe(0);
  }
}, 120_000);

describe('sopkit review-copy --lang', () => {
  it('writes the review copy and register templates of the translation, named with its language', () => {
    for (const lang of ['fr', 'ar']) {
      for (const file of [`late-registration-review-copy.${lang}.pdf`, `late-registration-comment-register.${lang}.csv`, `late-registration-comment-register.${lang}.xlsx`]) expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(existsSync(join(out, 'late-registration-review-copy.pdf'))).toBe(false);
  });

  it('prints the French text with the watermark, headings and comment sheet in French', () => {
    const text = pdfText(join(out, 'late-registration-review-copy.fr.pdf'));
    // The fixture's SOP is approved at 1.0.0 and in force: its copy is a review of the procedure in force.
    expect(text).toContain('COPIE POUR EXAMEN — version 1.0.0 — en vigueur');
    expect(text).toContain('Copie de travail pour consultation');
    expect(text).toContain('Feuille d’observations');
    expect(text).toContain('L\'officier de l\'état civil vérifie l\'identité du déclarant.');
    // The front page names the French register files.
    // (pdftotext drops the hyphen where the name breaks at the end of a line.)
    expect(text).toMatch(/late-registration-?comment-register\.fr\.csv/);
    expect(text).toContain('late-registration-comment-register.fr.xlsx');
    expect(text).not.toContain('CONSULTATION DRAFT');
    expect(text).not.toContain('Comment sheet');
  });

  it('prints every paragraph marker of the source, and no other', () => {
    const source = loadProject(root).sops.find((s) => s.id === 'late-registration')!;
    const expected = source.paragraphs.map((p) => `§${p.section} ¶${p.n}`).sort();
    for (const lang of ['fr', 'ar']) {
      const marks = [...pdfText(join(out, `late-registration-review-copy.${lang}.pdf`)).matchAll(/§[\d.]+ ¶\d+/g)].map((m) => m[0]).sort();
      expect(marks, lang).toEqual(expected);
    }
  });

  it('lays the Arabic copy out right to left: line numbers in the right margin, §x ¶y markers in the left, reading left to right', () => {
    const path = join(out, 'late-registration-review-copy.ar.pdf');
    const text = pdfText(path);
    expect(text).toContain('نسخة للمراجعة — الإصدار');
    expect(text).toContain('نافذة');
    expect(text).not.toContain('لا يُعمل بها');
    expect(text).toContain('ورقة الملاحظات');
    // The first page of the text (after the front page).
    const words = pdfWords(path, 2);
    const width = 595.28;
    const marks = words.filter((w) => /^§\d/.test(w.text));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.xMax, m.text).toBeLessThan(width * 0.15);
    // Line numbers start 12 pt right of the text (the headings' own numbers end at its edge).
    const numbers = words.filter((w) => /^\d+$/.test(w.text) && w.xMin > width * 0.9 && w.yMin < 780).sort((a, b) => a.yMin - b.yMin).map((w) => Number(w.text));
    expect(numbers.length).toBeGreaterThan(5);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // Each marker is followed by its ¶ to its right: §1 ¶1, not ¶1 §1.
    for (const m of marks) {
      const para = words.find((w) => w.text.startsWith('¶') && Math.abs(w.yMin - m.yMin) < 1);
      expect(para && para.xMin > m.xMax, m.text).toBe(true);
    }
  });

  it('writes the French register template with French headers, which sopkit comments check reads back', async () => {
    const csvPath = join(out, 'late-registration-comment-register.fr.csv');
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\n')[0]).toContain('auteur,procédure,version,section,paragraphe,ligne,type,observation,proposition,décision,réponse,modifiée en');
    // A reviewer fills in the row of section 1.
    const lines = csv.split('\n');
    const row = lines.findIndex((l) => l.startsWith(',late-registration,1.0.0,1,'));
    lines[row] = 'Ministère de la Santé,late-registration,1.0.0,1,1,2,te,Préciser le délai légal,Ajouter le délai en jours,,,';
    const filled = join(temp, 'observations-fr.csv');
    writeFileSync(filled, lines.join('\n'));
    const r = await run('comments', 'check', '--root', root, filled);
    expect(r.out).not.toMatch(/error|warning/);
    expect(r).toMatchObject({ code: 0, err: '1 register, 1 comment (1 open, 0 decided): 0 errors, 0 warnings' });
    // The XLSX template: every column found on its "Observations" sheet, nothing unknown.
    const xlsx = await readRegister(join(out, 'late-registration-comment-register.fr.xlsx'), 'fr.xlsx');
    expect(xlsx.problems).toEqual([]);
    expect(Object.keys(xlsx.columns).sort()).toEqual(['changedIn', 'comment', 'commenter', 'decision', 'line', 'paragraph', 'proposal', 'response', 'section', 'sop', 'type', 'version'].sort());
    expect(xlsx.columns.commenter?.header).toBe('auteur');
    // The Arabic one too.
    const ar = await readRegister(join(out, 'late-registration-comment-register.ar.csv'), 'ar.csv');
    expect(ar.problems).toEqual([]);
    expect(ar.columns.comment?.header).toBe('الملاحظة');
  });

  it('refuses a language without a translation of the SOP, naming the file expected and how to start it', async () => {
    const bare = pack('no-ar', '1.0.0', (r) => rmSync(join(r, 'content/ar/sops/late-registration.mdx')));
    const r = await run('review-copy', 'late-registration', '--lang', 'ar', '--root', bare, '--out', join(bare, 'out'));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('late-registration has no translation in ar: expected content/ar/sops/late-registration.mdx; start one with `sopkit new translation late-registration --lang ar`');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses a translation of an older version than the source, rather than label it with the current one', async () => {
    const behind = pack('behind', '1.1.0');
    const r = await run('review-copy', 'late-registration', '--lang', 'fr', '--root', behind, '--out', join(behind, 'out'));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('content/fr/sops/late-registration.mdx translates late-registration 1.0.0, but the source under consultation is at 1.1.0');
    expect(r.err).toContain('bring the translation up to 1.1.0');
    expect(existsSync(join(behind, 'out'))).toBe(false);
  });

  it('refuses a translation whose numbered paragraphs are not the source\'s', async () => {
    const split = pack('split', '1.0.0', (r) => {
      const file = join(r, 'content/fr/sops/late-registration.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Tous les bureaux de l\'état civil.', 'Tous les bureaux de l\'état civil.\n\nEt les centres secondaires.'));
    });
    const r = await run('review-copy', 'late-registration', '--lang', 'fr', '--root', split, '--out', join(split, 'out'));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('content/fr/sops/late-registration.mdx is not numbered as content/sops/late-registration.mdx: section §2 has 2 numbered paragraphs in the translation and 1 in the source');
    expect(existsSync(join(split, 'out'))).toBe(false);
  });
});

describe('line numbers cited in a register', () => {
  it('may run to the end of the longest review copy of the version, in any language it is printed in', async () => {
    const project = loadProject(root);
    const cited = [{ rows: [{ row: 2, cells: { sop: 'late-registration', version: '1.0.0', line: '3' }, numeric: new Set() }] }] as unknown as Register[];
    const count = (await reviewLineCounts(cited, project)).get('late-registration@1.0.0')!;
    expect(count.languages).toEqual(['en', 'fr', 'ar']);
    const each = await Promise.all([project, projectIn(project, 'fr'), projectIn(project, 'ar')].map((p) => reviewCopyLineCounts(p, 'late-registration', ['a4'] as const)));
    expect(count.a4).toBe(Math.max(...each.map((c) => c.a4)));
  });
});

describe('structureDifference', () => {
  it('finds nothing in the pack\'s sample translations', () => {
    const project = loadProject(join(import.meta.dirname, '../..'));
    const pairs = Object.values(project.translations).flatMap((tr) => tr.sops).map((t) => [project.sops.find((s) => s.id === t.id)!, t] as const);
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    for (const [s, t] of pairs) expect(structureDifference(s, t), t.file).toBeUndefined();
  });

  it('names a heading at another level', () => {
    const project = loadProject(root);
    const source = project.sops[0]!;
    const tr = { ...source, sections: source.sections.map((s, i) => (i === 1 ? { ...s, level: 2 } : s)) };
    expect(structureDifference(source, tr)).toMatch(/^the translation's section §2 .* \(level 2\) stands where the source has §2 .* \(level 1\)$/);
  });
});

it('a page count sanity check: both copies have a front page, text and a comment sheet', () => {
  for (const lang of ['fr', 'ar']) expect(pageCount(join(out, `late-registration-review-copy.${lang}.pdf`))).toBeGreaterThanOrEqual(3);
});
