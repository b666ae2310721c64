import { toString } from 'mdast-util-to-string';
import { t } from '../../../i18n/index.ts';
import { inlineTerm } from '../../content/inline-term.ts';
import { paramCaseOf } from '../../params/cases.ts';
import { refShown, resolveRef } from '../../content/refs.ts';
import { isolate } from '../../fonts/index.ts';
import { run, withStyle } from '../inline.ts';
import type { PrintRenderer } from './types.ts';

/** `<Term id>`: the term (or the author's words), linked to the glossary annex. */
export const Term: PrintRenderer = {
  inline({ id = '' }, node, ctx, style) {
    const term = ctx.project.glossary.find((g) => g.id === id);
    ctx.terms.add(id);
    // As the page writes it: only an ordinary first word is lower-cased ("UIN" keeps its capitals).
    const text = node.children.length ? toString(node) : term ? inlineTerm(term.term) : id;
    return [run(text, style, { link: ctx.termLink(id) })];
  },
};

/** `<Ref to>`: "SOP-CR-02 §6 Procedure", linked inside the PDF or to the site; "(الإنجليزية)" after one to an SOP not translated into the document's language. */
export const Ref: PrintRenderer = {
  inline({ to = '' }, _node, ctx, style) {
    const ref = resolveRef(ctx.project, to, ctx.sop.id);
    if (!ref) {
      const sop = to.split('#')[0] || ctx.sop.id;
      return [run(to, withStyle(style, 'italic'), { link: { uri: ctx.pageUrl(`/sops/${sop}/`) } })];
    }
    const link = ctx.sectionLink(ref.sop, ref.anchor);
    // A target not translated into the document's language: its English label isolated (FSI … PDI,
    // so Arabic text around it keeps its order), then the language named, as the page writes it.
    const shown = refShown(ref, ctx.lang);
    if (!shown.lang) return [run(shown.label, style, { link })];
    return [run(isolate(shown.label), style, { link }), run(shown.note ?? '', style, { link })];
  },
};

/** `<Role id>`: the role's title, in running text. */
export const Role: PrintRenderer = {
  inline({ id = '' }, _node, ctx, style) {
    const role = ctx.project.roles.find((r) => r.id === id);
    return [run(role ? inlineTerm(role.title) : id, style)];
  },
};

/** `<Form id>`: "Form BR-01 Notification of birth", linked to the forms annex. */
export const Form: PrintRenderer = {
  inline({ id = '' }, _node, ctx, style) {
    const form = ctx.sop.data?.forms.find((f) => f.id === id);
    const link = ctx.formLink(ctx.sop.id, id);
    return [run(`${t('forms.form', ctx.lang)} ${id} `, style, { link }), run(form?.title ?? '', withStyle(style, 'italic'), { link })];
  },
};

/** `<Param id>`: the value the country sets, with its unit, in the document's language. */
export const Param: PrintRenderer = {
  inline({ id = '', case: grammaticalCase }, _node, ctx, style) {
    return [run(ctx.project.parameters.text(id, ctx.lang, paramCaseOf(grammaticalCase)) ?? `{param:${id}}`, style)];
  },
};
