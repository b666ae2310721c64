import type { Project, SopDoc } from '../content/project.ts';
import type { Section } from '../content/sections.ts';
import { isPlaceholder } from '../content/placeholder.ts';
import { parameterSet } from '../params/load.ts';
import type { ModuleDoc } from '../training/modules.ts';
import { localizeCourse } from './courses.ts';
import { siteIn } from './locales.ts';

/**
 * A translated SOP's sections with the source's anchors (by number), so `#late-registration`
 * and every link into a section are the same in every language.
 */
export function withSourceAnchors(sections: readonly Section[], source: readonly Section[]): Section[] {
  const byNumber = new Map(source.map((s) => [s.number, s.anchor]));
  return sections.map((s) => ({ ...s, anchor: byNumber.get(s.number) ?? s.anchor }));
}

/** The translation of an SOP in a language, when there is one that loaded without errors. */
export function translatedSop(project: Project, lang: string, id: string): SopDoc | undefined {
  const doc = project.translations[lang]?.sops.find((s) => s.id === id && s.data && s.tree);
  const source = project.sops.find((s) => s.id === id);
  if (!doc || !source) return undefined;
  return { ...doc, sections: withSourceAnchors(doc.sections, source.sections) };
}

/** The translation of a module in a language, when there is one that loaded without errors. */
export function translatedModule(project: Project, lang: string, id: string): ModuleDoc | undefined {
  return project.translations[lang]?.modules.find((m) => m.id === id && m.data && m.tree);
}

const cache = new WeakMap<Project, Map<string, Project>>();
/** The project each language view was made from (`projectIn`). */
const sourceProjects = new WeakMap<Project, Project>();

/** The project a language view (`projectIn`) was made from, whose SOPs are the sources; undefined for a project itself. */
export function sourceProjectOf(view: Project): Project | undefined {
  return sourceProjects.get(view);
}

/**
 * The project as a reader of one language sees it: translated SOPs and modules in place of their
 * sources, courses with their words in that language, glossary terms, role titles and parameter labels in that language, and the source for
 * whatever is not translated. The components of a page read this view, so a translated page's
 * `<Term>`, `<Role>`, `<Ref>`, `<Roles>`, `<LegalBasis>` speak its language. The source language
 * gives the project itself.
 * @param project The loaded project.
 * @param lang Language code.
 */
export function projectIn(project: Project, lang: string): Project {
  const tr = project.translations[lang];
  if (!tr) return project;
  let views = cache.get(project);
  if (!views) cache.set(project, (views = new Map()));
  const hit = views.get(lang);
  if (hit) return hit;
  const terms = new Map(tr.glossary.entries.map((g) => [g.id, g]));
  const roles = new Map(tr.roles.entries.map((r) => [r.id, r]));
  const labels = new Map(tr.parameters.entries.map((p) => [p.id, p]));
  const words = siteIn(project.site, lang);
  const view: Project = {
    ...project,
    ...(project.site ? { site: { ...project.site, ...words } } : {}),
    sops: project.sops.map((s) => translatedSop(project, lang, s.id) ?? s),
    modules: project.modules.map((m) => translatedModule(project, lang, m.id) ?? m),
    courses: project.courses.map((c) => {
      const words = tr.courses.find((x) => x.id === c.id)?.words;
      return c.data && words ? { ...c, data: localizeCourse(c.data, words, lang) } : c;
    }),
    glossary: project.glossary.map((g) => {
      const t = terms.get(g.id);
      return t ? { ...g, term: t.term, definition: t.definition, ...(t.source ? { source: t.source } : {}) } : g;
    }),
    roles: project.roles.map((r) => ({ ...r, ...(roles.get(r.id) ? { title: roles.get(r.id)!.title, description: roles.get(r.id)!.description } : {}) })),
    parameters: parameterSet(
      project.parameters.list.map((p) => {
        const t = labels.get(p.id);
        // A translation's legal source still the model's placeholder where the country filled in the
        // source's: the source's citation (marked as in its language) rather than "[Loi ..., année]".
        return t ? { ...p, label: t.label, ...(t.group ? { group: t.group } : {}), ...(t.why ? { model: { ...p.model, why: t.why } } : {}), ...(t.source && !(isPlaceholder(t.source) && !isPlaceholder(p.source)) ? { source: t.source } : {}) } : p;
      }),
    ),
  };
  views.set(lang, view);
  sourceProjects.set(view, project);
  return view;
}

/**
 * The language of an entry's words on a page of `page` (a glossary term, a parameter's label):
 * undefined when they are the page's own (a source page, or a translation has the entry), else
 * the source's language, in which an entry not translated yet is shown.
 * @param project The source project (`getProject()`), whose first locale is the source's.
 * @param page The page's language (the source's when absent).
 */
export function untranslatedLang(project: Project, page: string | undefined, kind: 'glossary' | 'roles' | 'parameters', id: string): string | undefined {
  const sourceLang = project.locales[0]?.code ?? 'en';
  const lang = page ?? sourceLang;
  return lang === sourceLang || isTranslated(project, lang, kind, id) ? undefined : sourceLang;
}

/**
 * The language of a glossary term's source (the reference it is taken from) on a page of `page`:
 * undefined when it is the page's own (a source page, or the translation gives the term a
 * `source`), else the source's language: a translation without a `source` of its own keeps the
 * source's reference ("Source : UN Handbook on Civil Registration...").
 * @param project The source project (`getProject()`), whose first locale is the source's.
 * @param page The page's language (the source's when absent).
 */
export function glossarySourceLang(project: Project, page: string | undefined, id: string): string | undefined {
  const sourceLang = project.locales[0]?.code ?? 'en';
  const lang = page ?? sourceLang;
  if (lang === sourceLang) return undefined;
  const own = project.translations[lang]?.glossary.entries.find((e) => e.id === id);
  return own?.source ? undefined : sourceLang;
}

/** True when a glossary term, role... of the source has a translation in a language. */
export function isTranslated(project: Project, lang: string, kind: 'glossary' | 'roles' | 'parameters', id: string): boolean {
  return project.translations[lang]?.[kind].entries.some((e) => e.id === id) ?? false;
}
