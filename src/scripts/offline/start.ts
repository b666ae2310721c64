/**
 * Every page's script (the only one a reading page loads): registers the site's service worker
 * after the page has loaded, so it never delays reading; retires the per-section workers of
 * earlier builds; and tells the reader when a newly published build has taken over ("A new
 * version of this site has been published: Reload"). Self-contained on purpose: it is one small
 * file, with no shared chunk to fetch after it on a slow connection.
 */

/** Earlier builds had one worker per section (`assessments/sw.js`); they would shadow the site worker there. */
async function retireSectionWorkers(scope: string): Promise<void> {
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    const script = (registration.active ?? registration.waiting ?? registration.installing)?.scriptURL;
    if (registration.scope !== scope && registration.scope.startsWith(scope) && script === `${registration.scope}sw.js`) await registration.unregister();
  }
}

/** Shows the notice (its text is in the page, in the page's language) when a new worker takes over from another. */
function watchForUpdates(): void {
  let hadWorker = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first worker taking over a page is not news: the page is already the current build.
    const replaced = hadWorker;
    hadWorker = true;
    const region = document.querySelector<HTMLElement>('[data-sw-update]');
    const template = document.querySelector<HTMLTemplateElement>('template[data-sw-update-text]');
    if (!replaced || !region || !template || region.childElementCount) return;
    region.append(template.content.cloneNode(true));
    region.querySelector('[data-sw-reload]')?.addEventListener('click', () => location.reload());
    region.querySelector('[data-sw-later]')?.addEventListener('click', () => region.replaceChildren());
  });
}

if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const base = document.documentElement.dataset.base ?? '/';
  const scope = new URL(base.endsWith('/') ? base : `${base}/`, location.href).href;
  watchForUpdates();
  const register = () =>
    navigator.serviceWorker.register(`${scope}sw.js`, { scope }).then(
      () => retireSectionWorkers(scope),
      () => undefined,
    );
  if (document.readyState === 'complete') void register();
  else addEventListener('load', () => void register(), { once: true });
}
