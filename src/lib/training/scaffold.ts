import { parse } from 'yaml';
import type { Project } from '../content/project.ts';
import { SopkitError } from '../errors.ts';

/** The title a new file starts with, made from its id: `basic-training` → "Basic training". */
export const titleOf = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Module codes in reading order: M2 before M10. */
const byCode = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The code of a new module: the one after the highest "M<n>" of the pack (M1 in a pack without
 * modules), so that it never takes the code of another module (`module/duplicate-code`).
 * @param project The loaded project (modules).
 */
export function nextModuleCode(project: Project): string {
  const numbers = project.modules.flatMap((m) => /^M(\d+)$/.exec(m.data?.code ?? '')?.[1] ?? []).map(Number);
  // Above every M<n> of the pack, so no module has it.
  return `M${Math.max(0, ...numbers) + 1}`;
}

/**
 * The text of a new module that passes `sopkit check`: two sessions (a presentation with a slide
 * and its speaker notes, an exercise with an activity) adding up to the module's 90 minutes, the
 * objectives of its quiz, the first role as audience, and the next free code.
 * @param id Module id.
 * @param project The loaded project (roles, modules).
 * @param quizText The YAML of the module's quiz (existing, or the scaffold written with it).
 */
export function moduleScaffold(id: string, project: Project, quizText: string): string {
  const role = project.roles[0]?.id;
  if (!role) throw new SopkitError('new/no-roles', 'content/roles.yaml has no roles; add at least one role before creating a module');
  const quiz = parse(quizText) as { objectives?: { id: string; text: string }[]; sop?: string };
  const objectives = (quiz.objectives ?? []).map((o) => `  - id: ${o.id}\n    text: ${JSON.stringify(o.text)}`).join('\n');
  return `---
id: ${id}
code: ${nextModuleCode(project)}
title: "${titleOf(id)}"
summary: "One or two sentences: what participants learn in this module, and why."
version: 0.1.0
status: draft
duration: 90
audience:
  - ${role}
objectives:
${objectives}
prerequisites: []
sops:
${quiz.sop ? `  - ${quiz.sop}` : '  []'}
quiz: ${id}
language: en
---

<Session title="[First session]" duration="45" method="presentation">

<Slide title="[What this session is about]">

- [A point, in a few words]
- [Another point]

<SpeakerNotes>
[What the trainer says with this slide, and the question to ask the room.]
</SpeakerNotes>

</Slide>

</Session>

<Session title="[Second session]" duration="45" method="exercise">

<Activity title="[Name of the exercise]" method="exercise" group="3-4" duration="30" materials="[What each group needs]" output="[What each group produces]">

1. [First instruction, with its time]
2. [Second instruction]

</Activity>

</Session>
`.replace('sops:\n  []', 'sops: []');
}

/**
 * The text of a new course that passes `sopkit check` and that a trainer keeps: the first module
 * (by code) on a timetable generated from a day template (08:30 to 16:30 with tea and lunch), the
 * pack's other modules as commented lines to take in, in the order of their codes (M2 before
 * M10), with their titles and minutes; no course pre- or post-test but a comment saying which
 * modules test themselves and how to name a quiz for the course (another module's quiz was not
 * the course's); and `evaluation: <id>`, the form written with it (`sopkit new course`).
 * @param id Course id.
 * @param project The loaded project (modules).
 */
export function courseScaffold(id: string, project: Project): string {
  const modules = project.modules.filter((m) => m.data).sort((a, b) => byCode(a.data!.code, b.data!.code));
  const first = modules[0];
  if (!first?.data) throw new SopkitError('new/no-modules', 'a course is made of modules: write one first (sopkit new module <id>)');
  const about = (m: (typeof modules)[number]) => `# ${m.data!.code} ${m.data!.title}, ${m.data!.duration} min`;
  const width = Math.max(...modules.map((m) => m.id.length));
  const line = (m: (typeof modules)[number], on: boolean) => (on ? `  - ${m.id.padEnd(width + 2)}` : `  # - ${m.id.padEnd(width)}`) + `  ${about(m)}`;
  // A module with a test session (method="test") gives its own quiz's pre- and post-test.
  const untested = modules.filter((m) => !m.outline.sessions.some((s) => s.method === 'test')).map((m) => m.data!.code);
  const tested =
    untested.length === modules.length
      ? 'No module of the pack has a test session (method="test") of its own, so this course has no test until pretest: and posttest: name a quiz'
      : untested.length
        ? `${untested.join(', ')} ${untested.length > 1 ? 'have' : 'has'} no test session (method="test"); the other modules give their quiz's pre- and post-test in their own test sessions`
        : `Every module of the pack gives its quiz's pre- and post-test in its own test sessions (method="test")`;
  return `# A course: modules on a timetable (ARCHITECTURE.md, Formats: course). Without days:, the
# timetable is generated from the modules' sessions and the day template; write days: to set each
# line yourself.
id: ${id}
title: "${titleOf(id)}"
summary: "One or two sentences: who the course is for and what it covers."
audience:
${first.data.audience.map((r) => `  - ${r}`).join('\n')}
# The modules this course teaches, in the order taught. The pack's others are below: take a line
# in by removing its "# " (and add its audience above if it is for other roles).
modules:
${modules.map((m, i) => line(m, i === 0)).join('\n')}
dayTemplate:
  start: "08:30"
  end: "16:30"
  breaks:
    - { at: "10:30", minutes: 15, label: Tea }
    - { at: "12:30", minutes: 60, label: Lunch }
    - { at: "15:00", minutes: 15, label: Tea }
trainers:
  - "[Lead trainer]"
  - "[Co-trainer]"
venue: "[Training room]"
# Tests. ${tested}.
# To test the whole course at its start and end, write a quiz on the objectives of the modules
# taught (sopkit new quiz ${id}) and name it here; the timetable then opens with its pre-test
# and closes with its post-test:
# pretest: ${id}
# posttest: ${id}
# The session evaluation form (quizzes/evaluations/${id}.yaml), given after the last session.
evaluation: ${id}
participants: 20
language: en
`;
}
