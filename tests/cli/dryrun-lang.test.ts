import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, t, tn } from '../../src/i18n/index.ts';
import { readCsv } from '../../src/lib/assessment/csv.ts';
import { pdfText, qpdfCheck, withoutBidiMarks } from '../lib/handbook/pdf-tools.ts';
import { run } from './run.ts';

const ID = 'birth-registration-2025';
const words = (path: string) => withoutBidiMarks(pdfText(path)).replace(/\s+/g, ' ');

describe('sopkit dryrun plan --lang', () => {
  it('--lang fr: the plan and the observation sheets in French, steps and time limits included; the same results template', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-dryrun-plan-fr-'));
    expect((await run('dryrun', 'plan', ID, '--out', dir, '--lang', 'fr')).code).toBe(0);
    // Named as every translated print is: the English plan printed into the same folder keeps its own.
    const sheets = join(dir, `${ID}-observation-sheets.fr.pdf`);
    expect(qpdfCheck(sheets).ok).toBe(true);
    const text = words(sheets);
    // The state's title and time limit from workflows/fr/birth-registration.yaml, not the machine's English.
    expect(text).toContain('Notifier la naissance');
    expect(text).not.toContain('Notify the birth');
    expect(text).toContain(t('dryrun.done.partly', 'fr'));
    // "Étape" on one line: the step column holds the French word.
    expect(pdfText(sheets, 1, 1, '-layout')).toMatch(/^\s*Étape\s/m);
    const en = mkdtempSync(join(tmpdir(), 'sopkit-dryrun-plan-en-'));
    const plan = await run('dryrun', 'plan', ID, '--out', en);
    expect(plan.code).toBe(0);
    // The record tries 1.0.0, the SOP is further on: the sheets printed today are today's, and
    // the plan says so (the model pack's history has no commit of 1.0.0 to print them from).
    expect(plan.err).toMatch(/^warning: content\/dryruns\/birth-registration-2025\.yaml tries version 1\.0\.0 of birth-registration, which is at \d+\.\d+\.\d+ now: this plan and its sheets are drawn from \d+\.\d+\.\d+'s text and workflow \(its steps, section numbers and time limits\); git has no commit of 1\.0\.0 to print them from$/m);
    expect(readFileSync(join(dir, `${ID}-results-template.csv`), 'utf8')).toBe(readFileSync(join(en, `${ID}-results-template.csv`), 'utf8'));
    // Both languages in one folder: the Arabic plan replaced the English one of the same name.
    expect((await run('dryrun', 'plan', ID, '--out', dir)).code).toBe(0);
    expect(words(join(dir, `${ID}-observation-sheets.pdf`))).toContain('Notify the birth');
    expect(words(sheets)).toContain('Notifier la naissance');
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()).toEqual([`${ID}-observation-sheets.fr.pdf`, `${ID}-observation-sheets.pdf`, `${ID}-test-plan.fr.pdf`, `${ID}-test-plan.pdf`]);
  });
});

describe('sopkit dryrun report --results a workbook', () => {
  it('reads the results typed into Excel as it reads the CSV, a case or site cell merged down over its rows included', async () => {
    const csv = readFileSync('content/dryruns/results/birth-registration-2025.csv', 'utf8');
    const table = readCsv(csv, 'results.csv', undefined, { ragged: 'keep' });
    // The case cell merged down over its first three rows, as a consultant lays out a sheet.
    const rows = [table.header, ...table.rows].map((cells, r) => cells.map((value, c) => (c === 0 && r === 1 ? { value, rowSpan: 3 } : c === 0 && (r === 2 || r === 3) ? null : { value })));
    expect(table.rows.slice(0, 3).map((r) => r[0])).toEqual([table.rows[0]![0], table.rows[0]![0], table.rows[0]![0]]);
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-dryrun-xlsx-'));
    const book = join(dir, 'results.xlsx');
    writeFileSync(book, await writeXlsxFile(rows as never).toBuffer());
    const fromBook = await run('dryrun', 'report', ID, '--results', book, '--out', join(dir, 'book'), '--json');
    expect([fromBook.code, fromBook.err]).toEqual([0, expect.any(String)]);
    const fromCsv = await run('dryrun', 'report', ID, '--out', join(dir, 'csv'), '--json');
    const figures = (out: string) => ({ ...(JSON.parse(out) as Record<string, unknown>), results: undefined });
    expect(figures(fromBook.out)).toEqual(figures(fromCsv.out));
  });
});

describe('sopkit dryrun report --lang', () => {
  it('--lang fr: French headings, dates, section titles of the French SOP; the figures of the English report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-dryrun-fr-'));
    const fr = await run('dryrun', 'report', ID, '--out', dir, '--lang', 'fr', '--json');
    expect(fr.code).toBe(0);
    const pdf = join(dir, `${ID}-dry-run-report.fr.pdf`);
    expect(qpdfCheck(pdf).ok).toBe(true);
    const text = words(pdf);
    for (const key of ['dryrun.report.summary', 'dryrun.report.bySite', 'dryrun.report.steps', 'dryrun.report.proposals'] as const) expect(text).toContain(t(key, 'fr'));
    expect(text).toContain(formatDate('2025-01-20', 'fr'));
    expect(text).toContain('Vérifier les faits et les preuves');
    const stats = JSON.parse(fr.out) as { n: number };
    expect(text).toContain(tn('dryrun.report.nObservations', stats.n, 'fr'));
    const en = await run('dryrun', 'report', ID, '--out', mkdtempSync(join(tmpdir(), 'sopkit-dryrun-en-')), '--json');
    expect(JSON.parse(en.out)).toEqual(JSON.parse(fr.out));
    expect(readFileSync(join(dir, `${ID}-dry-run-report.fr.html`), 'utf8')).toMatch(/<html lang="fr" dir="ltr">/);
  });

  it('--lang ar: a right-to-left report whose Arabic words extract in logical order; --lang xx is one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-dryrun-ar-'));
    expect((await run('dryrun', 'report', ID, '--out', dir, '--lang', 'ar')).code).toBe(0);
    const text = words(join(dir, `${ID}-dry-run-report.ar.pdf`));
    for (const key of ['dryrun.report.bySite', 'dryrun.report.proposals', 'dryrun.report.deviations'] as const) expect(text).toContain(t(key, 'ar'));
    expect(readFileSync(join(dir, `${ID}-dry-run-report.ar.html`), 'utf8')).toMatch(/<html lang="ar" dir="rtl">/);
    const bad = await run('dryrun', 'report', ID, '--out', dir, '--lang', 'xx');
    expect([bad.code, bad.err]).toEqual([1, 'sopkit dryrun: --lang xx: not a language of this pack; use one of en (English), fr (Français), ar (العربية) (the locales of content/site.yaml)']);
  });
});
