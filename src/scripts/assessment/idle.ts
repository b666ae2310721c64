/** What an idle watcher reports. */
export interface IdleHandlers {
  /** Whether there is anything to lose now (an attempt with content): if not, nothing happens. */
  active(): boolean;
  /** Shown from `warnMs` before the end: seconds left. */
  warn(secondsLeft: number): void;
  /** Activity came back, or nothing is at stake: hide the warning. */
  calm(): void;
  /** The idle time has passed. */
  expire(): void;
}

/**
 * Watches for a period with no touch, click, key or wheel on the page. It reads the clock each
 * second rather than trusting one long timer, so a tablet that slept past the limit acts on
 * waking.
 * @param idleMs Time without activity before `expire`.
 * @param warnMs How long before that the warning shows.
 * @param on What to do.
 * @returns `touch()` to count activity from elsewhere.
 */
export function watchIdle(idleMs: number, warnMs: number, on: IdleHandlers): { touch(): void } {
  // Idle time is added up tick by tick, each tick's step of the clock counted only forward: a
  // tablet whose clock was set back an hour never reached the limit, and the next trainee found
  // the last one's id, name and answers on the screen.
  let idle = 0;
  let tick = Date.now();
  const elapsed = () => {
    const now = Date.now();
    const step = now - tick;
    tick = now;
    return step > 0 ? step : 0;
  };
  let warned = false;
  const touch = () => {
    idle = 0;
    tick = Date.now();
    if (warned) {
      warned = false;
      on.calm();
    }
  };
  // Not `scroll`: showing the warning moves the page (scroll anchoring), which would count as activity.
  for (const type of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart']) addEventListener(type, touch, { passive: true, capture: true });
  setInterval(() => {
    idle += elapsed();
    if (!on.active()) {
      idle = 0;
      if (warned) touch();
      return;
    }
    const left = idleMs - idle;
    if (left <= 0) {
      warned = false;
      idle = 0;
      on.calm();
      on.expire();
    } else if (left <= warnMs) {
      warned = true;
      on.warn(Math.ceil(left / 1000));
    }
  }, 1000);
  return { touch };
}
