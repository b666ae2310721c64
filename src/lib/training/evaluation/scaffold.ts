import type { Project } from '../../content/project.ts';

const titleOf = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/**
 * The text of a new evaluation form that passes `sopkit check`: anonymous, on the default 5-point
 * scale, with a few statements in the usual groups, a choice question and two open questions.
 * Names the course of the same id when there is one.
 * @param id Evaluation id.
 * @param project The loaded project (its courses).
 * @param written The course of that id when it is being written with the form (`sopkit new course`).
 */
export function evaluationScaffold(id: string, project: Project, written?: { title: string }): string {
  const found = project.courses.find((c) => c.id === id && c.data)?.data;
  const course = written ?? found;
  return `# A session evaluation form (ARCHITECTURE.md, Formats: evaluation). Anonymous by default; the
# answers come back as CSV (the page's export, the blank template for paper forms, or Kobo/ODK).
id: ${id}
title: "Evaluation of ${course?.title ?? titleOf(id)}"
intro: "Your answers are anonymous and help us improve the course. Skip any question you prefer not to answer."
${course ? `course: ${id}\n` : '# course: <course id> (the course it evaluates)\n'}anonymous: true
scale:
  points: 5
groups:
  - { id: relevance, title: "Relevance to your work" }
  - { id: trainer, title: "The trainers" }
  - { id: organisation, title: "Organisation" }
  - { id: comments, title: "Your comments" }
items:
  - { id: relevant, type: likert, group: relevance, text: "[The course was relevant to my work.]" }
  - { id: apply, type: likert, group: relevance, text: "[I can apply what I learned in my office.]" }
  - { id: clear, type: likert, group: trainer, text: "[The trainers explained clearly.]" }
  - id: pace
    type: choice
    group: organisation
    text: "[The pace of the course was:]"
    options:
      - { id: too-slow, text: "Too slow" }
      - { id: about-right, text: "About right" }
      - { id: too-fast, text: "Too fast" }
  - { id: most-useful, type: text, group: comments, text: "[What was the most useful part of the course?]" }
  - { id: improve, type: text, group: comments, text: "[What should be improved?]" }
language: en
`;
}
