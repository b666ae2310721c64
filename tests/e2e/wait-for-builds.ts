import { inject } from 'vitest';
import { waitForSiteBuilds } from './harness.ts';

// Every browser test file starts once the global setup's builds of both editions have ended, and
// fails with the build's output if one failed.
await waitForSiteBuilds(inject('siteBuilds'));
