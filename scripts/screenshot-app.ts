/**
 * Takes docs/app.png: the app on the flash-sale scenario, its EC2 base beside its Fargate Spot
 * variant, 70 minutes in (ten minutes into the sale), in headless Chromium.
 *   npx tsx scripts/screenshot-app.ts [out.png] [fragment]
 */
import { join } from 'node:path';
import { buildApp, launch, ROOT, serveStatic, waitForRun } from '../test/e2e/harness';

const out = process.argv[2] ?? join(ROOT, 'docs/app.png');
const fragment = process.argv[3] ?? 'scenario=flash-sale&variant=base&compare=fargate-spot&t=4200';
const atMs = Number(new URLSearchParams(fragment).get('t') ?? 0) * 1000;

buildApp();
const { server, url } = await serveStatic();
const ctx = await launch({ width: 1600, height: 1000 });
try {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`${url}#${fragment}`);
  await waitForRun(page, 60_000);
  await page.waitForFunction(
    (t) => {
      const h = (window as unknown as { __clustersim: { panes: { nowMs: number }[] } }).__clustersim;
      return h.panes.length > 0 && h.panes.every((p) => p.nowMs === t);
    },
    atMs,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(800);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await ctx.close();
  server.close();
}
