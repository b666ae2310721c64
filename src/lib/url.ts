/**
 * A site path with the configured base prepended (`/sops/x/` → `/base/sops/x/`), so the site
 * works when hosted under a sub-path. Pass paths that start with `/`.
 */
export function href(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${prefix}${path}`;
}
