import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import { sopkitServerBundle } from '../../src/integrations/server-bundle.ts';

type Setup = NonNullable<AstroIntegration['hooks']['astro:build:setup']>;
const setup = sopkitServerBundle().hooks['astro:build:setup'] as Setup;
const run = (target: 'server' | 'client', vite: Record<string, unknown>) => setup({ vite, target, pages: new Map(), updateConfig: (c) => c, logger: undefined as never } as Parameters<Setup>[0]);

describe('sopkitServerBundle', () => {
  it('turns tree-shaking off for the server bundle only, keeping the rest of its Rollup options', async () => {
    const server = { build: { rollupOptions: { external: ['sharp'] } } };
    await run('server', server);
    expect(server.build.rollupOptions).toEqual({ external: ['sharp'], treeshake: false });
    const client: { build?: { rollupOptions?: Record<string, unknown> } } = {};
    await run('client', client);
    expect(client.build?.rollupOptions?.treeshake).toBeUndefined();
  });
});
