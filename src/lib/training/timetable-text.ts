import { t, type UiKey } from '../../i18n/index.ts';
import { formatClock } from './clock.ts';
import type { TimetableEntry } from './timetable.ts';

/** One timetable line in words, as the course page and the guide's PDF print it. */
export interface TimetableLine {
  /** `08:30–09:15`. */
  time: string;
  what: string;
  method: string;
  /** Module code, or '' for breaks and tests. */
  module: string;
  moduleId?: string;
  /** Session number, for a link to its anchor on the module page. */
  session?: number;
  trainer: string;
  kind: TimetableEntry['kind'];
}

/**
 * A timetable entry in words.
 * @param e The entry.
 * @param lang Language of the labels.
 */
export function timetableLine(e: TimetableEntry, lang: string): TimetableLine {
  const base = { time: `${formatClock(e.start)}–${formatClock(e.end)}`, trainer: e.trainer ?? '', kind: e.kind };
  switch (e.kind) {
    case 'session':
      return { ...base, what: e.session.title, method: e.session.method ? t(`method.${e.session.method}` as UiKey, lang) : '', module: e.module.data?.code ?? e.module.id, moduleId: e.module.id, session: e.session.n };
    case 'break':
      return { ...base, what: e.label, method: t('method.break', lang), module: '' };
    case 'test':
      return { ...base, what: t(e.form === 'pre' ? 'course.pretest' : 'course.posttest', lang, { quiz: e.quiz ?? '' }), method: t('method.test', lang), module: '' };
    case 'evaluation':
      return { ...base, what: t('course.evaluation', lang), method: t('method.evaluation', lang), module: '' };
    case 'other':
      return { ...base, what: e.title, method: '', module: '' };
  }
}
