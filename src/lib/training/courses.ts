import { basename, join } from 'node:path';
import { courseSchema, type Course } from '../../schemas/course.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ParsedYaml } from '../content/frontmatter.ts';
import { layout, listFiles, relPath } from '../content/project.ts';
import { readSource } from '../content/read-source.ts';
import { validateYaml } from '../content/validate.ts';

/** One course file (`content/courses/<id>.yaml`), parsed and validated. */
export interface CourseDoc {
  /** Id from the file name. */
  id: string;
  /** Path relative to the project root. */
  file: string;
  /** The course, or undefined when the YAML or the schema rejected it. */
  data: Course | undefined;
  /** The YAML with positions, to report a rule at its line. */
  yaml: ParsedYaml;
}

/**
 * Reads and validates one course file.
 * @param root Project root.
 * @param absPath Absolute path of the YAML file.
 */
export function loadCourse(root: string, absPath: string): { doc: CourseDoc | undefined; diagnostics: Diagnostic[] } {
  const file = relPath(root, absPath);
  const id = basename(absPath).replace(/\.ya?ml$/, '');
  const read = readSource(absPath, file);
  if (read.text === undefined) return { doc: undefined, diagnostics: read.diagnostics };
  const validated = validateYaml(read.text.replace(/^\uFEFF/, ''), courseSchema, file, 'course/schema');
  const diagnostics = [...read.diagnostics, ...validated.diagnostics];
  if (validated.value && validated.value.id !== id) {
    diagnostics.push(diagnostic('error', 'course/id-mismatch', file, `id: found "${validated.value.id}"; it must equal the file name "${id}"`, validated.yaml.positionOf(['id'])));
  }
  return { doc: { id, file, data: validated.value, yaml: validated.yaml }, diagnostics };
}

/** Every course under `content/courses/`, in file-name order. */
export function loadCourses(root: string): { courses: CourseDoc[]; diagnostics: Diagnostic[] } {
  const dir = join(root, layout.courses);
  const files = [...listFiles(dir, '.yaml'), ...listFiles(dir, '.yml')].sort();
  const courses: CourseDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const abs of files) {
    const loaded = loadCourse(root, abs);
    if (loaded.doc) courses.push(loaded.doc);
    diagnostics.push(...loaded.diagnostics);
  }
  return { courses, diagnostics };
}
