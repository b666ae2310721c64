import type { Evaluation } from '../../../schemas/evaluation.ts';

/** A rule broken by an evaluation form, at a data path (turned into a line by the caller). */
export interface EvaluationIssue {
  severity: 'error' | 'warning';
  code: string;
  path: (string | number)[];
  message: string;
}

const error = (code: string, path: EvaluationIssue['path'], message: string): EvaluationIssue => ({ severity: 'error', code, path, message });

/** Ids seen more than once: each later occurrence with the index of the first. */
function repeats(ids: readonly string[]): { id: string; at: number; first: number }[] {
  const first = new Map<string, number>();
  return ids.flatMap((id, at) => {
    const seen = first.get(id);
    if (seen === undefined) {
      first.set(id, at);
      return [];
    }
    return [{ id, at, first: seen }];
  });
}

/**
 * The rules of an evaluation form beyond its schema: ids are unique, every item names a group of
 * the form, Likert items have a scale with a label for every point and no options of their own,
 * choice items have at least two options (and text items none), and every group has an item.
 * @param form A form that passed the schema.
 */
export function evaluationRules(form: Evaluation): EvaluationIssue[] {
  const out: EvaluationIssue[] = [];
  for (const r of repeats(form.groups.map((g) => g.id))) out.push(error('evaluation/duplicate-group', ['groups', r.at, 'id'], `group "${r.id}" is already groups[${r.first}]; give each group its own id`));
  for (const r of repeats(form.items.map((i) => i.id))) out.push(error('evaluation/duplicate-item', ['items', r.at, 'id'], `item "${r.id}" is already items[${r.first}]; give each item its own id (it is a column of the responses CSV)`));
  const groups = new Set(form.groups.map((g) => g.id));
  const likert = form.items.some((i) => i.type === 'likert');
  const labels = form.scale.labels;
  if (likert && labels && labels.length !== form.scale.points) {
    out.push(error('evaluation/scale', ['scale', 'labels'], `the scale has ${form.scale.points} points but ${labels.length} labels; Likert items need one label per point, lowest first`));
  } else if (likert && !labels && form.scale.points !== 5) {
    out.push(error('evaluation/scale', ['scale', 'points'], `a ${form.scale.points}-point scale needs its labels (scale.labels, one per point, lowest first); only the 5-point scale has default labels`));
  }
  form.items.forEach((item, i) => {
    if (!groups.has(item.group)) out.push(error('evaluation/unknown-group', ['items', i, 'group'], `item ${item.id}: no group "${item.group}"; groups: ${form.groups.map((g) => g.id).join(', ')}`));
    const options = item.options ?? [];
    if (item.type === 'likert' && item.options) out.push(error('evaluation/likert-options', ['items', i, 'options'], `item ${item.id} is a Likert item: it is answered on the form's scale, so it takes no options; remove them or make it type: choice`));
    if (item.type === 'text' && item.options) out.push(error('evaluation/text-options', ['items', i, 'options'], `item ${item.id} is a text item (free text); remove its options or make it type: choice`));
    if (item.type === 'choice' && options.length < 2) out.push(error('evaluation/choice-options', ['items', i, ...(item.options ? ['options'] : [])], `item ${item.id} is a choice item and needs at least two options ({ id, text })`));
    for (const r of repeats(options.map((o) => o.id))) out.push(error('evaluation/duplicate-option', ['items', i, 'options', r.at, 'id'], `item ${item.id}: option "${r.id}" is already options[${r.first}]`));
  });
  form.groups.forEach((g, i) => {
    if (!form.items.some((item) => item.group === g.id)) out.push({ severity: 'warning', code: 'evaluation/empty-group', path: ['groups', i], message: `group "${g.id}" has no item; add items to it or remove it` });
  });
  return out;
}
