/**
 * `npm run bench:ui`: the browser app's frame time and memory, in headless Chromium with software
 * WebGL (SwiftShader).
 *
 * 1. Frame time of the app's scene for 1,000 container instances, 10,000 tasks and 1,000 Lambda
 *    environments, against a bare ParticleContainer with the same number of particles, measured
 *    in the same run, interleaved (app, bare, app, bare) so background load hits both alike.
 *    Target: the app within 1.3× of the bare scene.
 * 2. Frame time of the full app: the built app (the whole page: engine worker and its messages,
 *    DOM meters, uPlot charts and the scene) playing bench/ui/full-app.yaml (1,000 EC2 container
 *    instances, 10,000 tasks, about 1,000 Lambda environments), opened as a file link, at a speed
 *    the worker sustains (10×). Frame time is the interval between requestAnimationFrame callbacks
 *    on the page's main thread, collected in the page. Against it, in the same browser, a bare
 *    ParticleContainer with the app scene's particle count, updated and rendered on every
 *    animation frame and timed the same way. Interleaved (full, bare, full, bare).
 * 3. Heap growth of the app's main thread (the view) over a run at 3,600× on the built app,
 *    restarting the run whenever it ends: `--heap-seconds 600` is the 10-minute run; the default is 60 s.
 *
 * Options: --frames N (per pass, default 120), --app-seconds S (per full-app pass, default 10),
 * --app-speed X (default 10), --heap-seconds S, --scenario NAME (heap run, default diurnal-web).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
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
const APP_SECONDS = Number(arg('app-seconds', '10'));
const APP_SPEED = Number(arg('app-speed', '10'));
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

  // The built app (as `vite preview` serves it), for the full-app frame time and the heap run.
  buildApp();
  const built = await serveStatic();
  stopBuilt = () => built.server.close();

  // Full app: the whole page playing a scenario of the same size, opened as a file link.
  {
    type Hooks = { nowMs: number; frames: number; renderer: string; panes: { particles: number }[] };
    const yaml = readFileSync(join(ROOT, 'bench/ui/full-app.yaml'), 'utf8');
    const full = await ctx.newPage();
    await full.goto(`${built.url}#scenario=file:full-app.yaml&speed=${APP_SPEED}&text=${Buffer.from(yaml).toString('base64url')}`);
    await full.waitForFunction(() => ((window as unknown as { __clustersim?: Hooks }).__clustersim?.frames ?? 0) > 0, undefined, { timeout: 120_000 });
    const hooks = () => full.evaluate(() => (window as unknown as { __clustersim: Hooks }).__clustersim);
    // Frame intervals over `s` seconds, from requestAnimationFrame timestamps, in the page.
    // (A string, not a function: tsx would wrap the callback's name in a helper the page lacks.)
    const rafIntervals = (s: number) =>
      full.evaluate(`new Promise((done) => {
        const out = [];
        let last = -1;
        let end = Infinity;
        function tick(now) {
          if (last < 0) end = now + ${s * 1000};
          else out.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else done(out);
        }
        requestAnimationFrame(tick);
      })`) as Promise<number[]>;
    await full.bringToFront();
    await full.click('#play');
    await full.waitForTimeout(5000); // warm-up: charts filling, every environment started
    const fullFrames: number[] = [];
    const bareFrames: number[] = [];
    let simMs = 0;
    let sceneFrames = 0;
    let fullRenderer = '';
    let bareRenderer = '';
    const fullParticles = (await hooks()).panes[0]?.particles ?? 0;
    for (const pass of ['full', 'bare', 'full', 'bare'] as const) {
      if (pass === 'full') {
        await full.bringToFront();
        if (fullFrames.length > 0) {
          await full.click('#play');
          await full.waitForTimeout(2000);
        }
        const h0 = await hooks();
        fullFrames.push(...(await rafIntervals(APP_SECONDS)));
        const h1 = await hooks();
        simMs += h1.nowMs - h0.nowMs;
        sceneFrames += h1.frames - h0.frames;
        fullRenderer = h1.renderer;
        await full.click('#pause');
      } else {
        await page.bringToFront();
        const r = (await page.evaluate(
          ([n, sec]) => (window as unknown as { rafBare: (n: number, s: number) => Promise<{ renderer: string; frames: number[] }> }).rafBare(n, sec),
          [fullParticles, APP_SECONDS] as const,
        )) as { renderer: string; frames: number[] };
        bareFrames.push(...r.frames);
        bareRenderer = r.renderer;
      }
    }
    await full.close();
    const wall = 2 * APP_SECONDS;
    console.log(`Full app frame time: the built app's whole page (engine worker messages, DOM meters, uPlot charts, Pixi scene; ${fullRenderer}, software)`);
    console.log(`  playing bench/ui/full-app.yaml at ${APP_SPEED}× (achieved ${(simMs / 1000 / wall).toFixed(1)}× over the timed passes), 1,000 instances + 10,000 tasks + about 1,000 Lambda environments (as \`clustersim run\` reports it) = ${fullParticles} particles in the scene, 1280×720 viewport`);
    console.log('  frame time = interval between requestAnimationFrame callbacks on the main thread, in the page;');
    console.log(`  ${APP_SECONDS} s per pass after a 5 s warm-up, interleaved full, bare, full, bare; the worker sent ${sceneFrames} frames (the scene redraws at most once per animation frame)`);
    const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(1);
    console.log('  (rAF intervals come in whole display frames of 16.7 ms, so medians move in steps; the mean is given too)');
    console.log(`  full app       median ${quantile(fullFrames, 0.5).toFixed(1)} ms   p95 ${quantile(fullFrames, 0.95).toFixed(1)} ms   mean ${mean(fullFrames)} ms   (${fullFrames.length} frames)`);
    console.log(`  bare particles median ${quantile(bareFrames, 0.5).toFixed(1)} ms   p95 ${quantile(bareFrames, 0.95).toFixed(1)} ms   mean ${mean(bareFrames)} ms   (${bareFrames.length} frames; ${bareRenderer}, ${fullParticles} particles of 4×4 px, every frame updated and rendered)`);
    const fullRatio = quantile(fullFrames, 0.5) / quantile(bareFrames, 0.5);
    console.log(`  full app / bare (median) ${fullRatio.toFixed(2)}×   p95 ${(quantile(fullFrames, 0.95) / quantile(bareFrames, 0.95)).toFixed(2)}×   mean ${(Number(mean(fullFrames)) / Number(mean(bareFrames))).toFixed(2)}×   target ≤ 1.30×: ${fullRatio <= 1.3 ? 'met' : 'NOT met'}`);
  }

  // Heap over a run at 3,600×.
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
