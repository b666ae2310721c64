import type { Parent, RootContent } from 'mdast';
import type {} from 'mdast-util-mdx-jsx';
import { componentSpecs } from './content/components.ts';

/**
 * Which edition of the site a build makes (ARCHITECTURE.md, Editions). The participant edition
 * (the default) never carries answer keys, facilitator keys, trainer notes or trainer PDFs; the
 * trainer edition (`npm run build:trainer`, into `dist-trainer/`) carries them, with the scoring
 * page. The printed editions use the same two names (src/lib/handbook/editions.ts).
 */
export type SiteEdition = 'participant' | 'trainer';

/**
 * The edition of the running build, from `SOPKIT_EDITION` (`trainer`; anything else or unset is
 * `participant`, so a plain `astro build` can never leak trainer material).
 */
export function siteEdition(env: Record<string, string | undefined> = process.env): SiteEdition {
  return env.SOPKIT_EDITION === 'trainer' ? 'trainer' : 'participant';
}

/** Whether the running build is the trainer edition. */
export function isTrainerBuild(env: Record<string, string | undefined> = process.env): boolean {
  return siteEdition(env) === 'trainer';
}

/** The folder a build of an edition goes to: `dist/` or `dist-trainer/`. */
export function editionOutDir(edition: SiteEdition): string {
  return edition === 'trainer' ? 'dist-trainer' : 'dist';
}

/**
 * Whether a content component appears in an edition, as its spec in
 * src/lib/content/components.ts declares (`editions`). Unknown names (plain HTML) appear
 * everywhere. The web renderers, the search index and the handbook all ask this, so a new
 * trainer-only component needs only `editions: ['trainer']` in its spec.
 */
export function inEdition(componentName: string, edition: SiteEdition): boolean {
  const spec = componentSpecs[componentName];
  return !spec || spec.editions.includes(edition);
}

/** Whether an mdast node is a component that an edition leaves out. */
function leftOut(node: RootContent, edition: SiteEdition): boolean {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !!node.name && !inEdition(node.name, edition);
}

/**
 * A copy of an mdast subtree without the components an edition leaves out (at any depth). The
 * tree given is not changed: the loaded project is shared by every output of the build.
 * @param node A tree or any node with children.
 * @param edition The edition the copy is for.
 */
export function forEdition<T extends Parent>(node: T, edition: SiteEdition): T {
  const children = node.children.flatMap((child) => {
    if (leftOut(child, edition)) return [];
    return 'children' in child ? [forEdition(child as Parent, edition) as RootContent] : [child];
  });
  return { ...node, children } as T;
}
