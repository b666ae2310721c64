/**
 * Registers the offline service worker of a section of the site (`assessments/` or `scoring/`),
 * after the page has loaded so it never delays the first answer. Does nothing where service
 * workers are not available (file://, old browsers): the page still works while it is open.
 * @param base The site's base path, ending in `/`.
 * @param scope The section, ending in `/`.
 */
export function registerOffline(base: string, scope: string): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const go = () => navigator.serviceWorker.register(`${base}${scope}sw.js`, { scope: `${base}${scope}` }).catch(() => undefined);
  if (document.readyState === 'complete') go();
  else addEventListener('load', go, { once: true });
}
