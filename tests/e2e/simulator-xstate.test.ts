import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadWorkflowFile, workflowFiles } from '../../src/lib/workflow/load.ts';
import { useOwnBuild, type OwnBuild } from './use-site.ts';
import { LONG, openFresh, waitForActive, walk } from './simulator-helpers.ts';
import { linkDependencies } from '../params/project.ts';
import { runBuildIn } from './pack-copy.ts';

// The simulator with the XState features the model pack does not use — parallel regions named
// in scenarios, shallow and deep history, invoked actors that complete or fail, named delays,
// parameterised guards — on a site built from tests/fixtures/workflows/xstate (two machines of
// XState's own examples among them). SOPKIT_E2E_XSTATE_DIST=<folder> reuses a build of it.
const repo = resolve(import.meta.dirname, '../..');
const fixture = join(repo, 'tests/fixtures/workflows/xstate');
const machines = await Promise.all(workflowFiles(fixture).map((file) => loadWorkflowFile(fixture, file)));

/** Builds the fixture project as a site of its own: the real site code, the fixture content. */
async function buildFixture(): Promise<OwnBuild> {
  const given = process.env.SOPKIT_E2E_XSTATE_DIST;
  if (given && existsSync(join(given, 'index.html'))) return { dist: resolve(given), cleanup: () => undefined };
  const root = mkdtempSync(join(tmpdir(), 'sopkit-xstate-'));
  cpSync(fixture, root, { recursive: true });
  for (const file of ['astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(repo, file), join(root, file));
  // Sources are copied (Vite will not bundle page scripts through a symlinked src/); the dependencies are linked.
  for (const dir of ['src', 'public', 'content/guide']) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  linkDependencies(root);
  // Its pages only (as `build --no-pdfs`): no test here opens a PDF.
  await runBuildIn(root, [join(repo, 'node_modules/astro/astro.js'), 'build', '--root', root], 'astro build of the XState fixture project', { SOPKIT_NO_PDFS: '1' });
  return { dist: join(root, 'dist'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

const site = useOwnBuild(buildFixture);

const open = (path: string) => openFresh(site.browser, `${site.url}${path}`);

/** The diagram's edge labels, each as one line of text (labels wrap over several lines). */
const edgeLabels = (page: Page) => page.locator('svg.wf-diagram .wf-label').evaluateAll((nodes) => nodes.map((n) => [...n.querySelectorAll('text')].map((t) => t.textContent).join(' ')));

describe('any XState v5 machine in the simulator', () => {
  it('draws history states as H and H*, and the ends of invoked actors and parameterised guards in words', async () => {
    const page = await open('/sops/interview-resume/');
    const history = page.locator('svg.wf-diagram g[data-kind="history"]');
    await expect(history.evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-state-id'), n.textContent]))).resolves.toEqual([
      ['interview.resume', 'Interview the applicant (resumed)H'],
      ['interview.resumeExact', 'Interview the applicant (resumed at the same step)H*'],
    ]);
    await expect(page.locator('.wf-legend li').allTextContents()).resolves.toContainEqual(expect.stringContaining('H*: back to the exact sub-step'));
    await page.goto(`${site.url}/sops/certificate-request/`);
    const labels = await edgeLabels(page);
    expect(labels).toEqual(expect.arrayContaining(['payment check completes', 'payment check fails']));
    expect(labels.join(' ')).not.toMatch(/xstate|actor 0/);
    await page.goto(`${site.url}/sops/late-registration/`);
    await expect(edgeLabels(page)).resolves.toContain('declaration received [is above (min 18)]');
    await page.close();
  }, LONG);

  it('completes an invoked actor, or makes it fail, while the other region waits', async () => {
    const page = await open('/sops/certificate-request/');
    const press = (event: string) => page.click(`.wf-sim [data-sim-events] button[data-event="${event}"]`);
    await press('request.received');
    await press('payment.submitted');
    await waitForActive(page, ['processing.review.pending', 'processing.payment.checking'], 'including');
    const buttons = page.locator('.wf-sim [data-sim-events] button');
    await expect(buttons.allTextContents()).resolves.toEqual(['Review approved', 'Review refused', 'Payment check completes', 'Payment check fails']);
    await press('error.platform.paymentCheck');
    await waitForActive(page, ['processing.review.pending', 'processing.payment.unpaid'], 'including');
    await press('payment.submitted');
    await press('done.invoke.paymentCheck');
    await waitForActive(page, ['processing.review.pending', 'processing.payment.paid'], 'including');
    // Both regions are where the case is: one line each.
    await expect(page.locator('.wf-sim [data-sim-now] .wf-state-line strong').allTextContents()).resolves.toEqual(['Review the record', 'Fee paid']);
    await expect(page.locator('.wf-sim [data-sim-log] li strong').allTextContents()).resolves.toEqual(['Request received', 'Payment submitted', 'Payment check fails', 'Payment submitted', 'Payment check completes']);
    await press('review.approved');
    await waitForActive(page, ['issue']);
    await page.close();
  }, LONG);

  it('resumes through a history state where the case was left', async () => {
    const page = await open('/sops/interview-resume/');
    for (const event of ['interview.started', 'consent.given', 'identity.confirmed', 'parents.recorded', 'power.failed']) {
      await page.click(`.wf-sim [data-sim-events] button[data-event="${event}"]`);
    }
    await waitForActive(page, ['offline']);
    await page.click('.wf-sim [data-sim-events] button[data-event="power.restored"]');
    await waitForActive(page, ['interview', 'interview.family', 'interview.family.witnesses']);
    // The arrow into H* is the one just taken.
    await expect(page.locator('svg.wf-diagram g.wf-edge[data-taken="true"]').getAttribute('data-target')).resolves.toBe('interview.resumeExact');
    await page.close();
  }, LONG);

  // Every scenario of every fixture machine, in guided mode: parallel values, history, invoked
  // actors (done and error), timers and parameterised guards.
  for (const { id, module } of machines) {
    it(`walks every scenario of ${id}`, async () => {
      const page = await open(`/sops/${id}/`);
      for (const scenario of module.scenarios) await walk(page, scenario);
      await page.close();
    }, LONG);
  }
});
