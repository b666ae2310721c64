import type { SopFrontmatter } from '../../../schemas/sop.ts';

/** One change to the frontmatter: a field changed, or an entry of a list added or removed. */
export interface FieldChange {
  /** The field as authors write it: `status`, `approval.date`, `roles`, `forms.BR-02.fields`. */
  field: string;
  kind: 'changed' | 'added' | 'removed';
  /** The value before (changed, removed). */
  from?: string;
  /** The value after (changed, added). */
  to?: string;
}

const scalars = ['title', 'code', 'summary', 'version', 'status', 'effective', 'reviewDue', 'owner', 'workflow', 'language'] as const;

function listChanges(field: string, before: readonly string[], after: readonly string[]): FieldChange[] {
  const a = new Set(before);
  const b = new Set(after);
  return [
    ...before.filter((x) => !b.has(x)).map((x): FieldChange => ({ field, kind: 'removed', from: x })),
    ...after.filter((x) => !a.has(x)).map((x): FieldChange => ({ field, kind: 'added', to: x })),
  ];
}

function scalar(field: string, a: string | undefined, b: string | undefined): FieldChange[] {
  if (a === b) return [];
  if (a === undefined) return [{ field, kind: 'added', to: b }];
  if (b === undefined) return [{ field, kind: 'removed', from: a }];
  return [{ field, kind: 'changed', from: a, to: b }];
}

const legal = (l: { instrument: string; provision: string }) => `${l.instrument}, ${l.provision}`;

/** Legal instruments: a provision reworded under the same instrument is a change, not two lines. */
function legalChanges(a: SopFrontmatter['legalBasis'], b: SopFrontmatter['legalBasis']): FieldChange[] {
  const before = a.map(legal);
  const after = b.map(legal);
  const removed = a.filter((x) => !after.includes(legal(x)));
  const added = b.filter((x) => !before.includes(legal(x)));
  const out: FieldChange[] = [];
  for (const r of removed) {
    const k = added.findIndex((x) => x.instrument === r.instrument);
    if (k >= 0 && removed.filter((x) => x.instrument === r.instrument).length === 1) {
      out.push({ field: 'legalBasis', kind: 'changed', from: legal(r), to: legal(added[k]!) });
      added.splice(k, 1);
    } else out.push({ field: 'legalBasis', kind: 'removed', from: legal(r) });
  }
  return [...out, ...added.map((x): FieldChange => ({ field: 'legalBasis', kind: 'added', to: legal(x) }))];
}

function formChanges(a: SopFrontmatter['forms'], b: SopFrontmatter['forms']): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of a) if (!b.some((x) => x.id === f.id)) out.push({ field: 'forms', kind: 'removed', from: `${f.id} ${f.title}` });
  for (const f of b) {
    const old = a.find((x) => x.id === f.id);
    if (!old) {
      out.push({ field: 'forms', kind: 'added', to: `${f.id} ${f.title}` });
      continue;
    }
    out.push(...scalar(`forms.${f.id}.title`, old.title, f.title), ...scalar(`forms.${f.id}.purpose`, old.purpose, f.purpose));
    out.push(...listChanges(`forms.${f.id}.fields`, old.fields, f.fields));
  }
  return out;
}

/**
 * What changed in the frontmatter between two versions: the plain fields (status, version, owner,
 * dates...), the approval, roles, legal basis, forms (and their fields) and new history lines.
 * @param a Frontmatter of the older version.
 * @param b Frontmatter of the newer version.
 */
export function frontmatterChanges(a: SopFrontmatter, b: SopFrontmatter): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of scalars) out.push(...scalar(field, a[field], b[field]));
  for (const key of ['by', 'title', 'date'] as const) out.push(...scalar(`approval.${key}`, a.approval?.[key], b.approval?.[key]));
  out.push(...listChanges('roles', a.roles, b.roles));
  out.push(...legalChanges(a.legalBasis, b.legalBasis));
  out.push(...formChanges(a.forms, b.forms));
  const known = new Set(a.history.map((h) => h.version));
  for (const h of b.history) if (!known.has(h.version)) out.push({ field: 'history', kind: 'added', to: `${h.version} (${h.date}): ${h.summary}` });
  return out;
}
