import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles, relPath } from '../content/project.ts';

/** Where dry-run records live, relative to the project root. */
export const dryRunsDir = 'content/dryruns';

/** What the life-cycle overview needs of a dry-run record: which SOP version, and when. */
export interface DryRunSummary {
  id: string;
  file: string;
  sop?: string;
  version?: string;
  title?: string;
  /** Dates found in the record (YYYY-MM-DD), earliest first. */
  dates: string[];
  /** `example: true`: a model record shipped to show the format; no such dry run took place. */
  example: boolean;
}

function dateText(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return undefined;
}

/** Every date in `dates` / `date` / `start` / `end`, whatever shape the field has. */
function datesOf(record: Record<string, unknown>): string[] {
  const found: string[] = [];
  const take = (v: unknown): void => {
    const d = dateText(v);
    if (d) found.push(d);
    else if (Array.isArray(v)) v.forEach(take);
    else if (v && typeof v === 'object') Object.values(v).forEach(take);
  };
  for (const key of ['dates', 'date', 'start', 'end', 'from', 'to']) take(record[key]);
  return [...new Set(found)].sort();
}

/**
 * Reads what the life-cycle overview shows of each dry-run record (`content/dryruns/*.yaml`):
 * its SOP, version, dates and whether it is a model example. The dry-run format and its checks belong to the dry-run code; this
 * reader only looks, tolerates any other field, and skips a file it cannot parse (the dry-run
 * checks report it).
 * @param root Project root.
 */
export function readDryRunSummaries(root: string): DryRunSummary[] {
  const dir = join(root, dryRunsDir);
  if (!existsSync(dir)) return [];
  return [...listFiles(dir, '.yaml'), ...listFiles(dir, '.yml')].map((abs): DryRunSummary => {
    const file = relPath(root, abs);
    const id = file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
    let data: unknown;
    try {
      data = parse(readFileSync(abs, 'utf8'), { maxAliasCount: 100 });
    } catch {
      return { id, file, dates: [], example: false };
    }
    const r = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    return { id, file, sop: str(r.sop), version: str(r.version), title: str(r.title), dates: datesOf(r), example: r.example === true };
  });
}
