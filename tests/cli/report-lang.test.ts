import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { pdfText, qpdfCheck, withoutBidiMarks } from '../lib/handbook/pdf-tools.ts';
import { run } from './run.ts';

const E = 'examples/registry-officers';
const files = ['--pre', `${E}/pre.csv`, '--post', `${E}/post.csv`, '--evaluation', `${E}/evaluation.csv`, '--attendance', `${E}/attendance.csv`, '--notes', `${E}/notes.md`];
const SECTIONS = ['summary', 'course', 'attendance', 'tests', 'review', 'evaluation', 'notes', 'annexTimetable', 'annexItems'] as const;

/** pdftotext's words: its embedding marks (U+202A–U+202E) dropped, white space collapsed. */
const words = (path: string) => withoutBidiMarks(pdfText(path)).replace(/\s+/g, ' ');

describe('sopkit report --lang', () => {
  it('--lang fr writes a valid PDF whose every section title is French', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-report-fr-'));
    const { code } = await run('report', '--course', 'registry-officers', ...files, '--out', dir, '--date', '2026-03-06', '--lang', 'fr');
    expect(code).toBe(0);
    const pdf = join(dir, 'report.pdf');
    expect(qpdfCheck(pdf).ok).toBe(true);
    const text = words(pdf);
    for (const s of SECTIONS) expect(text).toContain(t(`trainingReport.${s}`, 'fr'));
    expect(text).toContain('6 mars 2026');
    expect(text).not.toContain('Participants and attendance');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<html lang="fr" dir="ltr">');
  });

  it('--lang ar writes a right-to-left PDF whose Arabic words extract in logical order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-report-ar-'));
    const { code } = await run('report', '--course', 'registry-officers', ...files, '--out', dir, '--date', '2026-03-06', '--lang', 'ar');
    expect(code).toBe(0);
    const pdf = join(dir, 'report.pdf');
    expect(qpdfCheck(pdf).ok).toBe(true);
    const text = words(pdf);
    // Multi-word titles, read as written: a reversed extraction would give the words back to front.
    // (Poppler places the full stop of "الملحق أ. الجدول الزمني" by its own rules: each side is checked.)
    for (const s of SECTIONS) for (const part of t(`trainingReport.${s}`, 'ar').split('.')) expect(text).toContain(part.trim());
    // Poppler gives a line's runs left to right, each Arabic run in logical order: sentences are
    // checked up to their numbers.
    for (const phrase of [t('trainingReport.kf.agree', 'ar'), t('trainingReport.from.attendance', 'ar'), t('trainingReport.kf.mean', 'ar')]) expect(text).toContain(phrase);
    expect(text).not.toContain([...t('trainingReport.kf.mean', 'ar')].reverse().join(''));
    expect(text).toContain('مارس');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<html lang="ar" dir="rtl">');
  });

  it('an unknown language is one line listing the locales; exit 1', async () => {
    const r = await run('report', '--course', 'registry-officers', '--json', '--lang', 'xx');
    expect([r.code, r.err]).toEqual([1, 'sopkit report: --lang xx: not a language of this pack; use one of en (English), fr (Français), ar (العربية) (the locales of content/site.yaml)']);
  });
});
