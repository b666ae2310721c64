import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { imagePath, insideProject, MAX_IMAGE_PIXELS, printableFormats, readImage } from '../content/images.ts';
import { relPath } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { CheckContext } from './context.ts';

/**
 * The images of an SOP or module body: each file is there and is an image the page and the PDFs
 * can show. Without this a wrong path passed the check, the page showed a broken image, and the
 * handbook printed "[alt]" where the form should be; a file named `.png` that was not one stopped
 * the PDF stage with pdf-lib's stack trace, and a PNG cut short printed a garbled picture. A path
 * relative to an SOP is `mdx/image-path` (`bodyCodeRule`), not looked up here.
 * @param root Project root.
 * @param doc The file: its path from the root, its absolute path and parsed body.
 * @param kind An SOP (images from `public/` only) or a training module (relative paths bundled).
 */
export function imageRules(root: string, doc: { file: string; absPath: string; tree?: Root }, kind: 'sop' | 'module'): Diagnostic[] {
  const images: Image[] = [];
  if (doc.tree) visit(doc.tree, 'image', (node: Image) => void images.push(node));
  const out: Diagnostic[] = [];
  for (const node of images) {
    const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    const say = (severity: 'error' | 'warning', code: string, text: string) => out.push(diagnostic(severity, code, doc.file, `image "${node.url}": ${text}`, at));
    if (!node.alt?.trim()) say('warning', 'mdx/image-alt', 'no description between the brackets (![description](...)); a screen reader reads it, and a PDF prints it where it cannot show the image');
    const path = imagePath(node.url, root, doc.absPath);
    if (path === undefined) {
      if (!/^data:/i.test(node.url)) say('warning', 'mdx/image-remote', 'comes from another site, so a reader offline and the PDFs do not have it; put the file in public/ and write its path from the site root (/images/...)');
      continue;
    }
    if (kind === 'sop' && !node.url.startsWith('/')) continue; // mdx/image-path says it
    if (!insideProject(root, path)) {
      say('error', 'mdx/image-path', "climbs out of the project with ../; put the image in public/ and write its path from the site root (/images/...)");
      continue;
    }
    const read = readImage(path);
    const where = relPath(root, path);
    if (!read.ok) {
      if (read.problem === 'missing') say('error', 'mdx/image-missing', `no file ${where}; put the image there or correct the path`);
      else if (read.problem === 'unknown-format') say('error', 'mdx/image-format', `${where} is not a PNG, JPEG, GIF, WebP or SVG image (its first bytes say otherwise); save it again as PNG or JPEG`);
      else if (read.problem === 'too-large') say('error', 'mdx/image-too-large', `${where} is ${read.width.toLocaleString('en')} × ${read.height.toLocaleString('en')} pixels (${Math.round((read.width * read.height) / 1e6).toLocaleString('en')} million), more than ${MAX_IMAGE_PIXELS / 1e6} million: printing it takes gigabytes of memory and a phone cannot show it; scale it down (4,000 pixels on its longer side is plenty for a full A4 page)`);
      else say('error', 'mdx/image-damaged', `${where} is damaged or cut short: its size or image data cannot be read; save it again as PNG or JPEG`);
      continue;
    }
    if (!printableFormats.includes(read.format)) {
      say('warning', 'mdx/image-print', `${where} is ${read.format.toUpperCase()}, which a PDF cannot hold: the handbook prints its description instead; give a PNG or JPEG for print`);
    }
  }
  return out;
}

/** The image rule over every SOP and module, sources and translations. */
export function checkImages(ctx: CheckContext): Diagnostic[] {
  const { project } = ctx;
  const out: Diagnostic[] = [];
  const docs = [
    ...project.sops.map((d) => [d, 'sop'] as const),
    ...project.modules.map((d) => [d, 'module'] as const),
    ...Object.values(project.translations).flatMap((t) => [...t.sops.map((d) => [d, 'sop'] as const), ...t.modules.map((d) => [d, 'module'] as const)]),
  ];
  for (const [doc, kind] of docs) out.push(...imageRules(project.root, doc, kind));
  return out;
}
