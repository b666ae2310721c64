import type { SimData, SimTransition } from '../../lib/workflow/sim-data.ts';
import type { Scenario } from '../../lib/workflow/types.ts';
import { el, fmt } from './dom.ts';
import type { Candidate, ReplayStep } from './engine.ts';
import { sameEvent, score, type Progress } from './scenario.ts';
import { count, plural } from './words.ts';

/** The panel's text in the page's language, and the workflow's data. */
export interface ViewContext {
  data: SimData;
  s: Record<string, string>;
}

/** The deepest of a set of active paths (what the trainee is "at"). */
export function leavesOf(paths: readonly string[]): string[] {
  return paths.filter((p) => !paths.some((q) => q.startsWith(`${p}.`)));
}

/** Titles of states, joined with the page language's comma. */
export function titles(v: ViewContext, paths: readonly string[]): string {
  return paths.map((p) => v.data.states[p]?.title ?? p).join(v.s['list.separator'] ?? ', ');
}

/** The paths a scenario's expected state names: `a.x,b.y` (parallel regions) → `a.x`, `b.y`. */
export function expectedPaths(state: string): string[] {
  return state.split(',').map((p) => p.trim()).filter(Boolean);
}

/**
 * A button's words: an event's label starts with a capital, as a button does ("Facility notified";
 * the diagram's arrows keep the machine's lower-case words, and a translation's labels come
 * capitalised already); a timer's is a sentence of its own.
 */
const buttonLabel = (v: ViewContext, t: SimTransition) => (t.kind === 'after' ? fmt(v.s['sim.timer'], { label: t.label }) : t.label.charAt(0).toLocaleUpperCase(document.documentElement.lang || undefined) + t.label.slice(1));

/**
 * The words of an event as its button shows them, for the guide ("Next in this case: “Facility
 * notified”") and the log: a trainee looks for the button the guide names, and the log lists the
 * buttons pressed (both gave the machine's lower-case words where the button had a capital).
 */
export function labelOf(v: ViewContext, type: string): string {
  for (const list of Object.values(v.data.transitions)) {
    const t = list.find((x) => sameEvent(x.event, type));
    if (t) return buttonLabel(v, t);
  }
  return type;
}

function sectionLink(v: ViewContext, path: string): (Node | string)[] {
  const st = v.data.states[path];
  return st?.anchor && st.step ? [' ', el('a', { href: `#${st.anchor}` }, fmt(v.s['sim.readSection'], { step: st.step }))] : [];
}

/** "Current step: <title> (6.2 · Registration clerk) Read section 6.2", one line per active leaf. */
export function renderNow(box: HTMLElement, v: ViewContext, leaves: readonly string[]): void {
  const line = (path: string) => {
    const st = v.data.states[path];
    const facts = [st?.step, st?.roleTitle].filter(Boolean).join(' · ');
    return el('span', { class: 'wf-state-line' }, el('strong', {}, st?.title ?? path), facts ? ` (${facts})` : '', ...sectionLink(v, path));
  };
  box.replaceChildren(el('span', { class: 'wf-sim-label' }, `${v.s['sim.current']}${v.s['sim.colon'] ?? ': '}`), ...leaves.flatMap((leaf, i) => [i ? el('br') : '', line(leaf)]));
}

/** Feedback on the last choice, and in guided mode where the case goes next. */
export function renderGuide(box: HTMLElement, v: ViewContext, o: { feedback?: { text: string; bad: boolean }; guided: boolean; progress?: Progress }): void {
  const p = o.progress;
  box.classList.toggle('wf-bad', !!o.feedback?.bad || (!!p && !p.onPath));
  const parts: (Node | string)[] = [];
  if (o.feedback) parts.push(o.feedback.text, ' ');
  if (p && !p.onPath) parts.push(v.s['sim.offPath'] ?? '');
  else if (p?.expected && o.guided) {
    const paths = expectedPaths(p.expected.expect);
    parts.push(fmt(v.s['sim.expected'], { event: labelOf(v, p.expected.event.type), state: titles(v, paths) }), ...paths.flatMap((path) => sectionLink(v, path)));
  }
  box.replaceChildren(...parts);
}

/**
 * Event buttons (guided and free modes): disabled with the guard in words when it fails. When the
 * buttons are the same events as those shown (case data changed, the state did not), each is
 * updated where it is: rebuilt, the button a trainee was clicking was taken away between the
 * press (which ended the edit of a case field, and so re-rendered) and the release, and the click
 * was lost.
 */
export function renderEvents(list: HTMLElement, v: ViewContext, options: readonly Candidate[], expectedType: string | undefined, idPrefix: string): void {
  const shown = [...list.children].map((li) => li.querySelector<HTMLButtonElement>('button[data-event]'));
  const labels = options.map((c) => buttonLabel(v, c.transition));
  const same = shown.length === options.length && options.every((c, i) => shown[i]?.dataset.event === c.transition.event && shown[i]?.textContent === labels[i]);
  const reasonOf = (c: Candidate, i: number) => (c.reason ? el('span', { class: 'wf-reason', id: `${idPrefix}-why-${i}` }, fmt(v.s['sim.requires'], { guard: c.reason })) : null);
  if (same) {
    options.forEach((c, i) => {
      const button = shown[i]!;
      const expected = !!expectedType && sameEvent(c.transition.event, expectedType);
      button.disabled = !c.enabled;
      button.classList.toggle('wf-expected', expected);
      if (!button.classList.length) button.removeAttribute('class');
      if (c.reason) button.setAttribute('aria-describedby', `${idPrefix}-why-${i}`);
      else button.removeAttribute('aria-describedby');
      const li = button.parentElement!;
      li.querySelector('.wf-reason')?.remove();
      const reason = reasonOf(c, i);
      if (reason) li.append(reason);
    });
    return;
  }
  list.replaceChildren(
    ...options.map((c, i) => {
      const reasonId = `${idPrefix}-why-${i}`;
      const expected = !!expectedType && sameEvent(c.transition.event, expectedType);
      const attrs = { type: 'button', 'data-event': c.transition.event, disabled: !c.enabled, class: expected ? 'wf-expected' : null, 'aria-describedby': c.reason ? reasonId : null };
      return el('li', {}, el('button', attrs, labels[i]!), reasonOf(c, i));
    }),
  );
}

/** Outcome buttons (challenge mode): every event and target, no condition shown. */
export function renderOutcomes(list: HTMLElement, v: ViewContext, choices: readonly SimTransition[]): void {
  list.replaceChildren(
    ...choices.map((t) => {
      const to = v.data.states[t.target];
      return el('li', {}, el('button', { type: 'button', 'data-event': t.event, 'data-target': t.target }, `${buttonLabel(v, t)} ${v.s['sim.arrow'] ?? '→'} ${to?.title ?? t.target}${to?.step ? ` (${to.step})` : ''}`));
    }),
  );
}

/** The end of a challenge: steps right first time, wrong choices, the sections to reread. */
export function renderScore(box: HTMLElement, v: ViewContext, scenario: Scenario | undefined, wrong: Readonly<Record<number, number>>, reread: readonly string[]): void {
  if (!scenario) {
    box.replaceChildren();
    return;
  }
  const result = score(scenario, wrong, reread);
  const links = result.reread.map((step) => {
    const anchor = Object.values(v.data.states).find((st) => st.step === step)?.anchor;
    return el('li', {}, anchor ? el('a', { href: `#${anchor}` }, step) : step);
  });
  box.replaceChildren(
    el('p', {}, el('strong', {}, fmt(v.s['sim.score'], { right: plural(v.data, 'sim.score.right', result.total, { correct: count(v.data.lang, result.correct) }), wrong: plural(v.data, 'sim.score.wrong', result.wrong) }))),
    el('p', {}, (links.length ? v.s['sim.reread'] : v.s['sim.perfect']) ?? ''),
    links.length ? el('ul', {}, ...links) : '',
  );
}

/** The steps taken: "declaration checked: Receive → Verify". */
export function renderLog(list: HTMLElement, v: ViewContext, steps: readonly ReplayStep[]): void {
  list.replaceChildren(...steps.map((st) => el('li', {}, el('strong', {}, labelOf(v, st.event.type)), `${v.s['sim.colon'] ?? ': '}${titles(v, leavesOf(st.from))} ${v.s['sim.arrow'] ?? '→'} ${titles(v, leavesOf(st.to))}`)));
  if (!steps.length) list.append(el('li', { class: 'wf-empty' }, v.s['sim.logEmpty'] ?? ''));
}
