import type { CourseDoc } from '../training/courses.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Course } from '../../schemas/course.ts';
import type { CourseTranslation } from '../../schemas/translation.ts';
import type { CourseTranslationDoc } from './load.ts';

/**
 * A course with its words in a language (ARCHITECTURE.md, Translations: formats): title, summary,
 * venue, trainers, break labels and timetable line titles from the translation, each one the
 * source's where the translation does not give it. Ids, modules, times and numbers stay the
 * source's. `language` becomes the translation's, so pages mark only the source's own words.
 * @param course The source course.
 * @param words The translation's words.
 * @param lang The translation's language.
 */
export function localizeCourse(course: Course, words: CourseTranslation, lang: string): Course {
  const label = (s: string) => words.labels[s] ?? s;
  const trainer = (s: string) => words.trainers[s] ?? s;
  return {
    ...course,
    title: words.title ?? course.title,
    ...(course.summary !== undefined ? { summary: words.summary ?? course.summary } : {}),
    venue: words.venue ?? course.venue,
    trainers: course.trainers.map(trainer),
    ...(course.dayTemplate ? { dayTemplate: { ...course.dayTemplate, breaks: course.dayTemplate.breaks.map((b) => ({ ...b, label: label(b.label) })) } } : {}),
    ...(course.days
      ? {
          days: course.days.map((day) =>
            day.map((slot) => ({
              ...slot,
              ...(slot.break !== undefined ? { break: label(slot.break) } : {}),
              ...(slot.title !== undefined ? { title: label(slot.title) } : {}),
              ...(slot.trainer !== undefined ? { trainer: trainer(slot.trainer) } : {}),
            })),
          ),
        }
      : {}),
    language: lang,
  };
}

/** The break labels and timetable line titles a course file writes (the keys of `labels`). */
export function courseLabels(course: Course): Set<string> {
  const out = new Set<string>((course.dayTemplate?.breaks ?? []).map((b) => b.label));
  for (const slot of (course.days ?? []).flat()) for (const s of [slot.break, slot.title]) if (s !== undefined) out.add(s);
  return out;
}

/** The trainers a course file names, written anywhere in it (the keys of `trainers`). */
function courseTrainers(course: Course): Set<string> {
  return new Set([...course.trainers, ...(course.days ?? []).flat().flatMap((s) => (s.trainer !== undefined ? [s.trainer] : []))]);
}

/**
 * A course translation must translate a course the project has, and only words that course
 * writes: an unknown course, trainer or label is an error at its line (`translation/unknown-id`).
 * @param doc The translation file.
 * @param courses The source courses.
 */
export function checkCourseTranslation(doc: CourseTranslationDoc, courses: readonly CourseDoc[]): Diagnostic[] {
  const source = courses.find((c) => c.id === doc.id);
  if (!source) return [diagnostic('error', 'translation/unknown-source', doc.file, `no course content/courses/${doc.id}.yaml: a translated course has its source's file name; known: ${courses.map((c) => c.id).join(', ') || 'none'}`)];
  if (!source.data) return [];
  const out: Diagnostic[] = [];
  const known = { trainers: courseTrainers(source.data), labels: courseLabels(source.data) };
  for (const section of ['trainers', 'labels'] as const) {
    for (const key of Object.keys(doc.words[section])) {
      if (known[section].has(key)) continue;
      const list = [...known[section]].map((k) => `"${k}"`).join(', ') || 'none';
      out.push(diagnostic('error', 'translation/unknown-id', doc.file, `${section}: "${key}" is not written in ${source.file}; it has ${list} (the key is the source's words, exactly)`, doc.yaml.positionOf([section, key])));
    }
  }
  if (doc.words.summary !== undefined && source.data.summary === undefined) out.push(diagnostic('error', 'translation/unknown-id', doc.file, `summary: ${source.file} has no summary to translate; remove it`, doc.yaml.positionOf(['summary'])));
  return out;
}
