// The practice page: check one question at a time against the practice questions' key the page
// carries (`practicePage`, src/lib/assessment/page-data.ts). Nothing is stored or sent.
import type { PracticePageConfig } from '../../lib/assessment/page-data.ts';
import { itemFraction } from '../../lib/assessment/score-item.ts';
import { formatDecimal } from '../../lib/assessment/score-line.ts';
import { showFeedback } from './feedback.ts';
import { registerOffline } from './offline.ts';
import { setUpOrderItems } from './order.ts';
import { fill } from './store.ts';
import { pluralForm } from '../../i18n/plural-form.ts';

interface Config extends PracticePageConfig {
  strings: Record<string, string>;
  /** `assess.practice.tally` in each plural form: the noun takes the form of the number of questions. */
  tally: Partial<Record<Intl.LDMLPluralRule, string>>;
  refs: Record<string, string>;
  base: string;
  locale: string;
}

const root = document.querySelector<HTMLElement>('[data-practice]');
const configText = document.getElementById('practice-config')?.textContent;
if (root && configText) {
  const config = JSON.parse(configText) as Config;
  const s = config.strings;
  const form = root.querySelector<HTMLFormElement>('[data-form]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const num = (n: number) => formatDecimal(n, config.locale);
  /** Each question's share of its marks at its last check. */
  const checked = new Map<string, number>();

  const answerOf = (el: HTMLElement, id: string): string[] => {
    const data = new FormData(form);
    // An order list untouched is no answer (it is shown shuffled), as on the test page.
    if (el.dataset.type === 'order') return 'answered' in el.dataset ? String(data.get(id) ?? '').split(' ').filter(Boolean) : [];
    return data.getAll(id).map(String);
  };

  const tally = () => {
    const right = [...checked.values()].filter((f) => f >= 1).length;
    status.textContent = fill(pluralForm(config.tally, config.key.length, config.locale), { right: num(right), n: num(config.key.length) });
  };

  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-check]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const id = button.dataset.check ?? '';
      const item = config.key.find((k) => k.id === id);
      const el = root.querySelector<HTMLElement>(`[data-item="${CSS.escape(id)}"]`);
      if (!item || !el) return;
      const answer = answerOf(el, id);
      showFeedback(root, [item], { [id]: answer }, s, config.refs);
      checked.set(id, itemFraction(item, answer));
      tally();
      el.querySelector<HTMLElement>('[data-feedback]')?.focus();
    });
  }
  // A changed answer hides the feedback of the old one: it no longer says what is on screen.
  const stale = (target: EventTarget | null) => {
    const el = (target as HTMLElement | null)?.closest<HTMLElement>('[data-item]');
    const box = el?.querySelector<HTMLElement>('[data-feedback]');
    if (box && !box.hidden) box.hidden = true;
  };
  form.addEventListener('change', (e) => stale(e.target));
  form.addEventListener('submit', (e) => e.preventDefault());
  setUpOrderItems(root, {
    changed: () => undefined,
    announce: (text, n, m) => {
      status.textContent = fill(s['assess.moved'] ?? '', { text, n: num(n), m: num(m) });
    },
  });
  root.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('[data-move], [data-keep]')) stale(e.target);
  });
  // The Up and Down buttons and "Keep this order" show once they work.
  root.dataset.ready = '';
  void registerOffline(config.base);
}
