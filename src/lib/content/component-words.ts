import { t, type UiKey } from '../../i18n/index.ts';
import { inlineTerm } from './inline-term.ts';
import { paramCaseOf } from '../params/cases.ts';
import { substituteParams, type ParamLookup } from '../params/substitute.ts';
import type { Project } from './project.ts';
import { refText, resolveRef } from './refs.ts';

/**
 * How a comparison or the search index reads components, from the project as it is now (`componentWords`): a
 * `<Term>`, `<Role>`, `<Param>`, `<Form>` or `<Ref>` as the page shows it, a callout by its title,
 * and an attribute value with its `{param:id}` and role ids in words. Without it (a comparison
 * of two files outside a project, `plainWords`) what only the project knows (terms, roles,
 * parameters, references) reads as its id.
 */
export interface ComponentWords {
  /** The words of a component, or undefined when there are none (the reader falls back to its ids). */
  label(name: string, attrs: Readonly<Record<string, string>>): string | undefined;
  /** An attribute's value in words. */
  value(key: string, value: string): string;
  /** A role of `content/roles.yaml` (the `<Roles />` table), when it is known. */
  role(id: string): { title: string; description: string } | undefined;
}

/**
 * Components in words that need no project, in a language: `<Form id>` as "Form DR-01", a callout
 * by its title (or its type's word); everything else by its ids. `componentWords` adds the
 * project's words to these.
 * @param lang The SOP's language.
 */
export function plainWords(lang: string): ComponentWords {
  return {
    label(name, attrs) {
      if (name === 'Form') return attrs.id ? `${t('forms.form', lang)} ${attrs.id}` : undefined;
      if (name === 'Callout') return attrs.title ?? (attrs.type ? t(`callout.${attrs.type}` as UiKey, lang) : undefined);
      return undefined;
    },
    value: (_key, value) => value,
    role: () => undefined,
  };
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
  const param: ParamLookup = (id, c) => (project.parameters.get(id) ? project.parameters.text(id, lang, c) : undefined);
  const role = (id: string) => project.roles.find((r) => r.id === id)?.title;
  const plain = plainWords(lang);
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
          return param(id, paramCaseOf(attrs.case));
        case 'Ref': {
          const ref = attrs.to ? resolveRef(project, attrs.to, sopId) : undefined;
          return ref ? refText(ref, lang) : undefined;
        }
        default:
          return plain.label(name, attrs);
      }
    },
    value(key, value) {
      const text = substituteParams(value, param);
      return key === 'role' ? (role(text) ?? text) : text;
    },
    role(id) {
      const found = project.roles.find((r) => r.id === id);
      return found ? { title: found.title, description: found.description } : undefined;
    },
  };
}
