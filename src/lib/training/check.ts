import { basename } from 'node:path';
import { visit } from 'unist-util-visit';
import type { CheckContext } from '../check/context.ts';
import { checkComponentUse } from '../check/component-use.ts';
import { componentSpecs, type ComponentSpec } from '../content/components.ts';
import { sectionAt } from '../content/sections.ts';
import { activeContentRule, bodyCodeRule, refRule, tableHeaderRule } from '../check/sop-rules.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { didYouMean } from '../did-you-mean.ts';
import { loadQuizzes } from '../assessment/quiz-load.ts';
import { getWorkflow } from '../workflow/cache.ts';
import { pathProblem } from '../workflow/path-graph.ts';
import { workflowFiles } from '../workflow/load.ts';
import type { CourseDoc } from './courses.ts';
import type { ModuleDoc } from './modules.ts';
import { allOf, jsxAttributes } from './outline.ts';
import { jobAidPageCount } from './module-pdf.ts';
import { JOB_AID_MIN_SIZE } from './job-aid-print.ts';
import { jobAidOf, workflowTitle } from './module-prints.ts';
import { projectIn } from '../translation/localize.ts';
import { courseTimetable } from './timetable.ts';
import { evaluationDiagnostics, evaluationsDir, loadEvaluations, type EvaluationDoc } from './evaluation/load.ts';

export { evaluationsDir } from './evaluation/load.ts';

/** Ids the training files may name. */
interface Known {
  sops: Set<string>;
  roles: Set<string>;
  terms: Set<string>;
  modules: Set<string>;
  /** Module id → the ids its frontmatter lists under prerequisites. */
  prerequisitesOf: Map<string, readonly string[]>;
  /** Quiz id → its objective ids (undefined when the quiz itself has errors). */
  quizzes: Map<string, Set<string> | undefined>;
  workflows: Set<string>;
  /** Evaluation form ids (`quizzes/evaluations/`). */
  evaluations: Set<string>;
}

function knownIds(ctx: CheckContext, evaluations: readonly EvaluationDoc[]): Known {
  const root = ctx.project.root;
  return {
    sops: new Set(ctx.project.sops.map((s) => s.id)),
    roles: new Set(ctx.project.roles.map((r) => r.id)),
    terms: new Set(ctx.project.glossary.map((g) => g.id)),
    modules: new Set(ctx.project.modules.map((m) => m.id)),
    prerequisitesOf: new Map(ctx.project.modules.map((m) => [m.id, m.data?.prerequisites ?? []])),
    quizzes: new Map(loadQuizzes(root).map((q) => [q.id, q.quiz ? new Set(q.quiz.objectives.map((o) => o.id)) : undefined])),
    workflows: new Set(workflowFiles(root).map((f) => basename(f).replace(/\.machine\.ts$/, ''))),
    evaluations: new Set(evaluations.map((e) => e.id)),
  };
}

const list = (ids: Iterable<string>) => [...ids].sort().join(', ') || 'none';

/** Ids in a frontmatter list that must exist: one error per unknown id, at its line. */
function idsExist(file: string, at: (path: (string | number)[]) => { line: number; column: number }, field: string, ids: readonly string[], known: Set<string>, code: string, where: string): Diagnostic[] {
  return ids.flatMap((id, i) => (known.has(id) ? [] : [diagnostic('error', code, file, `${field}[${i}]: no "${id}" in ${where}; known: ${list(known)}`, at([field, i]))]));
}

/**
 * A module is not its own prerequisite, directly or through others (a → b → a): no one could
 * take it first. Each module of a cycle gets the error, at the prerequisite that closes it.
 */
function prerequisiteCycles(m: ModuleDoc, k: Known): Diagnostic[] {
  const out: Diagnostic[] = [];
  m.data?.prerequisites.forEach((first, i) => {
    if (first === m.id) {
      out.push(diagnostic('error', 'module/prerequisite-cycle', m.file, `prerequisites[${i}]: "${first}" is this module itself, and a module cannot come before itself; remove it`, m.yaml.positionOf(['prerequisites', i])));
      return;
    }
    // Breadth first from this prerequisite: the shortest way back to this module, if there is one.
    const from = new Map<string, string>([[first, '']]);
    const queue = [first];
    while (queue.length) {
      const id = queue.shift()!;
      if (id === m.id) break;
      for (const next of k.prerequisitesOf.get(id) ?? []) {
        if (!from.has(next)) {
          from.set(next, id);
          queue.push(next);
        }
      }
    }
    if (!from.has(m.id)) return;
    const path = [m.id];
    for (let id = from.get(m.id)!; id; id = from.get(id)!) path.unshift(id);
    out.push(diagnostic('error', 'module/prerequisite-cycle', m.file, `prerequisites[${i}]: "${first}" needs this module first (${[m.id, ...path].join(' → ')}), so neither can be taken first; remove one of the prerequisites of that cycle`, m.yaml.positionOf(['prerequisites', i])));
  });
  return out;
}

/**
 * A module's code names it in every course, timetable, handbook and test booklet ("M2 · Birth and
 * death registration"): two modules with one code could not be told apart there. The second one
 * (in file order) gets the error, naming the first.
 */
/**
 * A module with the id of an SOP: their PDFs have the same names (`handbooks/<id>.pdf`, the
 * SOP's handbook and the module's workbook), so one replaced the other in the build and in
 * `sopkit handbook`, and the check said nothing. One error per such module, at its id.
 */
function sopIdClashes(modules: readonly ModuleDoc[], sops: readonly { id: string; file: string }[]): Diagnostic[] {
  const byId = new Map(sops.map((s) => [s.id, s.file]));
  return modules.flatMap((m) => {
    const sop = byId.get(m.id);
    if (!sop) return [];
    return [diagnostic('error', 'module/sop-id', m.file, `id ${m.id} is also the id of an SOP (${sop}): the module's workbook and the SOP's handbook would both be handbooks/${m.id}.pdf, and one replaces the other; give the module another id (and its file the same name)`, m.yaml.positionOf(['id']))];
  });
}

function duplicateCodes(modules: readonly ModuleDoc[]): Diagnostic[] {
  const first = new Map<string, ModuleDoc>();
  const out: Diagnostic[] = [];
  for (const m of modules) {
    const code = m.data?.code;
    if (code === undefined) continue;
    const earlier = first.get(code);
    if (!earlier) first.set(code, m);
    else out.push(diagnostic('error', 'module/duplicate-code', m.file, `code ${code} is already the code of ${earlier.file}; give each module its own code (M1, M2, ...)`, m.yaml.positionOf(['code'])));
  }
  return out;
}

function frontmatterRules(m: ModuleDoc, k: Known): Diagnostic[] {
  const data = m.data;
  if (!data) return [];
  const at = (path: (string | number)[]) => m.yaml.positionOf(path);
  const out: Diagnostic[] = [
    ...idsExist(m.file, at, 'audience', data.audience, k.roles, 'role/unknown', 'content/roles.yaml'),
    ...idsExist(m.file, at, 'sops', data.sops, k.sops, 'module/unknown-sop', 'content/sops/'),
    ...idsExist(m.file, at, 'prerequisites', data.prerequisites, k.modules, 'module/unknown-prerequisite', 'content/modules/'),
    ...prerequisiteCycles(m, k),
  ];
  const objectives = k.quizzes.get(data.quiz);
  // Two objectives with one id printed both texts on the module page and merged their pre/post
  // results under one heading in the report, without a word.
  const firstOf = new Map<string, number>();
  data.objectives.forEach((o, i) => {
    const first = firstOf.get(o.id);
    if (first === undefined) firstOf.set(o.id, i);
    else out.push(diagnostic('error', 'module/duplicate-objective', m.file, `objectives[${i}]: "${o.id}" is already the id of objectives[${first}]; give each objective its own id, one of the quiz's${objectives ? ` (${list(objectives)})` : ''}, so the tests measure and report each one`, at(['objectives', i, 'id'])));
  });
  if (!k.quizzes.has(data.quiz)) {
    out.push(diagnostic('error', 'module/unknown-quiz', m.file, `quiz: no "${data.quiz}" in quizzes/; known: ${list(k.quizzes.keys())} (run \`sopkit new quiz ${data.quiz}\`)`, at(['quiz'])));
  } else if (objectives) {
    data.objectives.forEach((o, i) => {
      if (!objectives.has(o.id)) out.push(diagnostic('error', 'module/objective-not-in-quiz', m.file, `objectives[${i}]: "${o.id}" is not an objective of quiz ${data.quiz} (${list(objectives)}); use the quiz's ids so the tests measure the module's objectives`, at(['objectives', i, 'id'])));
    });
  }
  if (data.evaluation && !k.evaluations.has(data.evaluation)) {
    out.push(diagnostic('error', 'module/unknown-evaluation', m.file, `evaluation: no "${data.evaluation}" in ${evaluationsDir}/; known: ${list(k.evaluations)} (run \`sopkit new evaluation ${data.evaluation}\`)`, at(['evaluation'])));
  }
  const total = m.outline.sessions.reduce((n, s) => n + (s.duration ?? 0), 0);
  if (m.tree && total !== data.duration) {
    const parts = m.outline.sessions.map((s) => s.duration ?? 0).join(' + ') || '0';
    out.push(diagnostic('error', 'module/duration', m.file, `duration is ${data.duration} minutes but the sessions add up to ${total} (${parts}); change duration or the sessions' durations`, at(['duration'])));
  }
  return out;
}

/**
 * About how many lines a slide's text takes on the 1280 x 720 stage, in lines of its body text: a
 * title line is about 1.6 of them (1.75 em, wrapping at about 38 characters), a point about one
 * per 62 characters. The stage shrinks a long slide's text to 64 % of its size at most, which
 * shows about 20 such lines; past them the presenter has to scroll the slide. (The fullest slide of the model
 * pack, 14 lines, fits; a four-line title over ten two-line points, 27, did not.)
 */
export function slideLoad(slide: { title: string; points: readonly string[] }): number {
  const title = Math.max(1, Math.ceil(slide.title.length / 38)) * 1.6;
  return title + slide.points.reduce((n, p) => n + Math.max(1, Math.ceil(p.length / 62)), 0);
}
const SLIDE_LINES = 20;

/**
 * A job aid is one sheet at the counter: one that runs past its A4 page even at its smallest type, its columns
 * fitted to the words, prints on both sides ("Continued overleaf"), which the author is told.
 */
async function jobAidLengthRule(ctx: CheckContext, m: ModuleDoc, aids: readonly { workflow: string; at: { line: number; column: number } }[]): Promise<Diagnostic[]> {
  if (!aids.length || !m.data || !m.tree) return [];
  const lang = m.data.language;
  const project = projectIn(ctx.project, lang);
  const out: Diagnostic[] = [];
  for (const aid of aids) {
    // Its steps as the module prints them, without laying out the module's diagrams
    // (`moduleWorkflowPrints` does: that layout was a fifth of a cold check).
    const steps = await jobAidOf(project, aid.workflow, lang);
    if (!steps) continue; // a machine that does not load is reported by its own rule
    const code = project.sops.find((s) => s.data?.workflow === aid.workflow)?.data?.code ?? aid.workflow;
    const title = workflowTitle(project, aid.workflow, lang);
    const n = jobAidPageCount(steps, { title, code, lang, workflow: aid.workflow });
    if (n > 1) {
      // A translation prints its language's words of the workflow where it has them, and keeps its
      // source's job aids: the machine and a split are the source's to change, not the translator's.
      const words = m.data.translationOf ? ctx.project.translations[lang]?.workflows.find((w) => w.id === aid.workflow)?.file : undefined;
      const remedy = !m.data.translationOf
        ? `shorten its steps' titles and conditions in workflows/${aid.workflow}.machine.ts, or split the procedure into two job aids`
        : words
          ? `shorten its steps' titles and conditions in ${words}, the words it prints in this language (a translation keeps its source's job aids)`
          : `shorten its steps' titles and conditions in workflows/${aid.workflow}.machine.ts, whose words it prints until workflows/${lang}/${aid.workflow}.yaml translates them (a translation keeps its source's job aids)`;
      out.push(
        diagnostic(
          'warning',
          'job-aid/too-long',
          m.file,
          `module ${m.data.code} (${m.id}): the job aid <JobAid workflow="${aid.workflow}"> (${title}, ${steps.length} steps) prints on ${n} A4 pages even at ${JOB_AID_MIN_SIZE} pt, so it is printed on both sides of the sheet with "Continued overleaf"; to keep it on one page, ${remedy}`,
          aid.at,
        ),
      );
    }
  }
  return out;
}

type JsxLike = { type?: string; name?: string | null; children?: unknown[]; position?: { start: { line: number; column: number } } };
const isJsx = (node: JsxLike) => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

/**
 * What a module's slides and sessions cannot hold, in one walk of its body. Speaker notes outside
 * a slide. A <Slide> inside a <Slide> printed twice (as a
 * heading in the outer slide, and as a slide of its own); a <Session> inside a <Session> printed
 * as a heading, outside the timetable and the module's minutes. A <FacilitatorKey> on a slide was
 * projected to the room in the trainer's deck (the deck now leaves it out, as it leaves out a
 * <TrainerNote>): the author is told where the answer goes instead. An empty slide projected a
 * title alone.
 */
function nestingRule(file: string, tree: NonNullable<ModuleDoc['tree']>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: JsxLike) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const walk = (node: JsxLike, parent: JsxLike | undefined, slide: JsxLike | undefined, session: JsxLike | undefined, notes: boolean) => {
    let [inSlide, inSession, inNotes] = [slide, session, notes];
    if (isJsx(node)) {
      if (node.name === 'Slide') {
        if (slide) out.push(diagnostic('error', 'slide/nested', file, `<Slide> inside the <Slide> of line ${at(slide).line}: it would print twice, in that slide and as a slide of its own; close the first slide (</Slide>) before this one opens`, at(node)));
        else if (!(node.children ?? []).length) out.push(diagnostic('warning', 'slide/empty', file, '<Slide> has nothing in it: it projects its title alone; add its points (or a <Workflow>), or remove it', at(node)));
        inSlide = node;
      } else if (node.name === 'Session') {
        if (session) out.push(diagnostic('error', 'module/nested-session', file, `<Session> inside the <Session> of line ${at(session).line}: it prints as a heading of that session, with no place in the timetable, the module's minutes or the slides; close the first session (</Session>) before this one opens`, at(node)));
        inSession = node;
      } else if (node.name === 'SpeakerNotes') {
        // Speaker notes go with a slide: the speaker view and the speaker-notes PDF show them by
        // slide, so notes inside a session but outside any <Slide> reached only the trainer's manual.
        const inItsSlide = parent?.type === 'mdxJsxFlowElement' && parent.name === 'Slide';
        if (!inItsSlide && parent?.type !== 'root') out.push(diagnostic('error', 'slide/notes-outside', file, '<SpeakerNotes> stands outside any <Slide>: the speaker view and the speaker-notes PDF show notes with their slide, so these would show with none; move them into the slide they go with', at(node)));
        inNotes = true;
      } else if (slide && !notes && (node.name === 'FacilitatorKey' || node.name === 'TrainerNote')) {
        const [what, instead] = node.name === 'FacilitatorKey' ? ['the answers of a <FacilitatorKey>', 'move the key into the slide\'s <SpeakerNotes>'] : ['a <TrainerNote>', 'write its text in the slide\'s <SpeakerNotes>'];
        out.push(diagnostic('warning', 'slide/trainer-only', file, `<${node.name}> inside the <Slide> of line ${at(slide).line}: a slide is projected to the participants, so the deck leaves out ${what}; ${instead} (the speaker view shows them to the presenter alone), or after the slide`, at(node)));
      }
    }
    for (const child of node.children ?? []) walk(child as JsxLike, node, inSlide, inSession, inNotes);
  };
  walk(tree as JsxLike, undefined, undefined, undefined, false);
  return out;
}

async function bodyRules(ctx: CheckContext, m: ModuleDoc, k: Known): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const use of m.uses) {
    out.push(...checkComponentUse(m.file, use, k.terms));
    if (use.name === 'Ref' && use.attributes.to !== undefined) out.push(...refRule(ctx, m, use.attributes.to, use.at));
    // A component that shows what an SOP's frontmatter declares (`places: ['sop']` in the
    // registry) had nothing to show in a module: <Form> stopped the build at the module's page
    // ("is not a form of <module>"), <Roles> and <LegalBasis> printed empty tables, <FormsAnnex>
    // nothing, and <Step> dropped its provisions, all without a word.
    const spec = componentSpecs[use.name];
    if (spec?.places && !spec.places.includes('module')) out.push(...sopOnlyRule(ctx, m, use, spec));
    const { id } = use.attributes;
    if (use.name === 'Role' && id !== undefined && !k.roles.has(id)) {
      out.push(diagnostic('error', 'role/unknown', m.file, `<Role id="${id}">: no such role in content/roles.yaml${didYouMean(id, k.roles)}; fix the id or add the role there`, use.at));
    }
  }
  if (!m.tree) return out;
  out.push(...bodyCodeRule(m.file, m.tree, 'module'), ...activeContentRule(m.file, m.tree), ...tableHeaderRule(m.file, m.tree));
  if (m.data && !m.outline.sessions.length) out.push(diagnostic('error', 'module/no-session', m.file, 'the body has no <Session title duration method>; a module is taught in sessions'));
  for (const stray of m.outline.outside) {
    out.push(diagnostic('error', 'module/outside-session', m.file, `<${stray.node.name}> stands outside any <Session>; move it inside the session it belongs to`, stray.at));
  }
  for (const s of m.outline.sessions) {
    // Activities run one after another within their session: more minutes than the session has
    // printed both figures in the timetable and the trainer's guide without a word.
    const timed = s.activities.filter((a) => a.duration !== undefined);
    const total = timed.reduce((n, a) => n + a.duration!, 0);
    if (s.duration !== undefined && total > s.duration) {
      const what = timed.length === 1 ? `<Activity duration="${total}"> is longer than its session` : `the activities of session ${s.n} add up to ${total} minutes (${timed.map((a) => a.duration).join(' + ')}), more than the session`;
      out.push(diagnostic('warning', 'activity/duration', m.file, `${what} "${s.title}" (${s.duration} minutes); shorten ${timed.length === 1 ? 'it' : 'them'} or lengthen the session (and the module's duration)`, timed[0]!.at));
    }
  }
  out.push(...nestingRule(m.file, m.tree));
  for (const slide of allOf(m.outline, 'slides')) {
    const load = slideLoad(slide);
    if (load > SLIDE_LINES) {
      out.push(diagnostic('warning', 'slide/too-full', m.file, `slide ${slide.n} "${slide.title.length > 60 ? `${slide.title.slice(0, 57)}...` : slide.title}" holds about ${Math.round(load)} lines of text where a slide shows ${SLIDE_LINES} at the smallest size the screen shrinks it to: the rest has to be scrolled to when presented, and the PDF shrinks it to fit; split it into two slides, or move the detail into its <SpeakerNotes> or a handout`, slide.at));
    }
    if ('title' in jsxAttributes(slide.node) && !slide.title.trim()) {
      out.push(diagnostic('error', 'slide/no-title', m.file, '<Slide title=""> is empty; every slide has a title, shown on the slide and in the outline', slide.at));
    }
  }
  const handoutIds = new Map<string, number>();
  for (const h of allOf(m.outline, 'handouts')) {
    const line = handoutIds.get(h.id);
    if (line !== undefined) out.push(diagnostic('error', 'handout/duplicate-id', m.file, `<Handout id="${h.id}"> is already used on line ${line}; give each handout its own id`, h.at));
    else handoutIds.set(h.id, h.at.line);
  }
  const aids = allOf(m.outline, 'jobAids');
  // An empty workflow="" was let through (with none at all, mdx/missing-attribute says so).
  for (const use of m.uses.filter((u) => u.name === 'JobAid' && u.attributes.workflow === '')) {
    out.push(diagnostic('error', 'job-aid/unknown-workflow', m.file, `<JobAid workflow=""> names no workflow; write the id of a machine in workflows/ (its file name without .machine.ts): ${list(k.workflows)}`, use.at));
  }
  for (const aid of aids) {
    if (aid.workflow && !k.workflows.has(aid.workflow)) out.push(diagnostic('error', 'job-aid/unknown-workflow', m.file, `<JobAid workflow="${aid.workflow}">: no workflows/${aid.workflow}.machine.ts; known: ${list(k.workflows)}`, aid.at));
  }
  out.push(...(await jobAidLengthRule(ctx, m, aids.filter((a) => a.workflow && k.workflows.has(a.workflow)))));
  for (const c of allOf(m.outline, 'caseStudies')) {
    out.push(...(await caseRule(ctx, m, c.workflow, c.scenario, c.at, k)));
    // Questions with no key left the trainer's manual without the expected answers, silently.
    const inside = new Set<string>();
    visit(c.node, (node) => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') inside.add(node.name ?? '');
    });
    if (inside.has('Questions') && !inside.has('FacilitatorKey')) {
      out.push(diagnostic('warning', 'case-study/no-key', m.file, `<CaseStudy title="${c.title}"> asks <Questions> but has no <FacilitatorKey>: the trainer's manual gives no expected answers for it; add a <FacilitatorKey> with the answers inside the case study, after its questions (only the trainer edition shows it)`, c.at));
    }
  }
  // A module's <Workflow id> was checked only with a path=: a typo in its id passed the check
  // and stopped the build with a stack trace naming neither the file nor the line.
  for (const use of m.uses.filter((u) => u.name === 'Workflow' && u.attributes.id !== undefined && !k.workflows.has(u.attributes.id))) {
    out.push(diagnostic('error', 'workflow/unknown', m.file, `<Workflow id="${use.attributes.id}">: no file workflows/${use.attributes.id}.machine.ts; known: ${list(k.workflows)}`, use.at));
  }
  for (const use of m.uses.filter((u) => u.name === 'Workflow' && u.attributes.path !== undefined)) out.push(...(await pathRule(ctx, m, use, k)));
  return out;
}

/**
 * A component only an SOP may hold, written in a module: an error (`module/<name>`, `module/form`
 * for <Form>) saying what it shows and what to write instead, with a <Ref> to the section of an
 * SOP that has it (the module's SOPs first).
 */
function sopOnlyRule(ctx: CheckContext, m: ModuleDoc, use: ModuleDoc['uses'][number], spec: ComponentSpec): Diagnostic[] {
  const code = `module/${use.name.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase()}`;
  const { id } = use.attributes;
  if (use.name === 'Form') {
    if (id === undefined) return [];
    const holders = ctx.project.sops.filter((s) => s.data?.forms.some((f) => f.id === id)).map((s) => s.id);
    const link = holders.length ? `<Ref to="${holders[0]}#forms-annex" /> (the forms annex of ${holders.join(', ')})` : `a <Ref> to the SOP whose annex has it`;
    return [diagnostic('error', code, m.file, `<Form id="${id}">: a module has no forms annex for <Form> to link to; write the form's code as text ("form ${id}") or link it with ${link}`, use.at)];
  }
  const first = spec.required[0];
  const written = first !== undefined && use.attributes[first] !== undefined ? `<${use.name} ${first}="${use.attributes[first]}">` : `<${use.name} />`;
  const mine = new Set(m.data?.sops ?? []);
  const sops = [...ctx.project.sops.filter((s) => mine.has(s.id)), ...ctx.project.sops.filter((s) => !mine.has(s.id))];
  let link = `a <Ref to="<sop id>#<section>" /> to the section of the SOP that has it`;
  for (const sop of sops) {
    const there = sop.uses.find((u) => u.name === use.name);
    const section = there && sectionAt(sop.sections, there.at.line);
    if (!section) continue;
    link = `<Ref to="${sop.id}#${section.anchor}" /> (§${section.number} ${section.title} of ${sop.id})`;
    break;
  }
  const { shows, instead } = spec.elsewhere ?? { shows: "shows what an SOP's frontmatter declares, which a module does not have", instead: 'link the SOP with' };
  return [diagnostic('error', code, m.file, `${written} ${shows}; ${instead} ${link}`, use.at)];
}

/** `<Workflow id path="scenario">` on a slide: the scenario exists and has a single line to draw. */
async function pathRule(ctx: CheckContext, m: ModuleDoc, use: ModuleDoc['uses'][number], k: Known): Promise<Diagnostic[]> {
  const id = use.attributes.id;
  if (!id || !k.workflows.has(id)) return [];
  try {
    const problem = pathProblem(await getWorkflow(ctx.project.root, id), use.attributes.path ?? '');
    if (problem) return [diagnostic('error', 'workflow/unknown-scenario', m.file, problem, use.at)];
  } catch {
    // The workflow's own checks report why it does not load.
  }
  return [];
}

async function caseRule(ctx: CheckContext, m: ModuleDoc, workflow: string | undefined, scenario: string | undefined, at: { line: number; column: number }, k: Known): Promise<Diagnostic[]> {
  if (scenario !== undefined && workflow === undefined) return [diagnostic('error', 'case-study/scenario-without-workflow', m.file, `<CaseStudy scenario="${scenario}"> needs workflow="..." too: the machine the scenario belongs to`, at)];
  if (workflow === undefined) return [];
  if (!k.workflows.has(workflow)) return [diagnostic('error', 'case-study/unknown-workflow', m.file, `<CaseStudy workflow="${workflow}">: no workflows/${workflow}.machine.ts; known: ${list(k.workflows)}`, at)];
  if (scenario === undefined) return [];
  try {
    const loaded = await getWorkflow(ctx.project.root, workflow);
    const ids = loaded.module.scenarios.map((s) => s.id);
    if (!ids.includes(scenario)) return [diagnostic('error', 'case-study/unknown-scenario', m.file, `<CaseStudy scenario="${scenario}">: ${workflow} has no such scenario; its scenarios: ${list(ids)}`, at)];
  } catch {
    // The workflow's own checks report why it does not load.
  }
  return [];
}

/**
 * A course that teaches a module before one of its prerequisites (both in the course): the
 * timetable put M5 on day 1 and M1, which M5 builds on, after it, with a clean check. The order is
 * the timetable's (the first session of each module), else the order of `modules:`.
 */
function prerequisiteOrderRule(file: string, ids: readonly string[], timetable: ReturnType<typeof courseTimetable>, k: Known, at: (i: number) => { line: number; column: number } | undefined): Diagnostic[] {
  const taught = timetable.days.flat().flatMap((e) => (e.kind === 'session' ? [e.module.id] : []));
  // Where a module is first taught; one with no session in the timetable, by its place in modules:.
  const first = (id: string) => {
    const n = taught.indexOf(id);
    return n < 0 ? taught.length + ids.indexOf(id) : n;
  };
  const where = timetable.generated ? 'in modules:' : 'in the days: of the timetable';
  const out: Diagnostic[] = [];
  ids.forEach((id, i) => {
    for (const before of k.prerequisitesOf.get(id) ?? []) {
      if (before === id || !ids.includes(before) || first(before) < first(id)) continue;
      out.push(diagnostic('warning', 'course/prerequisite-order', file, `modules[${i}] ${id} has ${before} as a prerequisite (its frontmatter), but the course teaches ${before} after it; put ${before} before ${id} ${where}`, at(i)));
    }
  });
  return out;
}

function courseRules(c: CourseDoc, ctx: CheckContext, k: Known): Diagnostic[] {
  const data = c.data;
  if (!data) return [];
  const at = (path: (string | number)[]) => c.yaml.positionOf(path);
  const out: Diagnostic[] = [
    ...idsExist(c.file, at, 'audience', data.audience, k.roles, 'role/unknown', 'content/roles.yaml'),
    ...idsExist(c.file, at, 'modules', data.modules, k.modules, 'course/unknown-module', 'content/modules/'),
  ];
  for (const field of ['pretest', 'posttest'] as const) {
    const id = data[field];
    if (id && !k.quizzes.has(id)) out.push(diagnostic('error', 'course/unknown-quiz', c.file, `${field}: no "${id}" in quizzes/; known: ${list(k.quizzes.keys())}`, at([field])));
  }
  if (data.evaluation && !k.evaluations.has(data.evaluation)) {
    out.push(diagnostic('error', 'course/unknown-evaluation', c.file, `evaluation: no "${data.evaluation}" in ${evaluationsDir}/; known: ${list(k.evaluations)} (run \`sopkit new evaluation ${data.evaluation}\`)`, at(['evaluation'])));
  }
  const modules = new Map(ctx.project.modules.map((m) => [m.id, m]));
  const timetable = courseTimetable(data, modules);
  for (const p of timetable.problems) {
    // An unknown module in `modules:` is already reported above.
    if (p.code === 'course/unknown-module' && p.path[0] === 'modules') continue;
    out.push(diagnostic('error', p.code, c.file, p.message, at(p.path)));
  }
  out.push(...prerequisiteOrderRule(c.file, data.modules, timetable, k, (i) => at(['modules', i])));
  // A written timetable that leaves out a session of a module the course teaches: the course
  // lost that session's minutes (and what it teaches) without a word.
  // (Not after a line that names no known session: that line's error says which it meant.)
  if (!timetable.generated && !timetable.problems.some((p) => p.code === 'course/unknown-session')) {
    const scheduled = new Set(timetable.days.flat().flatMap((e) => (e.kind === 'session' ? [`${e.module.id}#${e.session.n}`] : [])));
    data.modules.forEach((id, i) => {
      const m = modules.get(id);
      const left = m?.outline.sessions.filter((s) => !scheduled.has(`${id}#${s.n}`)) ?? [];
      if (!m || !left.length) return;
      const named = left.map((s) => `${s.n} "${s.title}" (${s.duration ?? '?'} min)`).join(', ');
      out.push(diagnostic('warning', 'course/session-unscheduled', c.file, `modules[${i}] ${id}${m.data?.code ? ` (${m.data.code})` : ''}: session${left.length > 1 ? 's' : ''} ${named} ${left.length > 1 ? 'are' : 'is'} in no day of the timetable; add ${left.length > 1 ? 'them' : 'it'} under days:, or take the module out of modules: if the course teaches only part of it`, at(['modules', i])));
    });
  }
  return out;
}

/** An evaluation form's own rules, and the course and module it names. */
function evaluationFileRules(doc: EvaluationDoc, ctx: CheckContext, k: Known): Diagnostic[] {
  const out = evaluationDiagnostics(doc);
  const e = doc.evaluation;
  if (!e) return out;
  const at = (path: (string | number)[]) => doc.yaml.positionOf(path);
  const courses = ctx.project.courses.map((c) => c.id);
  const modules = ctx.project.modules.map((m) => m.id);
  if (e.course && !courses.includes(e.course)) out.push(diagnostic('error', 'evaluation/unknown-course', doc.file, `course: no "${e.course}" in content/courses/; known: ${list(courses)}`, at(['course'])));
  // The course page, its timetable and the guide's print pack take the form from the course's
  // own `evaluation:`; a form that names a course which does not name it back was left out of
  // all three without a word. A warning, not an error: the form still works on its own page and
  // in `sopkit report`, and a course may keep an earlier form (for last year's answers) while
  // it runs a newer one.
  const course = e.course ? ctx.project.courses.find((c) => c.id === e.course) : undefined;
  const named = course?.data?.evaluation;
  if (course?.data && named !== doc.id && (named === undefined || k.evaluations.has(named))) {
    const line = `"evaluation: ${doc.id}"`;
    const why = named === undefined ? `has no evaluation: line` : `names evaluation ${named}, not this form`;
    const fix = named === undefined ? `add ${line} to ${course.file}` : `if this form replaces ${named}, set ${line} in ${course.file} instead`;
    out.push(diagnostic('warning', 'evaluation/course-not-linked', doc.file, `course: ${e.course} ${why}, so the course's page, timetable and print pack leave this form out; ${fix}`, at(['course'])));
  }
  if (e.module && !modules.includes(e.module)) out.push(diagnostic('error', 'evaluation/unknown-module', doc.file, `module: no "${e.module}" in content/modules/; known: ${list(modules)}`, at(['module'])));
  return out;
}

/**
 * The training rules of `sopkit check`: modules name existing roles, SOPs, quizzes (whose
 * objectives they share), prerequisites and evaluations; sessions add up to the module's
 * duration; slides have titles; case studies and job aids name existing workflows and
 * scenarios; courses name existing modules, quizzes and evaluations, and their days fit the day
 * template; evaluation forms pass their own rules and name existing courses and modules.
 */
export async function checkTraining(ctx: CheckContext): Promise<Diagnostic[]> {
  const evaluations = loadEvaluations(ctx.project.root);
  if (!ctx.project.modules.length && !ctx.project.courses.length && !evaluations.length) return [];
  const k = knownIds(ctx, evaluations);
  const out: Diagnostic[] = [...evaluations.flatMap((doc) => evaluationFileRules(doc, ctx, k)), ...duplicateCodes(ctx.project.modules), ...sopIdClashes(ctx.project.modules, ctx.project.sops)];
  for (const m of ctx.project.modules) out.push(...frontmatterRules(m, k), ...(await bodyRules(ctx, m, k)));
  // A translated module is taught from its own page and PDFs: its body keeps the source's rules
  // (before, code, unknown components and stray slides in a translation passed the check).
  for (const m of Object.values(ctx.project.translations).flatMap((t) => t.modules)) out.push(...(await bodyRules(ctx, m, k)));
  for (const c of ctx.project.courses) out.push(...courseRules(c, ctx, k));
  return out;
}
