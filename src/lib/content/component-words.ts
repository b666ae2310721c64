import { t, type UiKey } from '../../i18n/index.ts';
import { inlineTerm } from './inline-term.ts';
import type { Project } from './project.ts';
import { refLabel, resolveRef } from './refs.ts';

/**
 * How a comparison or the search index reads components, from the project as it is now (`componentWords`): a
 * `<Term>`, `<Role>`, `<Param>`, `<Form>` or `<Ref>` as the page shows it, a callout by its title,
 * and an attribute value with its `{param:id}` and role ids in words. Without it (a comparison
 * of two files outside a project) components read as their ids.
 */
export interface ComponentWords {
  /** The words of a component, or undefined to list its attributes. */
  label(name: string, attrs: Readonly<Record<string, string>>): string | undefined;
  /** An attribute's value in words. */
  value(key: string, value: string): string;
}

/**
 * Components in the words of the project as it is now, in a language: the same terms, role
 * titles, parameter values ("30 days", not `appeal-period`) and references as the SOP's page.
 * Both versions of a comparison are read with these words, so only the text an author changed
 * shows as changed.
 * @param project The loaded project.
 * @param lang The SOP's language.
 * @param sopId The SOP compared, for references within it (`#6.2`).
 */
export function componentWords(project: Project, lang: string, sopId: string): ComponentWords {
  const param = (id: string) => (project.parameters.get(id) ? project.parameters.text(id, lang) : undefined);
  const role = (id: string) => project.roles.find((r) => r.id === id)?.title;
  return {
    label(name, attrs) {
      const id = attrs.id ?? '';
      switch (name) {
        case 'Term': {
          const term = project.glossary.find((g) => g.id === id);
          return term ? inlineTerm(term.term) : undefined;
        }
        case 'Role': {
          const title = role(id);
          return title ? inlineTerm(title) : undefined;
        }
        case 'Param':
          return param(id);
        case 'Form':
          return id ? `${t('forms.form', lang)} ${id}` : undefined;
        case 'Ref': {
          const ref = attrs.to ? resolveRef(project, attrs.to, sopId) : undefined;
          return ref ? refLabel(ref) : undefined;
        }
        case 'Callout':
          return attrs.title ?? (attrs.type ? t(`callout.${attrs.type}` as UiKey, lang) : undefined);
        default:
          return undefined;
      }
    },
    value(key, value) {
      const text = value.replace(/\{param:([A-Za-z0-9_-]+)\}/g, (whole, id: string) => param(id) ?? whole);
      return key === 'role' ? (role(text) ?? text) : text;
    },
  };
}
