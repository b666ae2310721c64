import { keepPages } from '../offline/client.ts';

/**
 * Keeps a page on this device for use with no connection, and the page in the site's other
 * languages (its language links): a participant who chose another language mid-test with no
 * connection found "This page is not saved on this device" instead of the test. A folder is kept
 * whole only when asked for: kiosk set-up and the assessments page keep their language's tests
 * folder, the evaluation page's kiosk set-up its evaluations folder (a trainer preparing a shared
 * tablet, on the venue's connection); a test or evaluation page opened normally keeps itself only,
 * since a trainee on prepaid data who opened one test downloaded every test of the pack. The site's one service worker does the work (src/scripts/offline); this is
 * the whole interface the assessment pages use. Does nothing where service workers are not
 * available (file://, old browsers): the page still works while it is open. Resolves `true` once
 * the pages are saved.
 * @param base The site's base path, ending in `/`.
 * @param scope A folder to keep whole, ending in `/`, relative to the base (`fr/assessments/`, `evaluations/`).
 */
export async function registerOffline(base: string, scope?: string): Promise<boolean> {
  try {
    const local = (pathname: string) => (pathname.startsWith(base) ? [decodeURI(pathname.slice(base.length))] : []);
    const languages = [...document.querySelectorAll<HTMLAnchorElement>('.lang-switch a[href]')].flatMap((a) => (a.origin === location.origin ? local(a.pathname) : []));
    return await keepPages([...new Set([...local(location.pathname), ...languages])], scope ? [scope] : []);
  } catch {
    return false;
  }
}
