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
import { localePath } from '../translation/routes.ts';
import { quizIn } from '../translation/quizzes.ts';
import { sourceProjectOf, untranslatedLang } from '../translation/localize.ts';
import { workflowLabelsIn } from '../translation/workflow-labels.ts';

/** A place a parameter is used, as the country profile lists it. */
export interface ProfileUse {
  kind: ParameterUse['kind'];
  /** `SOP-CR-01 §6.5 Late registration`. */
  label: string;
  /** Site path (without the base), when the place has a page: the reader's locale's where it has one. */
  path?: string;
  /**
   * The name inside `label` that is not in the page's language (an SOP, a workflow step, a test or
   * a module not translated yet, shown in the source's words), and its language.
   */
  foreign?: { text: string; lang: string };
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
  /** The language of the label, and of the model's reasons, where not the page's (not translated yet). */
  labelLang?: string;
  whyLang?: string;
  /** The language of the legal source, where not the page's (a translation that gives none prints the source's). */
  sourceLang?: string;
}

/** A group of parameters (`group:` in the file), in the order the file first names it. */
export interface ProfileGroup {
  title: string;
  /** The group's anchor, the same in every language (from the source's name): `group-registration-periods`. */
  anchor: string;
  /** The title's language where not the page's (a group name not translated yet). */
  titleLang?: string;
  entries: ProfileEntry[];
}

/** The file name of a working document in a language: the source's `<doc>.pdf`, a translated locale's `<doc>.<lang>.pdf`. */
export function workingDocumentFile(doc: 'country-profile' | 'concordance', lang: string, sourceLang: string): string {
  return lang === sourceLang ? `${doc}.pdf` : `${doc}.${lang}.pdf`;
}

/**
 * The language the working documents (the country profile, the concordance) are printed in for a
 * reader of `lang`: theirs where the pack translates anything they show into it (an SOP, a
 * parameter's words, a workflow's, a test, a term, a module), else the source's. A pack with
 * locales and nothing translated into them does not print both again in each (at 1,000 SOPs, two
 * concordances of hundreds of pages, made again after every edit).
 */
export function printedLang(project: Pick<Project, 'locales' | 'translations'>, lang: string): string {
  const sourceLang = project.locales[0]?.code ?? 'en';
  const tr = project.translations[lang];
  const translated = tr && (tr.sops.length || tr.parameters.entries.length || tr.workflows.length || tr.quizzes.length || tr.glossary.entries.length || tr.modules.length);
  return lang === sourceLang || translated ? lang : sourceLang;
}

const groupAnchor = (title: string) => `group-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

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

interface Describing {
  project: Project;
  lang: string;
  sourceLang: string;
  titles: Map<string, { title: string; lang: string; forms: Record<string, string[]> }>;
}

function describe({ project, lang, sourceLang, titles }: Describing, use: ParameterUse): ProfileUse {
  // A place's page in the reader's locale where one exists; a name in another language is marked.
  const at = (path: string) => localePath(path, lang, project.locales);
  const foreign = (text: string | undefined, textLang: string | undefined) => (text && textLang && textLang !== lang ? { foreign: { text, lang: textLang } } : {});
  if (use.kind === 'sop') {
    const sop = project.sops.find((s) => s.id === use.doc);
    const code = sop?.data?.code ?? use.doc;
    const label = use.section ? `${code} §${use.section.number} ${use.section.title}` : code;
    return { kind: use.kind, label, path: at(`/sops/${use.doc}/${use.section ? `#${use.section.anchor}` : ''}`), ...foreign(use.section?.title, sop?.data?.language ?? sourceLang) };
  }
  if (use.kind === 'workflow') {
    const sop = sopsOfWorkflow(project.sops, use.doc)[0];
    const code = sop?.data?.code ?? use.doc;
    const section = sop && use.section ? findSection(sop.sections, use.section.number) : undefined;
    const words = lang === sourceLang || !use.state ? undefined : workflowLabelsIn(project, lang, use.doc)?.states[use.state];
    const state = words ?? use.stateTitle ?? use.state ?? '';
    const label = use.state ? t('profile.use.state', lang, { code, state, step: use.section?.number ?? '' }) : t('profile.use.workflow', lang, { code });
    return { kind: use.kind, label, ...(sop ? { path: at(`/sops/${sop.id}/${section ? `#${section.anchor}` : ''}`) } : {}), ...(use.state && !words ? foreign(state, sourceLang) : {}) };
  }
  if (use.kind === 'quiz') {
    const quiz = titles.get(use.doc);
    const form = use.item ? Object.entries(quiz?.forms ?? {}).find(([, ids]) => ids.includes(use.item!))?.[0] : undefined;
    const label = use.item ? t('profile.use.item', lang, { quiz: quiz?.title ?? use.doc, item: use.item }) : (quiz?.title ?? use.doc);
    return { kind: use.kind, label, path: at(form ? `/assessments/${use.doc}/${form}/` : '/assessments/') + (form ? `#q-${use.item}` : ''), ...foreign(quiz?.title, quiz?.lang) };
  }
  if (use.kind === 'glossary') {
    const translated = project.translations[lang]?.glossary.entries.find((g) => g.id === use.doc)?.term;
    const term = translated ?? project.glossary.find((g) => g.id === use.doc)?.term;
    return { kind: use.kind, label: `${t('glossary.title', lang)}${colon(lang)} ${term ?? use.doc}`, path: at(`/glossary/#${use.doc}`), ...(translated ? {} : foreign(term, sourceLang)) };
  }
  const m = project.modules.find((x) => x.id === use.doc)?.data;
  return { kind: use.kind, label: t('profile.use.module', lang, { module: m ? `${m.code} ${m.title}` : use.doc }), ...(m ? { path: at(`/modules/${use.doc}/`) } : {}), ...foreign(m?.title, m?.language ?? sourceLang) };
}

/**
 * The country profile: every parameter, grouped, with its value, the model value and why, its
 * legal source and every place it is used (links to SOP sections, workflow steps, quiz items).
 * In a reader's language (a project seen in it, `getProjectIn`): the translated labels, group
 * names and reasons, each use named as that reader's pages name it and linked to them; what is
 * not translated yet keeps the source's words and says which language they are in.
 * @param project The loaded project, or its view in the reader's language.
 * @param lang Language of the labels and values.
 */
export async function countryProfile(project: Project, lang: string): Promise<ProfileGroup[]> {
  const source = sourceProjectOf(project) ?? project;
  const sourceLang = source.locales[0]?.code ?? 'en';
  const uses = await placedUses(project);
  const titles = new Map(
    loadQuizzes(project.root).flatMap((d) => {
      if (!d.quiz) return [];
      const shown = quizIn(project.root, d.quiz, lang, sourceLang);
      return [[d.id, { title: shown.quiz.title, lang: shown.contentLang, forms: d.quiz.forms as Record<string, string[]> }] as const];
    }),
  );
  const describing: Describing = { project, lang, sourceLang, titles };
  const groups = new Map<string, ProfileGroup>();
  for (const p of project.parameters.list) {
    const seen = new Set<string>();
    const list = uses
      .filter((u) => u.id === p.id)
      .map((u) => describe(describing, u))
      .filter((u) => (seen.has(`${u.label}|${u.path}`) ? false : (seen.add(`${u.label}|${u.path}`), true)));
    const original = source.parameters.get(p.id) ?? p;
    // Grouped by the source's group, so a group whose name a translation gives one parameter and not another stays one.
    const key = original.group ?? '';
    const group = groups.get(key) ?? {
      title: p.group ?? t('profile.otherGroup', lang),
      anchor: groupAnchor(original.group ?? 'other'),
      ...(p.group !== undefined && lang !== sourceLang && p.group === original.group ? { titleLang: sourceLang } : {}),
      entries: [],
    };
    const labelLang = untranslatedLang(source, lang, 'parameters', p.id);
    const whyLang = lang !== sourceLang && p.model.why === original.model.why ? sourceLang : undefined;
    const legalLang = lang !== sourceLang && p.source === original.source ? sourceLang : undefined;
    group.entries.push({
      parameter: p,
      value: formatParameter(p, lang),
      model: formatParameter({ ...p, value: p.model.value }, lang),
      changed: p.value !== p.model.value,
      uses: list,
      ...(labelLang ? { labelLang } : {}),
      ...(whyLang ? { whyLang } : {}),
      ...(legalLang ? { sourceLang: legalLang } : {}),
    });
    groups.set(key, group);
  }
  return [...groups.values()];
}
