import { colon, t } from '../../i18n/index.ts';
import type { Parameter } from '../../schemas/parameters.ts';
import { loadQuizzes } from '../assessment/quiz-load.ts';
import type { Project } from '../content/project.ts';
import { findSection } from '../content/sections.ts';
import { getWorkflow } from '../workflow/cache.ts';
import { sopsOfWorkflow } from '../workflow/check.ts';
import { graphOf } from '../workflow/graph.ts';
import { projectAssumptions } from './assumptions.ts';
import { formatParameter } from './format.ts';
import { glossaryUses, moduleUses, quizUses, sopUses, workflowUses, type ParameterUse, type StateInfo } from './uses.ts';

/** A place a parameter is used, as the country profile lists it. */
export interface ProfileUse {
  kind: ParameterUse['kind'];
  /** `SOP-CR-01 §6.5 Late registration`. */
  label: string;
  /** Site path (without the base), when the place has a page. */
  path?: string;
}

/** One parameter on the country profile. */
export interface ProfileEntry {
  parameter: Parameter;
  /** The value in force, with its unit. */
  value: string;
  /** The model value, with its unit. */
  model: string;
  /** True when the country's value differs from the model. */
  changed: boolean;
  uses: ProfileUse[];
}

/** A group of parameters (`group:` in the file), in the order the file first names it. */
export interface ProfileGroup {
  title: string;
  entries: ProfileEntry[];
}

async function statesOf(project: Project, id: string): Promise<StateInfo[] | undefined> {
  try {
    const graph = graphOf(await getWorkflow(project.root, id));
    return graph.states.map((s) => {
      const out = graph.transitions.filter((tr) => tr.source === s.path);
      const guards = out.flatMap((tr) => (tr.guard ?? '').split(' ').filter((w) => w && !['not', 'and', 'or'].includes(w)));
      return { path: s.path, ...(typeof s.meta?.title === 'string' ? { title: s.meta.title } : {}), ...(typeof s.meta?.step === 'string' ? { step: s.meta.step } : {}), guards, delays: out.flatMap((tr) => (tr.delay ? [tr.delay] : [])) };
    });
  } catch {
    return undefined;
  }
}

/** Every use of every parameter, placed: SOP sections, workflow states, quiz items, modules. */
export async function placedUses(project: Project): Promise<ParameterUse[]> {
  // An item or a module whose key assumes a value is a place the value matters, even where its text does not print it.
  const assumed = projectAssumptions(project).flatMap((a): ParameterUse[] =>
    'error' in a.parsed ? [] : a.kind === 'scenario' ? [{ id: a.parsed.id, written: a.written, kind: 'workflow', file: a.file, at: a.at, doc: a.doc }] : [{ id: a.parsed.id, written: a.written, kind: a.kind, file: a.file, at: a.at, doc: a.doc, ...(a.item ? { item: a.item } : {}) }],
  );
  return [...sopUses(project), ...(await workflowUses(project.root, (id) => statesOf(project, id))), ...quizUses(project.root), ...moduleUses(project.root), ...glossaryUses(project), ...assumed];
}

function describe(project: Project, use: ParameterUse, lang: string, titles: Map<string, { title: string; forms: Record<string, string[]> }>): ProfileUse {
  if (use.kind === 'sop') {
    const sop = project.sops.find((s) => s.id === use.doc);
    const code = sop?.data?.code ?? use.doc;
    const label = use.section ? `${code} §${use.section.number} ${use.section.title}` : code;
    return { kind: use.kind, label, path: `/sops/${use.doc}/${use.section ? `#${use.section.anchor}` : ''}` };
  }
  if (use.kind === 'workflow') {
    const sop = sopsOfWorkflow(project.sops, use.doc)[0];
    const code = sop?.data?.code ?? use.doc;
    const section = sop && use.section ? findSection(sop.sections, use.section.number) : undefined;
    const state = use.stateTitle ?? use.state ?? '';
    const label = use.state ? t('profile.use.state', lang, { code, state, step: use.section?.number ?? '' }) : t('profile.use.workflow', lang, { code });
    return { kind: use.kind, label, ...(sop ? { path: `/sops/${sop.id}/${section ? `#${section.anchor}` : ''}` } : {}) };
  }
  if (use.kind === 'quiz') {
    const quiz = titles.get(use.doc);
    const form = use.item ? Object.entries(quiz?.forms ?? {}).find(([, ids]) => ids.includes(use.item!))?.[0] : undefined;
    const label = use.item ? t('profile.use.item', lang, { quiz: quiz?.title ?? use.doc, item: use.item }) : (quiz?.title ?? use.doc);
    return { kind: use.kind, label, path: form ? `/assessments/${use.doc}/${form}/#q-${use.item}` : '/assessments/' };
  }
  if (use.kind === 'glossary') {
    const term = project.translations[lang]?.glossary.entries.find((g) => g.id === use.doc)?.term ?? project.glossary.find((g) => g.id === use.doc)?.term;
    return { kind: use.kind, label: `${t('glossary.title', lang)}${colon(lang)} ${term ?? use.doc}`, path: `/glossary/#${use.doc}` };
  }
  const m = project.modules.find((x) => x.id === use.doc)?.data;
  return { kind: use.kind, label: t('profile.use.module', lang, { module: m ? `${m.code} ${m.title}` : use.doc }), ...(m ? { path: `/modules/${use.doc}/` } : {}) };
}

/**
 * The country profile: every parameter, grouped, with its value, the model value and why, its
 * legal source and every place it is used (links to SOP sections, workflow steps, quiz items).
 * @param project The loaded project.
 * @param lang Language of the labels and values.
 */
export async function countryProfile(project: Project, lang: string): Promise<ProfileGroup[]> {
  const uses = await placedUses(project);
  const titles = new Map(loadQuizzes(project.root).flatMap((d) => (d.quiz ? [[d.id, { title: d.quiz.title, forms: d.quiz.forms as Record<string, string[]> }] as const] : [])));
  const groups = new Map<string, ProfileEntry[]>();
  for (const p of project.parameters.list) {
    const seen = new Set<string>();
    const list = uses
      .filter((u) => u.id === p.id)
      .map((u) => describe(project, u, lang, titles))
      .filter((u) => (seen.has(`${u.label}|${u.path}`) ? false : (seen.add(`${u.label}|${u.path}`), true)));
    const group = p.group ?? t('profile.otherGroup', lang);
    const entries = groups.get(group) ?? [];
    entries.push({ parameter: p, value: formatParameter(p, lang), model: formatParameter({ ...p, value: p.model.value }, lang), changed: p.value !== p.model.value, uses: list });
    groups.set(group, entries);
  }
  return [...groups].map(([title, entries]) => ({ title, entries }));
}
