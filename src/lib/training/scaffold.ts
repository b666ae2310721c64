import { parse } from 'yaml';
import type { Project } from '../content/project.ts';
import { SopkitError } from '../errors.ts';

const titleOf = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

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
 * The text of a new course that passes `sopkit check`: the project's modules in the order of their
 * codes (M1, M2, ..., M10),
 * a timetable generated from a day template (08:30 to 16:30 with tea and lunch), the first
 * module's quiz as pre-test and post-test.
 * @param id Course id.
 * @param project The loaded project (modules, roles).
 */
export function courseScaffold(id: string, project: Project): string {
  const modules = project.modules.filter((m) => m.data).sort((a, b) => byCode(a.data!.code, b.data!.code));
  const first = modules[0]?.data;
  if (!first) throw new SopkitError('new/no-modules', 'a course is made of modules: write one first (sopkit new module <id>)');
  const audience = [...new Set(modules.flatMap((m) => m.data!.audience))];
  return `# A course: modules on a timetable. Without days:, the timetable is generated from the
# modules' sessions and the day template; write days: to set each line yourself.
id: ${id}
title: "${titleOf(id)}"
summary: "One or two sentences: who the course is for and what it covers."
audience:
${audience.map((r) => `  - ${r}`).join('\n')}
modules:
${modules.map((m) => `  - ${m.id}`).join('\n')}
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
pretest: ${first.quiz}
posttest: ${first.quiz}
participants: 20
language: en
`;
}
