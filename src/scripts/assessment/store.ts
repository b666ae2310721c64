import { csvFile } from '../../lib/assessment/csv-write.ts';
import { asciiDigits } from '../../lib/digits.ts';

/**
 * localStorage that never throws: a private window or a full disk must not lose the page. Callers
 * learn whether the write succeeded, to warn the participant once.
 */
export const store = {
  get<T>(key: string): T | undefined {
    try {
      const text = localStorage.getItem(key);
      return text === null ? undefined : (JSON.parse(text) as T);
    } catch {
      return undefined;
    }
  },
  set(key: string, value: unknown): boolean {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  },
  remove(key: string): void {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing to clean up where storage is unavailable.
    }
  },
};

/**
 * Offers text as a file download, with no network request (a Blob URL). A CSV gets the byte
 * order mark Excel needs to read it as UTF-8 (`csvFile`).
 */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([type.startsWith('text/csv') ? csvFile(text) : text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fills `{name}` placeholders of a UI string. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/**
 * A file-name-safe form of a participant id: its letters and digits in any script, Arabic-Indic
 * digits as ASCII (`P٠١٧` → `P017`, as `sopkit score` reads them), anything else `_`. Only
 * ASCII letters and digits were kept: P٠١٧ and P٠١٨ both downloaded as `…-P_.csv`, and a trainer
 * copying the files of several devices into one folder lost all but one.
 */
export function fileSafe(text: string): string {
  return asciiDigits(text).replace(/[^\p{L}\p{M}\p{N}_.-]+/gu, '_').slice(0, 40) || 'participant';
}
