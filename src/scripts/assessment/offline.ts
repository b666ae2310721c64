import { keepPages } from '../offline/client.ts';

/**
 * Keeps a section of the site on this device for use with no connection: the test page keeps
 * every test (`assessments/`), so a tablet on which one test was opened runs any of them offline;
 * the scoring page keeps itself. The page in the site's other languages (its language links) is
 * kept too: a participant who chose another language mid-test with no connection found "This page
 * is not saved on this device" instead of the test. The site's one service worker does the work
 * (src/scripts/offline); this is the whole interface the assessment pages use. Does nothing
 * where service workers are not available (file://, old browsers): the page still works while
 * it is open. Resolves `true` once the section is saved.
 * @param base The site's base path, ending in `/`.
 * @param scope The section, ending in `/`, relative to the base.
 */
export async function registerOffline(base: string, scope: string): Promise<boolean> {
  try {
    const local = (pathname: string) => (pathname.startsWith(base) ? [decodeURI(pathname.slice(base.length))] : []);
    const languages = [...document.querySelectorAll<HTMLAnchorElement>('.lang-switch a[href]')].flatMap((a) => (a.origin === location.origin ? local(a.pathname) : []));
    return await keepPages([...new Set([...local(location.pathname), ...languages])], [scope]);
  } catch {
    return false;
  }
}
