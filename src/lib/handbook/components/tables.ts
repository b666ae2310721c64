import { colon, t } from '../../../i18n/index.ts';
import type { Block, Cell } from '../blocks.ts';
import { run, type Inline } from '../inline.ts';
import { concordanceRows } from '../../legal/concordance.ts';
import { substituteParams } from '../../params/substitute.ts';
import { anchors } from '../print-context.ts';
import { colors } from '../theme.ts';
import type { PrintRenderer } from './types.ts';

const cell = (text: string, style: Inline['style'] = 'regular', extra: Partial<Inline> = {}): Cell => ({ inlines: [run(text, style, extra)] });

/** `<Step role input output time forms>`: the facts of a step as a small two-column table. */
export const Step: PrintRenderer = {
  block({ role = '', input, output, time, forms, legal }, _node, ctx) {
    const title = ctx.project.roles.find((r) => r.id === role)?.title ?? role;
    const rows: Cell[][] = [[cell(t('step.role', ctx.lang), 'bold'), cell(title)]];
    if (input) rows.push([cell(t('step.input', ctx.lang), 'bold'), cell(input)]);
    if (output) rows.push([cell(t('step.output', ctx.lang), 'bold'), cell(output)]);
    if (time) rows.push([cell(t('step.time', ctx.lang), 'bold'), cell(time)]);
    const citations = (legal ?? '').split(/[\s,]+/).filter(Boolean).flatMap((id) => ctx.sop.data?.legalBasis.filter((l) => l.id === id) ?? []);
    if (citations.length) rows.push([cell(t('step.legal', ctx.lang), 'bold'), cell(citations.map((l) => `${l.instrument}${t('list.separator', ctx.lang)}${l.provision}`).join(t('list.semicolon', ctx.lang)))]);
    const codes = (forms ?? '').split(/[\s,]+/).filter(Boolean);
    if (codes.length) {
      const inlines = codes.flatMap((code, i): Inline[] => [...(i ? [run(t('list.separator', ctx.lang))] : []), run(code, 'regular', { link: ctx.formLink(ctx.sop.id, code) })]);
      rows.push([cell(t('step.forms', ctx.lang), 'bold'), { inlines }]);
    }
    return [{ kind: 'table', header: [], rows, widths: [1, 4], keepTogether: true }];
  },
};

/** `<Roles />`: the roles the SOP declares, with their responsibilities. */
export const Roles: PrintRenderer = {
  block(_attrs, _node, ctx) {
    const roles = (ctx.sop.data?.roles ?? []).flatMap((id) => ctx.project.roles.filter((r) => r.id === id));
    return [{ kind: 'table', header: [[cell(t('roles.role', ctx.lang)), cell(t('roles.description', ctx.lang))]], rows: roles.map((r) => [cell(r.title, 'bold'), cell(r.description)]), widths: [1, 3] }];
  },
};

/**
 * `<LegalBasis />`: instruments and provisions, with the placeholder note when brackets remain,
 * then the concordance: each step and the provisions it rests on (from `<Step legal>` and the
 * workflow's `meta.legal`).
 */
export const LegalBasis: PrintRenderer = {
  block(_attrs, _node, ctx) {
    const items = ctx.sop.data?.legalBasis ?? [];
    const blocks: Block[] = [{ kind: 'table', header: [[cell(t('legal.instrument', ctx.lang)), cell(t('legal.provision', ctx.lang))]], rows: items.map((i) => [cell(i.instrument), cell(i.provision)]), widths: [2, 3] }];
    if (items.some((i) => /\[.*\]/.test(i.instrument + i.provision))) blocks.push({ kind: 'paragraph', inlines: [run(t('legal.placeholder', ctx.lang), 'italic', { color: colors.muted })], size: 8.5 });
    const workflow = ctx.sop.data?.workflow;
    const rows = concordanceRows(ctx.sop, (workflow && ctx.workflows.get(workflow)?.citations) || []);
    if (rows.length) {
      blocks.push({
        kind: 'table',
        caption: [run(t('legal.concordance', ctx.lang), 'bold')],
        header: [[cell(t('legal.step', ctx.lang)), cell(t('legal.instrument', ctx.lang)), cell(t('legal.provision', ctx.lang))]],
        rows: rows.map((r, i) => {
          const first = i === 0 || rows[i - 1]?.step !== r.step;
          const section = r.anchor ? { link: ctx.sectionLink(ctx.sop.id, r.anchor) } : {};
          const stepCell: Cell = first ? { inlines: [run(r.step ? `${r.step} ${r.stepTitle}` : t('legal.general', ctx.lang), 'regular', section)] } : { inlines: [] };
          return [stepCell, cell(r.instrument), cell(r.provision)];
        }),
        widths: [1.6, 1.8, 2.6],
        size: 8.5,
      });
    }
    return blocks;
  },
};

/**
 * `<FormsAnnex />`: each form of the frontmatter on its own page, as a blank form an office can
 * copy: code and title, purpose, then one numbered line per field with room to write.
 */
export const FormsAnnex: PrintRenderer = {
  block(_attrs, _node, ctx) {
    const forms = ctx.sop.data?.forms ?? [];
    const text = (s: string) => substituteParams(s, (id, c) => ctx.project.parameters.text(id, ctx.lang, c));
    return forms.flatMap((form, i): Block[] => [
      { kind: 'heading', level: 2, inlines: [run(`${t('forms.form', ctx.lang)} ${form.id}${colon(ctx.lang)} ${form.title}`)], anchor: anchors.form(ctx.sop.id, form.id), toc: false, pageBreakBefore: i > 0 },
      { kind: 'paragraph', inlines: [run(text(form.purpose), 'italic')], keepWithNext: true },
      {
        kind: 'table',
        header: [[cell('#'), cell(t('forms.fields', ctx.lang)), cell('')]],
        rows: form.fields.map((f, k) => [cell(String(k + 1)), cell(text(f)), { inlines: [], minHeight: 16 }]),
        widths: [0.35, 3.2, 3],
        // A form that fits on a page is not split: the first, which follows the annex's heading
        // rather than starting a page, printed its first rows under it and the rest overleaf.
        keepTogether: true,
      },
    ]);
  },
};
