/**
 * `npm run bench:ui`: the browser app's frame time and memory, in headless Chromium with software
 * WebGL (SwiftShader).
 *
 * 1. Frame time of the app's scene for 1,000 container instances, 10,000 tasks and 1,000 Lambda
 *    environments, against a bare ParticleContainer with the same number of particles, measured
 *    in the same run, interleaved (app, bare, app, bare) so background load hits both alike.
 *    Target: the app within 1.3× of the bare scene.
 * 2. Heap growth of the app's main thread (the view) over a run at 3,600× on the built app,
 *    restarting the run whenever it ends: `--heap-seconds 600` is the 10-minute run; the default is 60 s.
 *
 * Options: --frames N (per pass, default 120), --heap-seconds S, --scenario NAME (default diurnal-web).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { buildApp, launch, ROOT, serveStatic } from '../../test/e2e/harness';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const FRAMES = Number(arg('frames', '120'));
const HEAP_SECONDS = Number(arg('heap-seconds', '60'));
const SCENARIO = arg('scenario', 'diurnal-web');
const COUNTS = { instances: 1000, tasks: 10_000, envs: 1000 };

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const mib = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;

// The bench page, built like the app (a dev server would reload it whenever a source file changes).
const benchDir = mkdtempSync(join(tmpdir(), 'clustersim-bench-ui-'));
await build({
  root: ROOT,
  configFile: false,
  base: './',
  logLevel: 'error',
  build: { outDir: benchDir, emptyOutDir: true, chunkSizeWarningLimit: 4000, rollupOptions: { input: join(ROOT, 'bench/ui/page.html') } },
});
const benchServer = await serveStatic(benchDir);
const base = benchServer.url;
const ctx = await launch({ width: 1280, height: 720 });
let stopBuilt = () => {};
try {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`${base}bench/ui/page.html`);
  await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, undefined, { timeout: 60_000 });
  type R = { mode: string; renderer: string; frames: number[]; particles: number; parts: { update: number; render: number; gpu: number } };
  const runs: R[] = [];
  let particles = 0;
  for (const mode of ['app', 'bare', 'app', 'bare'] as const) {
    const r = (await page.evaluate(
      ([m, f, c, p]) => (window as unknown as { runBench: (...a: unknown[]) => Promise<R> }).runBench(m, f, c, p),
      [mode, FRAMES, COUNTS, particles] as const,
    )) as R;
    if (mode === 'app') particles = r.particles;
    runs.push(r);
  }
  const app = runs.filter((r) => r.mode === 'app').flatMap((r) => r.frames);
  const bare = runs.filter((r) => r.mode === 'bare').flatMap((r) => r.frames);
  const renderer = runs[0]!.renderer;
  console.log(`UI frame time, headless Chromium (${renderer}, software), 1280×720, ${COUNTS.instances} instances + ${COUNTS.tasks} tasks + ${COUNTS.envs} Lambda environments + 2 Aurora instances = ${particles} particles`);
  console.log(`  app scene     median ${quantile(app, 0.5).toFixed(1)} ms   p95 ${quantile(app, 0.95).toFixed(1)} ms   (${app.length} frames)`);
  console.log(`  bare particles median ${quantile(bare, 0.5).toFixed(1)} ms   p95 ${quantile(bare, 0.95).toFixed(1)} ms   (${bare.length} frames)`);
  for (const mode of ['app', 'bare']) {
    const rs = runs.filter((r) => r.mode === mode);
    const avg = (k: 'update' | 'render' | 'gpu') => (rs.reduce((a, r) => a + r.parts[k], 0) / rs.length).toFixed(1);
    console.log(`  ${mode.padEnd(13)} mean per frame: update ${avg('update')} ms · render ${avg('render')} ms · GPU wait ${avg('gpu')} ms`);
  }
  const ratio = quantile(app, 0.5) / quantile(bare, 0.5);
  console.log(`  app / bare (median) ${ratio.toFixed(2)}×   target ≤ 1.30×: ${ratio <= 1.3 ? 'met' : 'NOT met'}`);

  // Heap over a run at 3,600×, on the built app (as `vite preview` serves it).
  buildApp();
  const built = await serveStatic();
  stopBuilt = () => built.server.close();
  const appPage = await ctx.newPage();
  await appPage.goto(`${built.url}#scenario=${SCENARIO}&speed=3600`);
  await appPage.waitForFunction(() => ((window as unknown as { __clustersim?: { ready: boolean; frames: number } }).__clustersim?.frames ?? 0) > 0, undefined, { timeout: 60_000 });
  const cdp = await ctx.newCDPSession(appPage);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  type H = { nowMs: number; panes: { reportCostUsd: number | null }[] };
  const read = () => appPage.evaluate(() => (window as unknown as { __clustersim: H }).__clustersim);
  await appPage.click('#play');
  // Keep it running: a run that ends starts again from the beginning (as a class would replay it).
  let simulatedMs = 0;
  let lastMs = 0;
  const keepRunning = async (seconds: number) => {
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      await appPage.waitForTimeout(1000);
      const h = await read();
      simulatedMs += Math.max(0, h.nowMs - lastMs);
      lastMs = h.nowMs;
      if (h.panes[0]?.reportCostUsd !== null) {
        await appPage.click('#restart');
        await appPage.waitForFunction(() => (window as unknown as { __clustersim: H }).__clustersim.nowMs === 0);
        lastMs = 0;
        await appPage.click('#play');
      }
    }
  };
  await keepRunning(5);
  const h0 = await heap();
  simulatedMs = 0;
  await keepRunning(HEAP_SECONDS);
  const h1 = await heap();
  console.log(`Heap over ${HEAP_SECONDS} s at 3,600× (${SCENARIO}, restarted whenever it ends; simulated ${(simulatedMs / 3_600_000).toFixed(1)} h; after a 5 s warm-up)`);
  console.log(`  main thread  ${mib(h0)} → ${mib(h1)}  (growth ${mib(h1 - h0)})`);
} finally {
  stopBuilt();
  await ctx.close();
  benchServer.server.close();
}
