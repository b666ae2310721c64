import type { Project } from '../content/project.ts';
import { freshnessOf, type Freshness } from './freshness.ts';
import { translatedModule, translatedSop } from './localize.ts';

/** One document in one language, for the translation status page. */
export interface DocStatus {
  lang: string;
  /** `missing`: no translation file (or one that does not load). */
  state: 'missing' | Freshness;
}

/** A source document and where each translated locale stands. */
export interface DocRow {
  kind: 'sop' | 'module' | 'course';
  id: string;
  code: string;
  title: string;
  version: string | undefined;
  languages: DocStatus[];
}

/** How much of a list (glossary, roles, parameter labels) is translated in a language. */
export interface ListStatus {
  kind: 'glossary' | 'roles' | 'parameters';
  lang: string;
  translated: number;
  total: number;
}

/**
 * Where every translation stands (ARCHITECTURE.md, Translations): per SOP and module and
 * language, up to date, out of date by which sections, or missing (a course: its words there or not); per list, how many entries.
 * @param project The loaded project.
 */
export function translationStatus(project: Project): { docs: DocRow[]; lists: ListStatus[] } {
  const langs = project.locales.filter((l) => !l.default).map((l) => l.code);
  const docs: DocRow[] = [];
  for (const sop of project.sops) {
    if (!sop.data) continue;
    docs.push({
      kind: 'sop',
      id: sop.id,
      code: sop.data.code,
      title: sop.data.title,
      version: sop.data.version,
      languages: langs.map((lang) => {
        const tr = translatedSop(project, lang, sop.id);
        return { lang, state: tr ? freshnessOf(project.root, sop, tr.data?.translationOf?.version) : 'missing' };
      }),
    });
  }
  for (const m of project.modules) {
    if (!m.data) continue;
    docs.push({
      kind: 'module',
      id: m.id,
      code: m.data.code,
      title: m.data.title,
      version: m.data.version,
      languages: langs.map((lang) => {
        const tr = translatedModule(project, lang, m.id);
        const v = tr?.data?.translationOf?.version;
        const state: DocStatus['state'] = !tr ? 'missing' : !v || v === m.data!.version ? { status: 'current', version: m.data!.version } : { status: 'outdated', from: v, to: m.data!.version, sections: undefined };
        return { lang, state };
      }),
    });
  }
  for (const c of project.courses) {
    if (!c.data) continue;
    // A course has no version: its words file (content/<lang>/courses/<id>.yaml) is there or not.
    docs.push({
      kind: 'course',
      id: c.id,
      code: '',
      title: c.data.title,
      version: undefined,
      languages: langs.map((lang) => ({ lang, state: project.translations[lang]?.courses.some((x) => x.id === c.id) ? { status: 'current' as const, version: '' } : 'missing' })),
    });
  }
  const totals = { glossary: project.glossary.length, roles: project.roles.length, parameters: project.parameters.list.length };
  const lists = langs.flatMap((lang) =>
    (['glossary', 'roles', 'parameters'] as const).map((kind) => {
      const known = new Set<string>(kind === 'glossary' ? project.glossary.map((g) => g.id) : kind === 'roles' ? project.roles.map((r) => r.id) : project.parameters.list.map((p) => p.id));
      const ids = new Set((project.translations[lang]?.[kind].entries ?? []).map((e) => e.id).filter((id) => known.has(id)));
      return { kind, lang, translated: ids.size, total: totals[kind] };
    }),
  );
  return { docs, lists };
}
