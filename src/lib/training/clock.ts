/** Minutes since midnight of an `HH:MM` time. */
export function parseClock(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** `HH:MM` of minutes since midnight (`510` → `08:30`). */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Elapsed time as `H:MM` (`75` → `1:15`), for a module's running clock. */
export function formatElapsed(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

const formats = new Map<string, { hour: Intl.NumberFormat; minute: Intl.NumberFormat; list: Intl.ListFormat }>();

/**
 * Languages whose short unit is a letter readers do not use for durations (Arabic `س`, `د`):
 * they get the words (`ساعة و30 دقيقة`).
 */
const spelledOut = new Set(['ar']);

function formatsFor(lang: string) {
  let f = formats.get(lang);
  if (!f) {
    const unitDisplay = spelledOut.has(lang.split('-')[0] ?? lang) ? 'long' : 'short';
    const make = (l: string) => ({
      hour: new Intl.NumberFormat(l, { style: 'unit', unit: 'hour', unitDisplay }),
      minute: new Intl.NumberFormat(l, { style: 'unit', unit: 'minute', unitDisplay }),
      list: new Intl.ListFormat(l, { type: 'unit', style: 'narrow' }),
    });
    try {
      f = make(lang);
    } catch {
      f = make('en');
    }
    formats.set(lang, f);
  }
  return f;
}

/**
 * A length in words for timetables, in the reader's language: `45 min`, `1 h 30 min`, `2 h` in
 * English; `1 h 30 min` in French, `ساعة و30 دقيقة` in Arabic (`Intl.NumberFormat` units, joined
 * by `Intl.ListFormat`).
 * @param minutes Whole minutes.
 * @param lang The reader's language (default English).
 */
export function formatMinutes(minutes: number, lang = 'en'): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if ((lang.split('-')[0] ?? lang) === 'en') {
    if (!h) return `${m} min`;
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const f = formatsFor(lang);
  // French writes a narrow no-break space (U+202F) before the unit; a plain no-break space keeps
  // it on one line in every font the PDFs embed.
  const text = !h ? f.minute.format(m) : m ? f.list.format([f.hour.format(h), f.minute.format(m)]) : f.hour.format(h);
  return text.replace(/\u202f/g, '\u00a0');
}
