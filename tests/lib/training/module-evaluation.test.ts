import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import type { CourseDoc } from '../../../src/lib/training/courses.ts';
import { evaluationFormFileName } from '../../../src/lib/training/evaluation/form-pdf.ts';
import { coursePrintPack, trainerGuide, type GuidePart } from '../../../src/lib/training/guide.ts';
import { moduleEvaluationLinks } from '../../../src/lib/training/page-data.ts';
import type { Course } from '../../../src/schemas/course.ts';

// A module's `evaluation:` names the session evaluation form handed out at its end. `sopkit check`
// checked it, and nothing used it: the course's print pack and trainer's guide now include it.
const base = join(import.meta.dirname, '../../fixtures/training/base');
const temp = resolve('.sopkit-cache/test-module-evaluation');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The base pack with a second form, `module-form` (of module intro), named by the module. */
function packWithModuleForm(name: string, moduleForm: string): Project {
  const root = join(temp, name);
  rmSync(root, { recursive: true, force: true });
  cpSync(base, root, { recursive: true });
  const courseForm = parse(readFileSync(join(base, 'quizzes/evaluations/course-evaluation.yaml'), 'utf8')) as Record<string, unknown>;
  delete courseForm.course;
  writeFileSync(join(root, 'quizzes/evaluations/module-form.yaml'), stringify({ ...courseForm, id: 'module-form', title: 'Evaluation of the introduction', module: 'intro' }));
  const mdx = join(root, 'content/modules/intro.mdx');
  writeFileSync(mdx, readFileSync(mdx, 'utf8').replace(/^quiz: (.*)$/m, `quiz: $1\nevaluation: ${moduleForm}`));
  return loadProject(root);
}

let project: Project;
let same: Project;
beforeAll(() => {
  project = packWithModuleForm('own', 'module-form');
  same = packWithModuleForm('same', 'course-evaluation');
});

const course = (p: Project) => p.courses.find((c) => c.data) as CourseDoc & { data: Course };
const intro = (p: Project) => p.modules.find((m) => m.id === 'intro')!.data!;

describe("a module's session evaluation form", () => {
  it("is in the course's print pack, a copy per participant, named by its module", () => {
    const c = course(project).data;
    const forms = coursePrintPack(project, c).filter((l) => l.kind === 'evaluation-form');
    expect(forms.map((l) => l.of)).toEqual([c.evaluation, intro(project).evaluation]);
    const own = forms.find((l) => l.of === intro(project).evaluation)!;
    expect(own.file).toBe(evaluationFormFileName(intro(project).evaluation!));
    expect(own.title).toBe(`${intro(project).code} ${intro(project).title}`);
    expect(own.per).toBe('participant');
    expect(own.copies).toBe(forms[0]!.copies);
  });

  it("is linked from the trainer's guide, its page and its blank CSV", () => {
    const guide = trainerGuide(project, course(project), 'participant');
    const links = guide.sections.flatMap((s) => s.parts).flatMap((p: GuidePart) => (p.kind === 'links' ? p.items : []));
    const id = intro(project).evaluation!;
    expect(links.map((l) => l.href)).toEqual(expect.arrayContaining([`/evaluations/${id}/`, `/evaluations/${id}/template.csv`]));
    expect(links.find((l) => l.href === `/evaluations/${id}/`)!.text).toContain(intro(project).title);
  });

  it("is printed once when it is the course's own form", () => {
    const c = course(same).data;
    const forms = coursePrintPack(same, c).filter((l) => l.kind === 'evaluation-form');
    expect(forms.map((l) => l.of)).toEqual([c.evaluation]);
    const links = trainerGuide(same, course(same), 'participant').sections.flatMap((s) => s.parts).flatMap((p) => (p.kind === 'links' ? p.items : []));
    expect(links.filter((l) => l.href === `/evaluations/${c.evaluation}/`)).toHaveLength(1);
  });
});

describe("the module page's links to its form", () => {
  it('gives the form page and its paper form, in the reader’s language where it is translated', () => {
    const id = intro(project).evaluation!;
    expect(moduleEvaluationLinks(project.root, id, 'en', 'en')).toEqual({ page: `/evaluations/${id}/`, pdf: evaluationFormFileName(id) });
    // The model pack's form is translated into French: a French reader gets the French paper form.
    const model = join(import.meta.dirname, '../../..');
    expect(moduleEvaluationLinks(model, 'registry-officers', 'fr', 'en')?.pdf).toBe(evaluationFormFileName('registry-officers').replace(/\.pdf$/, '.fr.pdf'));
    // Not translated into the reader's language: the source's form.
    expect(moduleEvaluationLinks(project.root, id, 'fr', 'en')?.pdf).toBe(evaluationFormFileName(id));
  });

  it('gives nothing for a module with no form, or a form that does not load', () => {
    expect(moduleEvaluationLinks(project.root, undefined, 'en', 'en')).toBeUndefined();
    expect(moduleEvaluationLinks(project.root, 'no-such-form', 'en', 'en')).toBeUndefined();
  });
});
