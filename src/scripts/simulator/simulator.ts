import type { AnyStateMachine } from 'xstate';
import type { SimData } from '../../lib/workflow/sim-data.ts';
import type { Scenario, ScenarioEvent } from '../../lib/workflow/types.ts';
import { readForm, writeForm } from './case-form.ts';
import { markDiagram, revealActive } from './diagram.ts';
import { el, fmt, part, uncover } from './dom.ts';
import { activePaths, candidates, outcomes, replay, takenTargets, type Replay } from './engine.ts';
import { progress, sameEvent } from './scenario.ts';
import { clear, load, peek, save, type Saved } from './storage.ts';
import { count } from './words.ts';
import { leavesOf, renderEvents, renderGuide, renderLog, renderNow, renderOutcomes, renderScore, titles } from './view.ts';

type Mode = 'guided' | 'challenge';

/** One simulator: the panel under a workflow diagram, driving the real machine purely. */
export class Simulator {
  private scenarioId = '';
  private mode: Mode = 'guided';
  private input: Record<string, unknown>;
  private run: Replay;
  private wrong: Record<number, number> = {};
  private reread: string[] = [];
  private feedback: { text: string; bad: boolean } | undefined;
  private readonly s: Record<string, string>;

  constructor(
    private readonly root: HTMLElement,
    private readonly figure: Element,
    private readonly machine: AnyStateMachine,
    private readonly data: SimData,
  ) {
    this.s = data.strings;
    this.input = { ...data.defaults };
    this.run = replay(machine, this.input, []);
  }

  private get scenario(): Scenario | undefined {
    return this.data.scenarios.find((sc) => sc.id === this.scenarioId);
  }

  /** Restores the saved position (if it still replays to the same state), wires the controls, shows the panel. */
  start(): void {
    this.take(load(this.data.id));
    this.bind();
    this.root.hidden = false;
    if (location.hash === `#${this.root.id}`) this.root.scrollIntoView();
    this.render(false);
    revealActive(this.figure, activePaths(this.run.snapshot.value));
    // A page shown again from the back-forward cache (Back, Forward) comes back as it was left,
    // case and steps on screen, without running this again. Meanwhile the tab's storage may have
    // changed: on a shared tablet kiosk mode forgets every case for the next participant
    // (`clearAll`), who pressed Forward and found the last one's case. So the panel shows what
    // the tab's storage holds now: that case, or none.
    addEventListener('pageshow', (e: PageTransitionEvent) => {
      if (!e.persisted) return;
      this.take(peek(this.data.id));
      this.feedback = undefined;
      this.render(false);
      revealActive(this.figure, activePaths(this.run.snapshot.value));
    });
  }

  /** Takes a saved position if it still replays to the same state (else a free run from the start), then the case a link asks for. */
  private take(saved: Saved | undefined): void {
    Object.assign(this, { scenarioId: '', mode: 'guided', input: { ...this.data.defaults }, wrong: {}, reread: [] });
    this.run = replay(this.machine, this.input, []);
    if (saved && saved.fingerprint === this.data.fingerprint && (saved.scenario === '' || this.data.scenarios.some((sc) => sc.id === saved.scenario))) {
      const run = replay(this.machine, saved.input, saved.log);
      const same = JSON.stringify(this.machine.getPersistedSnapshot(run.snapshot)) === JSON.stringify(saved.snapshot);
      if (run.cutAt === undefined && same) {
        Object.assign(this, { scenarioId: saved.scenario, mode: saved.mode, input: saved.input, run, wrong: saved.wrong ?? {}, reread: saved.reread ?? [] });
      } else clear(this.data.id);
    }
    // A link such as ?workflow=birth-registration&scenario=foundling-market#practise-birth-registration
    // (from a case study) opens that case.
    const params = new URLSearchParams(location.search);
    const wanted = params.get('scenario');
    const linked = !!wanted && (params.get('workflow') ?? this.data.id) === this.data.id && wanted !== this.scenarioId && this.data.scenarios.some((sc) => sc.id === wanted);
    if (linked) {
      this.scenarioId = wanted;
      this.input = { ...this.data.defaults, ...(this.scenario?.input ?? {}) };
      this.run = replay(this.machine, this.input, []);
      this.wrong = {};
      this.reread = [];
    }
    part<HTMLSelectElement>(this.root, '[data-sim-scenario]').value = this.scenarioId;
    for (const radio of this.root.querySelectorAll<HTMLInputElement>('[data-sim-modes] input')) radio.checked = radio.value === this.mode;
  }

  private bind(): void {
    part<HTMLSelectElement>(this.root, '[data-sim-scenario]').addEventListener('change', (e) => this.chooseScenario((e.target as HTMLSelectElement).value));
    part(this.root, '[data-sim-modes]').addEventListener('change', (e) => {
      this.mode = (e.target as HTMLInputElement).value === 'challenge' ? 'challenge' : 'guided';
      this.restart();
    });
    part(this.root, '[data-sim-events]').addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-event]');
      if (button && !button.disabled) this.fire(button.dataset.event ?? '', button.dataset.target);
    });
    part(this.root, '[data-sim-undo]').addEventListener('click', () => this.undo());
    part(this.root, '[data-sim-reset]').addEventListener('click', () => this.restart());
    part<HTMLFormElement>(this.root, '[data-sim-form]').addEventListener('change', () => this.caseChanged());
    part<HTMLFormElement>(this.root, '[data-sim-form]').addEventListener('submit', (e) => e.preventDefault());
    // The figure's own controls too: "How to read the diagram" and "The steps as a list" sit under
    // the diagram, and Tab left them hidden behind it.
    const onFocus = (e: Event) => uncover(e.target as Element, this.figure.querySelector('.wf-scroll'));
    this.figure.addEventListener('focusin', onFocus);
    if (!this.figure.contains(this.root)) this.root.addEventListener('focusin', onFocus);
  }

  private chooseScenario(id: string): void {
    this.scenarioId = id;
    this.restart();
  }

  /** Back to the start of the case (or of a free run), with the case's own data. */
  private restart(): void {
    this.input = { ...this.data.defaults, ...(this.scenario?.input ?? {}) };
    this.wrong = {};
    this.reread = [];
    this.feedback = undefined;
    this.run = replay(this.machine, this.input, []);
    this.commit(true);
  }

  /**
   * Sends an event. In a challenge the trainee picks an outcome (event and target state): it is
   * right when it is the way the case really goes from here.
   */
  private fire(type: string, target?: string): void {
    const scenario = this.scenario;
    const p = scenario ? progress(scenario, this.run.log) : undefined;
    const expected = p?.expected;
    const right = (e: ScenarioEvent) => sameEvent(type, e.type) && (target === undefined || takenTargets(this.machine, this.run.snapshot, e).includes(target));
    if (scenario && this.mode === 'challenge' && expected && !right(expected.event)) {
      const here = activePaths(this.run.snapshot.value).map((path) => this.data.states[path]?.step).filter(Boolean).pop();
      this.wrong[p.index] = (this.wrong[p.index] ?? 0) + 1;
      if (here) this.reread.push(here);
      this.feedback = { text: fmt(this.s['sim.wrong'], { step: here ?? '' }), bad: true };
      this.commit(false);
      return;
    }
    const event: ScenarioEvent = expected && sameEvent(type, expected.event.type) ? expected.event : { type };
    const next = replay(this.machine, this.input, [...this.run.log, event]);
    if (next.cutAt !== undefined) {
      // The machine's own code failed on this step (an actor's output it reads is not there): say so, stay put.
      if (next.error) {
        this.feedback = { text: fmt(this.s['sim.failed'], { error: next.error }), bad: true };
        this.commit(false);
      }
      return;
    }
    this.run = next;
    this.feedback = scenario && this.mode === 'challenge' ? { text: this.s['sim.correct'] ?? '', bad: false } : undefined;
    this.commit(true);
  }

  private undo(): void {
    if (!this.run.log.length) return;
    this.run = replay(this.machine, this.input, this.run.log.slice(0, -1));
    this.feedback = undefined;
    this.commit(true);
  }

  private caseChanged(): void {
    this.input = readForm(part<HTMLFormElement>(this.root, '[data-sim-form]'), this.data.caseFields, this.input);
    const wanted = this.run.log;
    this.run = replay(this.machine, this.input, wanted);
    this.feedback = this.run.cutAt === undefined ? undefined : { text: fmt(this.s['sim.replayCut'], { event: wanted[this.run.cutAt]?.type ?? '' }), bad: true };
    this.commit(true);
  }

  private commit(moved: boolean): void {
    save(this.data.id, {
      v: 1,
      fingerprint: this.data.fingerprint,
      scenario: this.scenarioId,
      mode: this.mode,
      input: this.input,
      log: this.run.log,
      wrong: this.wrong,
      reread: this.reread,
      snapshot: this.machine.getPersistedSnapshot(this.run.snapshot),
    });
    this.render(moved);
  }

  private render(moved: boolean): void {
    const { snapshot } = this.run;
    const v = { data: this.data, s: this.s };
    const active = activePaths(snapshot.value);
    const leaves = leavesOf(active);
    const scenario = this.scenario;
    const p = scenario ? progress(scenario, this.run.log) : undefined;
    const scored = !!scenario && this.mode === 'challenge';

    part(this.root, '[data-sim-desc]').textContent = scenario?.description ?? '';
    renderNow(part(this.root, '[data-sim-now]'), v, leaves);
    // Case data the machine's own code cannot start from: say so, whatever else is shown.
    const feedback = this.run.startError ? { text: fmt(this.s['sim.startFailed'], { error: this.run.startError }), bad: true } : this.feedback;
    renderGuide(part(this.root, '[data-sim-guide]'), v, { ...(feedback ? { feedback } : {}), guided: this.mode === 'guided', ...(p ? { progress: p } : {}) });

    const list = part(this.root, '[data-sim-events]');
    const had = document.activeElement as HTMLElement | null;
    const focused = had && list.contains(had) ? { event: had.dataset.event ?? '', target: had.dataset.target } : undefined;
    const options = candidates(this.machine, snapshot, this.data);
    if (scored && p?.expected) renderOutcomes(list, v, outcomes(snapshot, this.data));
    else renderEvents(list, v, options, this.mode === 'guided' ? p?.expected?.event.type : undefined, this.root.dataset.simFigure ?? 'wf');
    if (!list.childElementCount) list.append(el('li', {}, snapshot.status === 'done' ? fmt(this.s['sim.finished'], { state: titles(v, leaves) }) : (this.s['sim.noActions'] ?? '')));

    const wrongTotal = Object.values(this.wrong).reduce((a, b) => a + b, 0);
    part(this.root, '[data-sim-wrong]').textContent = scored ? fmt(this.s['sim.wrongCount'], { n: count(this.data.lang, wrongTotal) }) : '';
    part<HTMLButtonElement>(this.root, '[data-sim-undo]').disabled = !this.run.log.length;
    renderScore(part(this.root, '[data-sim-score]'), v, scored && p?.done ? scenario : undefined, this.wrong, this.reread);
    renderLog(part(this.root, '[data-sim-log]'), v, this.run.steps);
    writeForm(part<HTMLFormElement>(this.root, '[data-sim-form]'), this.data.caseFields, this.input);

    const possible = new Set(options.filter((c) => c.enabled).map((c) => c.transition.event));
    const last = this.run.steps[this.run.steps.length - 1];
    markDiagram(this.figure, active, possible, last ? { from: last.from, event: last.event.type, to: last.to } : undefined);
    if (moved) revealActive(this.figure, active);
    // Screen readers hear each move, and a wrong choice (which does not move).
    if (moved || feedback) {
      part(this.root, '[data-sim-live]').textContent = [feedback?.text, moved ? fmt(this.s['sim.now'], { state: titles(v, leaves) }) : ''].filter(Boolean).join(' ');
    }
    if (focused) this.keepFocus(list, focused, moved);
    // Undo back to the start disables the Undo button that has the focus: the focus would fall to
    // the page's body (a screen reader starts again from the top). It goes where a move takes it.
    else if (had?.matches('[data-sim-undo]:disabled')) this.keepFocus(list, undefined, true);
    // On a phone, where a move led ("Now: ...") is above the buttons, under the stuck diagram: out
    // from under it, as far as the button with the focus stays on screen.
    if (moved) uncover(part(this.root, '[data-sim-now]'), this.figure.querySelector('.wf-scroll'), focused ? document.activeElement : null);
    // On a phone the diagram sticks above the buttons: what a press says ("not what this case calls
    // for", "correct") is above the button pressed, so it would be under the diagram, unseen.
    if (feedback) uncover(part(this.root, '[data-sim-guide]'), this.figure.querySelector('.wf-scroll'));
  }

  /**
   * Keeps keyboard users in the list: after a move, on what the case calls for next in guided
   * mode (the button marked for it; Enter must not take the first branch listed), else on the
   * first thing to do next; after a wrong choice, on the button they pressed. Undo back to the
   * start (no `focused`) counts as a move.
   */
  private keepFocus(list: HTMLElement, focused: { event: string; target: string | undefined } | undefined, moved: boolean): void {
    const selector = focused ? `button[data-event="${CSS.escape(focused.event)}"]${focused.target ? `[data-target="${CSS.escape(focused.target)}"]` : ''}` : '';
    const same = moved || !focused ? null : list.querySelector<HTMLButtonElement>(selector);
    const scoreBox = part(this.root, '[data-sim-score]');
    const suggested = moved && this.mode === 'guided' ? list.querySelector<HTMLButtonElement>('button.wf-expected:not(:disabled)') : null;
    const next: HTMLElement = same ?? suggested ?? list.querySelector<HTMLButtonElement>('button:not(:disabled)') ?? (scoreBox.childElementCount ? scoreBox : part(this.root, '[data-sim-reset]'));
    next.focus();
  }
}
