// The consultations and dry runs that an SOP's revision history names (`record:` on a history
// line), as the SOP page and the handbook show them: a link to the record's page, and a "model
// example" mark when the record is one. A history line such as "Approved after the validation
// workshop" otherwise reads as an event that took place, when the pack's record says it is a
// model that no real meeting backs (ARCHITECTURE.md, Formats: consultation).
import type { Project } from '../content/project.ts';
import { loadConsultations } from './consultations.ts';
import { loadDryRuns } from './dryrun/load.ts';

/** A record a history line names, by its reference (`consultations/<id>`, `dryruns/<id>`). */
export interface HistoryRecord {
  kind: 'consultations' | 'dryruns';
  /** The record's title, in the language of its page. */
  title: string;
  /** The site path of the record's page (before `href()`); undefined when the record has errors, so no page. */
  path: string | undefined;
  /** The language of the record and its page. */
  lang: string;
  /** `example: true`: shipped to show the format; the event it describes did not take place. */
  example: boolean;
}

/** The site path of a consultation's page, or of a dry run's (src/pages/lifecycle/). */
export function recordPagePath(kind: HistoryRecord['kind'], id: string): string {
  return kind === 'consultations' ? `/lifecycle/consultations/${id}/` : `/lifecycle/dry-runs/${id}/`;
}

/** `example: true` in a record, read from the parsed YAML when the record fails its schema. */
function isExample(value: unknown): boolean {
  return !!value && typeof value === 'object' && (value as { example?: unknown }).example === true;
}

const cache = new WeakMap<Project, ReadonlyMap<string, HistoryRecord>>();

/**
 * Every consultation and dry-run record of a project by the reference a history line gives it.
 * Read once per project object: every SOP page and handbook asks, and the full life-cycle model
 * (`getLifecycle`) would also read and check every comment register, seconds a handbook worker
 * does not need to spend.
 * @param project The loaded project (or its view in a language, whose SOPs give a dry run's language).
 */
export function historyRecords(project: Project): ReadonlyMap<string, HistoryRecord> {
  const hit = cache.get(project);
  if (hit) return hit;
  const siteLang = project.site?.language ?? 'en';
  const records = new Map<string, HistoryRecord>();
  for (const c of loadConsultations(project.root).docs) {
    // A consultation's page is in the site's language (src/pages/lifecycle/consultations/[id].astro).
    records.set(`consultations/${c.id}`, { kind: 'consultations', title: c.data?.title ?? c.id, path: c.data ? recordPagePath('consultations', c.id) : undefined, lang: siteLang, example: isExample(c.data ?? c.yaml.data) });
  }
  for (const d of loadDryRuns(project.root)) {
    // A dry run's page is in the language of the SOP it tried (src/pages/lifecycle/dry-runs/[id].astro).
    const lang = project.sops.find((s) => s.id === d.data?.sop)?.data?.language ?? siteLang;
    records.set(`dryruns/${d.id}`, { kind: 'dryruns', title: d.data?.title ?? d.id, path: d.data ? recordPagePath('dryruns', d.id) : undefined, lang, example: isExample(d.data ?? d.yaml.data) });
  }
  cache.set(project, records);
  return records;
}

/** The record behind a history line, if it names one that exists. */
export function recordOf(project: Project, line: { record?: string }): HistoryRecord | undefined {
  return line.record ? historyRecords(project).get(line.record) : undefined;
}

/**
 * Whether an SOP's approval is a model one, which no one signed: marked `example: true`, or
 * resting on a history line that names a model record. Shown as such on its page and handbook,
 * it does not read as a signature.
 * @param approved The history line of the version the approval covers (`approvalScope`), if any.
 */
export function approvalIsExample(project: Project, approval: { example?: boolean } | undefined, approved: { record?: string } | undefined): boolean {
  if (!approval) return false;
  return approval.example === true || (approved !== undefined && recordOf(project, approved)?.example === true);
}
