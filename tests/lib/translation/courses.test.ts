import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lib/training/courses.ts';
import { checkCourseTranslation, localizeCourse } from '../../../src/lib/translation/courses.ts';
import { loadLocale } from '../../../src/lib/translation/load.ts';

// A source course with a written timetable, a partial French translation and an Arabic one with a
// label the source does not have (tests/fixtures/translation/courses).
const root = join(import.meta.dirname, '../../fixtures/translation/courses');
const source = loadCourse(root, join(root, 'content/courses/short-course.yaml')).doc!;
const fr = loadLocale(root, 'fr');
const ar = loadLocale(root, 'ar');

describe('course translations', () => {
  it('loads content/<lang>/courses/<id>.yaml without diagnostics when it is well formed', () => {
    expect(source.data).toBeDefined();
    expect(fr.diagnostics).toEqual([]);
    expect(fr.content.courses.map((c) => `${c.id} ${c.file}`)).toEqual(['short-course content/fr/courses/short-course.yaml']);
  });

  it('gives each word from the translation and falls back to the source per key', () => {
    const words = fr.content.courses[0]!.words;
    const c = localizeCourse(source.data!, words, 'fr');
    expect(c.title).toBe('Enregistrement tardif des naissances : journée de remise à niveau');
    expect(c.venue).toBe('[Salle de formation]');
    // Not in the translation: the source's words.
    expect(c.summary).toBe(source.data!.summary);
    expect(c.trainers).toEqual(['[Formateur principal]', '[Co-trainer]']);
    const day = c.days![0]!;
    expect(day.map((s) => s.title ?? s.break ?? s.module)).toEqual(['Ouverture et présentations', 'm1', 'Pause-café']);
    expect(day[0]!.trainer).toBe('[Formateur principal]');
    // Ids, times and numbers stay the source's.
    expect(day.map((s) => s.start)).toEqual(['08:30', '09:00', '10:30']);
    expect({ modules: c.modules, participants: c.participants, language: c.language }).toEqual({ modules: ['m1'], participants: 12, language: 'fr' });
    expect(checkCourseTranslation(fr.content.courses[0]!, [source])).toEqual([]);
  });

  it('reports a label the source does not write at its line, and a course with no source', () => {
    const found = ar.content.courses.flatMap((doc) => checkCourseTranslation(doc, [source])).map((d) => `${d.file}:${d.line ?? '-'} ${d.code} ${d.message}`);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^content\/ar\/courses\/no-such-course\.yaml:1 translation\/unknown-source no course content\/courses\/no-such-course\.yaml/);
    expect(found[1]).toMatch(/^content\/ar\/courses\/short-course\.yaml:5 translation\/unknown-id labels: "Lunch" is not written in content\/courses\/short-course\.yaml/);
    expect(found[2]).toMatch(/^content\/ar\/courses\/short-course\.yaml:6 translation\/unknown-id labels: "Coffee"/);
  });

  it('rejects a key the format does not have, at its line', () => {
    const bad = loadLocale(join(root, 'bad'), 'fr');
    expect(bad.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(['content/fr/courses/short-course.yaml:3 translation/course']);
    expect(bad.diagnostics[0]!.message).toMatch(/modules/);
  });
});
