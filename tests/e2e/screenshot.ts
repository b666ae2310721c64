// Screenshots of built pages, to look at them as a user would:
//   npx tsx tests/e2e/screenshot.ts dist /sops/birth-registration/ 360 out.png [--full]
import { launchBrowser, serveStatic } from './harness.ts';

const [dir = 'dist', path = '/', width = '1280', out = 'shot.png', full] = process.argv.slice(2);
const site = await serveStatic(dir);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
  await page.goto(site.url + path);
  await page.screenshot({ path: out, fullPage: full === '--full' });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await site.close();
}
