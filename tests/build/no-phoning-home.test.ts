import { afterEach, describe, expect, it } from 'vitest';

// Nothing may leave the machine at build time or while `astro dev` serves: the project's Astro
// config switches off Astro's usage telemetry and the dev server's look-up of Astro's latest
// version on the npm registry (both read from the environment after the config is loaded).
describe('astro.config.mjs', () => {
  const saved = { telemetry: process.env.ASTRO_TELEMETRY_DISABLED, update: process.env.ASTRO_DISABLE_UPDATE_CHECK };
  afterEach(() => {
    for (const [key, value] of [['ASTRO_TELEMETRY_DISABLED', saved.telemetry], ['ASTRO_DISABLE_UPDATE_CHECK', saved.update]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('switches off telemetry and the update check when it is loaded', async () => {
    delete process.env.ASTRO_TELEMETRY_DISABLED;
    delete process.env.ASTRO_DISABLE_UPDATE_CHECK;
    await import('../../astro.config.mjs');
    expect(process.env.ASTRO_TELEMETRY_DISABLED).toBe('1');
    // astro/dist/core/dev/update-check.js compares with the string 'true'.
    expect(process.env.ASTRO_DISABLE_UPDATE_CHECK).toBe('true');
  });
});
