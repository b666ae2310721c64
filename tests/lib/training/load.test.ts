import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseSchema } from '../../../src/schemas/course.ts';
import { moduleSchema } from '../../../src/schemas/module.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { describeIssue } from '../../../src/lib/zod-messages.ts';

const project = loadProject(join(import.meta.dirname, '../../fixtures/training/base'));

describe('module loader', () => {
  const intro = project.modules.find((m) => m.id === 'intro')!;

  it('loads the frontmatter and outlines the sessions with positions', () => {
    expect(intro.data?.code).toBe('M1');
    expect(intro.outline.sessions.map((s) => [s.n, s.title, s.duration, s.method, s.at.line])).toEqual([
      [1, 'Receiving a declaration', 30, 'presentation', 22],
      [2, 'A late case', 30, 'case-study', 46],
    ]);
  });

  it('finds slides with their notes, activities, case studies, handouts and job aids in their sessions', () => {
    const [one, two] = intro.outline.sessions;
    expect(one?.slides.map((s) => [s.n, s.title, s.points, s.notes])).toEqual([['1-1', 'What the clerk receives', ['The declaration form', 'The evidence'], 'Ask who has received a declaration this week.']]);
    expect(one?.handouts.map((h) => h.id)).toEqual(['checklist']);
    expect(one?.jobAids.map((j) => j.workflow)).toEqual(['sample-registration']);
    expect(two?.activities.map((a) => [a.n, a.title, a.duration, a.group])).toEqual([[1, 'Sort the cases', 15, '3-4']]);
    expect(two?.caseStudies.map((c) => [c.n, c.workflow, c.scenario])).toEqual([[1, 'sample-registration', 'late-approved']]);
  });

  it('loads courses beside the modules', () => {
    expect(project.courses.map((c) => [c.id, c.data?.participants, c.data?.sparePercent])).toEqual([['basics', 12, 10]]);
  });
});

describe('schemas', () => {
  const module = { id: 'm', code: 'M1', title: 'Module', summary: 'A module for the tests.', version: '0.1.0', status: 'draft', duration: 60, audience: ['registrar'], objectives: [{ id: 'o', text: 'An objective.' }], quiz: 'q' };

  it('fills the defaults of a module and refuses a duration that is not whole minutes', () => {
    expect(moduleSchema.parse(module)).toMatchObject({ prerequisites: [], sops: [], language: 'en' });
    const bad = moduleSchema.safeParse({ ...module, duration: '1 hour' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(describeIssue(bad.error.issues[0]!, { ...module, duration: '1 hour' })).toBe('duration: found "1 hour"; expected a number');
  });

  it('needs days or a day template, and exactly one kind per timetable line', () => {
    const course = { id: 'c', title: 'Course', audience: ['registrar'], modules: ['m'], trainers: ['[A]'], venue: '[V]', participants: 10 };
    expect(courseSchema.safeParse(course).success).toBe(false);
    expect(courseSchema.safeParse({ ...course, dayTemplate: { start: '08:30', end: '16:30' } }).success).toBe(true);
    expect(courseSchema.safeParse({ ...course, days: [[{ start: '8:30', break: 'Tea' }]] }).success).toBe(false);
    expect(courseSchema.safeParse({ ...course, days: [[{ start: '08:30', module: 'm' }]] }).success).toBe(false);
    expect(courseSchema.safeParse({ ...course, days: [[{ start: '08:30', module: 'm', session: 1 }]] }).success).toBe(true);
  });
});
