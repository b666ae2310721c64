import { pluralEntries, t, type UiKey } from '../../i18n/index.ts';

/** Keys of the strings the slides page's scripts show (tools, speaker view). */
const speakerKeys = [
  'speaker.window',
  'speaker.elapsed',
  'speaker.clock',
  'assess.labelled',
  'speaker.session',
  'speaker.pause',
  'speaker.resume',
  'speaker.reset',
  'speaker.previous',
  'speaker.next',
  'speaker.now',
  'speaker.upcoming',
  'speaker.end',
  'speaker.notes',
  'speaker.noNotes',
  'speaker.participant',
  'speaker.blocked',
  'slides.control.up',
  'slides.control.down',
  'slides.overflow',
  'slides.help.title',
  'slides.help.key',
  'slides.help.action',
  'slides.help.close',
  'slides.help.next',
  'slides.help.previous',
  'slides.help.left',
  'slides.help.right',
  'slides.help.up',
  'slides.help.down',
  'slides.help.noFragments',
  'slides.help.firstLast',
  'slides.help.pause',
  'slides.help.fullscreen',
  'slides.help.jump',
  'slides.help.overview',
] as const satisfies readonly UiKey[];

/** A string the slides page's scripts show. */
export type SpeakerKey = (typeof speakerKeys)[number];

/** What the slides page tells its script, as JSON in the page (no notes: those are in the sections). */
export interface DeckConfig {
  /** Module id (names the speaker window, so a second press finds it). */
  id: string;
  code: string;
  title: string;
  /** Whether this is the trainer edition (its sections carry speaker notes). */
  trainer: boolean;
  /** The strings, and every plural form of the session's planned minutes (`speaker.session.planned.few`). */
  strings: Record<SpeakerKey, string> & Readonly<Record<string, string>>;
}

/**
 * The scripts' strings in a language; `{name}` placeholders stay for the script to fill.
 * @param lang Language of the module.
 */
export function speakerStrings(lang: string): DeckConfig['strings'] {
  return Object.fromEntries([...speakerKeys.map((k) => [k, t(k, lang)]), ...pluralEntries('speaker.session.planned', lang)]) as DeckConfig['strings'];
}
