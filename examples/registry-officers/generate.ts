// Writes the model example files of the course for registry officers: attendance, the pre-test and
// post-test answers, the session evaluation and the trainer's notes, as a trainer would have them
// after the course. MODEL DATA, made up by a seeded generator so that every run writes the same
// bytes: replace it with your own course's files.
//
//   npx tsx examples/registry-officers/generate.ts [output folder]
//
// The answers follow the quizzes of the course (a participant's ability plus a gain from the
// course decides how likely each answer is right), so the example stays valid when a quiz changes:
// run the script again.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv } from '../../src/lib/assessment/csv-write.ts';
import { formItems } from '../../src/lib/assessment/quiz-rules.ts';
import { loadProject } from '../../src/lib/content/project.ts';
import { evaluationColumns } from '../../src/lib/training/evaluation/csv.ts';
import { courseInfo } from '../../src/lib/training/report/course-info.ts';
import type { Quiz, QuizItem } from '../../src/schemas/quiz.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const out = resolve(process.argv[2] ?? here);
const COURSE = 'registry-officers';

/** mulberry32: a small seeded generator, so the example is the same on every machine. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(20260302);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const chance = (p: number) => random() < p;

const info = courseInfo(loadProject(root), COURSE);
const days = info.days.length;

// Twenty officers from the offices that would send staff to a regional course.
const names = [
  'Amina Yusuf', 'Joseph Banda', 'Grace Mensah', 'Samuel Okoro', 'Fatima Diallo', 'Peter Mwangi', 'Mariam Sesay', 'John Phiri',
  'Esther Nakato', 'Ibrahim Kamara', 'Ruth Achieng', 'Daniel Tesfaye', 'Halima Abdi', 'Moses Kiprop', 'Agnes Chanda', 'Paul Nkurunziza',
  'Rebecca Lado', 'Musa Conteh', 'Sarah Atieno', 'David Mutua',
];
const offices = [
  { name: '[Regional] civil registration office', weight: 6 },
  { name: '[District A] registration office', weight: 4 },
  { name: '[District B] registration office', weight: 4 },
  { name: 'Identity enrolment centre, [regional capital]', weight: 3 },
  { name: 'Birth notification desk, [Regional] hospital', weight: 2 },
  { name: 'Headquarters, [National Authority]', weight: 1 },
];
const people = names.slice(0, info.participants).map((name, i) => {
  const office = offices.flatMap((o) => Array<string>(o.weight).fill(o.name))[i % 20]!;
  const role = i % 7 === 0 ? 'registration-supervisor' : i % 3 === 0 ? 'registrar' : 'registration-clerk';
  return { id: `P${String(i + 1).padStart(2, '0')}`, name, office, sex: i % 2 === 0 ? 'F' : 'M', role, ability: normal() };
});
// P17 never came; P08 missed the last day (when there is more than one); P09 left before the
// post-test; P20 arrived after the pre-test.
const present = (id: string, day: number) => id !== 'P17' && !(id === 'P08' && day === days && days > 1);
const takesPre = (id: string) => present(id, 1) && id !== 'P20';
const takesPost = (id: string) => present(id, days) && id !== 'P09';

/** One participant's answer to an item: right with probability p, else a plausible wrong one. */
function answer(item: QuizItem, p: number): string {
  const right = item.options.filter((o) => o.correct).map((o) => o.id);
  const wrong = item.options.filter((o) => !o.correct).map((o) => o.id);
  const ok = chance(p);
  switch (item.type) {
    case 'order': {
      const ids = item.options.map((o) => o.id);
      if (ok) return ids.join(' ');
      const k = Math.floor(random() * (ids.length - 1));
      [ids[k], ids[k + 1]] = [ids[k + 1]!, ids[k]!];
      return ids.join(' ');
    }
    case 'multiple':
      return ok ? right.join(' ') : [...right.slice(0, Math.max(1, right.length - 1)), ...(chance(0.5) ? [pick(wrong)] : [])].sort().join(' ');
    default:
      return ok ? right[0]! : pick(wrong);
  }
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
function testRows(quiz: Quiz, form: 'pre' | 'post', takes: (id: string) => boolean): string {
  const items = formItems(quiz, form);
  const gain = form === 'post' ? 1.5 : 0;
  const rows = people.filter((p) => takes(p.id)).map((p) => [p.id, p.name, form, ...items.map((item, k) => (chance(0.02) ? '' : answer(item, logistic(p.ability + gain + 0.6 - (k % 3) * 0.5))))]);
  return writeCsv([['participant', 'name', 'form', ...items.map((i) => i.id)], ...rows]);
}

// Session evaluation: answers lean to agreement, a little less on practice time and the venue.
const leaning: Record<string, number> = { 'met-practice': -0.7, 'org-venue': -0.5, 'con-level': -0.2, 'met-simulator': 0.3, 'tr-clear': 0.4 };
const comments: Record<string, string[]> = {
  'most-useful': [
    'The case study of the late declaration: I meet this every week.',
    'Walking through the birth registration steps in the simulator.',
    'Knowing which cases I must send to the supervisor and which I can decide myself.',
    'The job aid for the counter. I will put it next to my screen.',
    'Understanding why the register must stay confidential, even for family members who ask.',
    'The role-play with the informant who has no documents.',
  ],
  improve: [
    'More time for the exercises; the afternoon was rushed.',
    'The room was hot and the projector hard to read from the back.',
    'Give us the slides before the course so we can read them.',
    'Add a case about a foundling and one about a home birth with no witness.',
    'Fewer slides on the law, more practice at the counter.',
    'Start on time: we lost half an hour on the first morning.',
  ],
  support: [
    'A printed copy of the SOPs for each office, not only on the computer.',
    'Our office has one computer for three clerks; we need a second one.',
    'Supervision visits in the first months to check that we apply the new steps.',
    'The new forms in enough numbers: we still use the old ones.',
    'A phone number to call the supervisor when a case is not clear.',
    'Training for the hospital notifiers too, so the notifications arrive complete.',
  ],
};
function evaluationRows(): string {
  const form = info.evaluations.find((e) => e.id === info.evaluation);
  if (!form) return '';
  const points = form.scale.points;
  const respondents = people.filter((p) => present(p.id, days) && p.id !== 'P09').filter(() => chance(0.9));
  const rows = respondents.map((p) => {
    const warmth = 0.4 * p.ability + normal() * 0.3;
    return evaluationColumns(form).map((col) => {
      if (col === 'course') return COURSE;
      const item = form.items.find((i) => i.id === col)!;
      if (chance(0.04)) return '';
      if (item.type === 'likert') return String(Math.max(1, Math.min(points, Math.round(4.1 + (leaning[item.id] ?? 0) + warmth + normal() * 0.75))));
      if (item.type === 'choice') return chance(0.7) ? (item.options?.[1]?.id ?? '') : pick(item.options ?? []).id;
      return chance(0.75) ? pick(comments[item.id] ?? ['']) : '';
    });
  });
  // Forms come back in no particular order: shuffled, so no row can be traced to a participant.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return writeCsv([evaluationColumns(form), ...rows]);
}

function attendanceRows(): string {
  const dayCols = Array.from({ length: days }, (_, d) => `day${d + 1}`);
  return writeCsv([['participant', 'name', 'organisation', 'sex', 'role', ...dayCols], ...people.map((p) => [p.id, p.name, p.office, p.sex, p.role, ...dayCols.map((_, d) => (present(p.id, d + 1) ? '1' : '0'))])]);
}

/** Working days from Monday 2 March 2026, one per day of the timetable. */
function dates(): string[] {
  const list: string[] = [];
  for (let d = new Date(Date.UTC(2026, 2, 2)); list.length < days; d = new Date(d.getTime() + 86_400_000)) if (d.getUTCDay() % 6 !== 0) list.push(d.toISOString().slice(0, 10));
  return list;
}

const notes = `---
# MODEL EXAMPLE: the course as delivered. Replace with your own dates, venue and trainers.
dates: [${dates().join(', ')}]
venue: "[Training room, regional civil registration office]"
trainers: ["[Lead trainer]", "[Co-trainer]"]
---

> **Model example.** These observations illustrate what a trainer writes after the course; they
> describe no real course. Replace them with your own.

## Observations

- The pre-test showed that most participants could define legal identity but few could say **who
  approves a late registration**; the session on roles took twenty minutes longer than planned.
- The case study of the late declaration worked well: every group reached the decision the SOP
  gives, and two groups asked what to do when the informant has no identity document.
- Participants from the hospital desk had never seen the register itself; a short visit to the
  registry's archive would help them understand why notifications must be complete.
- The projector was hard to read from the back of the room after 14:00 (sun on the screen).

## Recommendations

1. Give the roles and duties session 60 minutes rather than 45, and the pre-test five minutes more.
2. Add a case on a birth at home with no witness, which several participants meet in rural offices.
3. Send each office a printed copy of the SOPs and the counter job aid before supervision visits start.
4. Plan a follow-up visit by the regional supervisor within three months, using the job aid as a checklist.

| Follow-up | Who | By |
|---|---|---|
| Send the SOPs and job aids to each office | [Training coordinator] | [date] |
| Supervision visit with the job aid | [Regional supervisor] | [date] |
`;

mkdirSync(out, { recursive: true });
const write = (name: string, text: string) => {
  writeFileSync(join(out, name), text);
  console.log(`wrote ${join(out, name)}`);
};
write('attendance.csv', attendanceRows());
for (const quiz of info.quizzes) {
  // The course pre-test and post-test are pre.csv and post.csv; any other module quiz is named after it.
  const suffix = quiz.id === info.pretest || quiz.id === info.posttest ? '' : `-${quiz.id}`;
  write(`pre${suffix}.csv`, testRows(quiz, 'pre', takesPre));
  write(`post${suffix}.csv`, testRows(quiz, 'post', takesPost));
}
const evaluation = evaluationRows();
if (evaluation) write('evaluation.csv', evaluation);
write('notes.md', notes);
