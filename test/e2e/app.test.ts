/**
 * The browser app end to end, in headless Chromium with software WebGL: it loads cleanly on the
 * WebGL renderer, draws, plays, re-runs with what-if knobs, reports bad files readably, and a
 * shared link (or a scrub back through checkpoints) reproduces the same numbers.
 */
import type { Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadScenarioText } from '../../src/scenario';
import { Simulation } from '../../src/sim';
import { stateToHash } from '../../src/ui/urlState';
import { buildApp, collectErrors, hooks, launch, ROOT, serveStatic, waitForRun } from './harness';

let server: Server;
let base: string;
let ctx: BrowserContext;

beforeAll(async () => {
  buildApp();
  ({ server, url: base } = await serveStatic());
  ctx = await launch({ width: 1280, height: 800 });
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  server?.close();
});

async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors = collectErrors(page);
  await page.goto(`${base}#${hash}`);
  await waitForRun(page);
  return { page, errors };
}

/** Waits until the first pane has reached simulated time `ms` and shows it. */
async function waitForTime(page: Page, ms: number): Promise<void> {
  await page.waitForFunction((t) => {
    const h = (window as unknown as { __clustersim: { panes: { nowMs: number }[] } }).__clustersim;
    return h.panes[0]?.nowMs === t;
  }, ms, { timeout: 20_000 });
  // The meters refresh a few times a second.
  await page.waitForTimeout(300);
}

const text = async (page: Page, testId: string) => (await page.locator(`[data-pane="a"] [data-testid="${testId}"]`).first().textContent()) ?? '';

/**
 * Pixels of the first pane's canvas that differ from the background, distinct colours among them,
 * and how many pixels have each of the `count` colours.
 */
function canvasInk(page: Page, count: number[] = []): Promise<{ ink: number; colours: number; total: number; counts: number[] }> {
  return page.evaluate((count) => {
    const src = document.querySelector<HTMLCanvasElement>('[data-pane="a"] .scene canvas')!;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const g = c.getContext('2d')!;
    g.drawImage(src, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const bg = [d[0], d[1], d[2]];
    let ink = 0;
    const colours = new Set<number>();
    const counts = count.map(() => 0);
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] !== bg[0] || d[i + 1] !== bg[1] || d[i + 2] !== bg[2]) {
        ink++;
        const rgb = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
        colours.add(rgb);
        const k = count.indexOf(rgb);
        if (k >= 0) counts[k]!++;
      }
    }
    return { ink, colours: colours.size, total: d.length / 4, counts };
  }, count);
}

describe('the browser app', () => {
  test('loads with no console errors, on the WebGL renderer, draws a non-blank scene, and describes what is hovered', async () => {
    const { page, errors } = await open('scenario=flash-sale&t=600');
    await waitForTime(page, 600_000);
    const h = await hooks(page);
    expect(h.renderer).toBe('webgl');
    // The tasks and instances are drawn: the first service's colour (a task's CPU-use part) and its
    // dim part (the colour blended 55 % into the panel), and the ACTIVE instance outline's colour.
    const { ink, colours, total, counts } = await canvasInk(page, [0x4e79a7, 0x324a66, 0x9aa7b8]);
    expect(ink / total).toBeGreaterThan(0.02);
    expect(colours).toBeGreaterThan(5);
    expect(counts[0]).toBeGreaterThan(100);
    expect(counts[0]! + counts[1]!).toBeGreaterThan(500);
    expect(counts[2]).toBeGreaterThan(1_000);
    // Hovering over the first zone's first container instance describes it.
    const box = (await page.locator('[data-pane="a"] .scene canvas').boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 40);
    await page.waitForSelector('#tooltip:not([hidden])', { timeout: 5_000 });
    expect(await page.locator('#tooltip').textContent()).toMatch(/Container instance i-[0-9a-f]{8}.*state ACTIVE/s);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('play advances simulated time; pause stops it', async () => {
    const { page, errors } = await open('scenario=fargate-web&speed=3600');
    expect(await text(page, 'time')).toBe('0:00:00');
    await page.click('#play');
    // The cost breakdown stays open while the meters refresh (several times a second).
    await page.click('[data-pane="a"] details.costs summary');
    await page.waitForTimeout(500);
    expect(await page.$eval('[data-pane="a"] details.costs', (el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('[data-pane="a"] details.costs tbody tr').count()).toBeGreaterThan(0);
    await page.waitForFunction(() => (window as unknown as { __clustersim: { nowMs: number } }).__clustersim.nowMs >= 60_000, undefined, { timeout: 15_000 });
    await page.click('#pause');
    await page.waitForTimeout(400);
    const t1 = (await hooks(page)).nowMs;
    await page.waitForTimeout(400);
    expect((await hooks(page)).nowMs).toBe(t1);
    expect(await text(page, 'time')).not.toBe('0:00:00');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a what-if knob (launch type) re-runs from the start and changes the cost shown', async () => {
    const { page, errors } = await open('scenario=flash-sale&t=4320');
    await waitForTime(page, 4_320_000);
    const before = await text(page, 'cost');
    await page.selectOption('#k-launch', 'FARGATE');
    await page.click('#apply');
    await page.waitForFunction(() => location.hash.includes('knobs=launch%3AFARGATE'));
    await waitForTime(page, 0);
    // Scrub to the same moment (0.4 of 3 h = 4,320 s) in the re-run.
    await page.$eval('#scrub', (el) => {
      (el as HTMLInputElement).value = '400';
      el.dispatchEvent(new Event('change'));
    });
    await waitForTime(page, 4_320_000);
    const after = await text(page, 'cost');
    expect(after).toMatch(/^\$\d/);
    expect(after).not.toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a shared link cannot run script: the scenario name is shown as text', async () => {
    const evil = '<img src=x onerror=window.__xss=1>';
    const yaml = readFileSync(join(ROOT, 'scenarios/fargate-web.yaml'), 'utf8').replace(/^Name: .+$/m, `Name: "${evil}"`);
    const hash = stateToHash({ scenario: 'file:x.yaml', variant: 'base', knobs: {}, tMs: 60_000, speed: 600, classroom: false, compare: '' }, yaml);
    const { page, errors } = await open(hash);
    await waitForTime(page, 60_000);
    // Hover over a task too: the tooltip carries scenario strings as well.
    const box = (await page.locator('[data-pane="a"] .scene canvas').boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 40);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('[data-pane="a"] .stats .title b').first().textContent()).toBe(evil);
    expect(await page.locator('[data-pane="a"] .stats img').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a bad scenario file shows the error panel with file, line:column and field', async () => {
    const { page } = await open('scenario=fargate-web');
    const bad = readFileSync(join(ROOT, 'scenarios/fargate-web.yaml'), 'utf8').replace(/Memory: (\d+)/, 'Memory: lots');
    await page.setInputFiles('#file', { name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
    await page.waitForSelector('#errors:not([hidden])', { timeout: 10_000 });
    const panel = (await page.locator('#errors').textContent()) ?? '';
    expect(panel).toMatch(/broken\.yaml:\d+:\d+/);
    expect(panel).toContain('Memory');
    // The page is still there: controls and the last good scene.
    expect(await page.locator('[data-pane="a"] .scene canvas').count()).toBe(1);
    await page.close();
  });

  test('a shared link reproduces the same numbers; scrubbing back through checkpoints does too', async () => {
    const { page } = await open('scenario=flash-sale&seed=11&knobs=load:1.3&speed=3600');
    await page.click('#play');
    await page.waitForFunction(() => (window as unknown as { __clustersim: { nowMs: number } }).__clustersim.nowMs > 1_800_000, undefined, { timeout: 20_000 });
    await page.click('#pause');
    await page.waitForFunction(() => !document.body.classList.contains('playing'));
    await page.waitForTimeout(400);
    const t = (await hooks(page)).nowMs;
    const link = page.url();
    expect(link).toContain(`t=${t / 1000}`);
    const numbers = [await text(page, 'cost'), await text(page, 'requests'), await text(page, 'time')];

    const other = await ctx.newPage();
    await other.goto(link);
    await waitForRun(other);
    await waitForTime(other, t);
    expect([await text(other, 'cost'), await text(other, 'requests'), await text(other, 'time')]).toEqual(numbers);
    await other.close();

    // Scrub forward, then back to 0.4 of the run (4,320 s): restored from a checkpoint, the numbers
    // match a fresh run opened at that moment.
    const scrubTo = (p: Page, v: string) =>
      p.$eval(
        '#scrub',
        (el, value) => {
          (el as HTMLInputElement).value = value;
          el.dispatchEvent(new Event('change'));
        },
        v,
      );
    await scrubTo(page, '900');
    await waitForTime(page, 9_720_000);
    await scrubTo(page, '400');
    await waitForTime(page, 4_320_000);
    const scrubbed = [await text(page, 'cost'), await text(page, 'requests')];
    const fresh = await ctx.newPage();
    await fresh.goto(link.replace(/t=[\d.]+/, 't=4320'));
    await waitForRun(fresh);
    await waitForTime(fresh, 4_320_000);
    expect([await text(fresh, 'cost'), await text(fresh, 'requests')]).toEqual(scrubbed);
    await fresh.close();
    await page.close();
  });

  // Aurora scenarios end on the CLI's total too: test/e2e/liveRun.test.ts runs one without a browser.
  test('a run to the end shows the report total the CLI computes for the same scenario and seed', async () => {
    const { page } = await open('scenario=fargate-web&seed=3&speed=86400');
    await page.click('#play');
    await page.waitForFunction(() => (window as unknown as { __clustersim: { panes: { reportCostUsd: number | null }[] } }).__clustersim.panes[0]?.reportCostUsd !== null, undefined, {
      timeout: 30_000,
    });
    const browser = (await hooks(page)).panes[0]!.reportCostUsd;
    const s = loadScenarioText(readFileSync(join(ROOT, 'scenarios/fargate-web.yaml'), 'utf8'), 'scenarios/fargate-web.yaml');
    s.Seed = 3;
    const sim = new Simulation(s);
    sim.run();
    expect(browser).toBe(sim.report().totals.costUsd);
    await page.close();
  });

  test('Aurora: the gauges are drawn, hovering describes the DB instance, and the min/max ACU knob changes its cost', async () => {
    const { page, errors } = await open('scenario=aurora-lambda-burst&t=900');
    await waitForTime(page, 900_000);
    // The Aurora view is the bottom band of the scene: its pixels are not blank and include the bars' colours.
    const band = await page.evaluate(() => {
      const src = document.querySelector<HTMLCanvasElement>('[data-pane="a"] .scene canvas')!;
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const g = c.getContext('2d')!;
      g.drawImage(src, 0, 0);
      const h = 90;
      const d = g.getImageData(0, src.height - h, src.width, h).data;
      let ink = 0;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4) {
        const rgb = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
        if (rgb !== 0x1b2330) ink++;
        colours.add(rgb);
      }
      return { ink: ink / (d.length / 4), pool: colours.has(0x59a14f), connections: colours.has(0x4e79a7) };
    });
    expect(band.ink).toBeGreaterThan(0.1);
    expect(band).toMatchObject({ pool: true, connections: true });
    const box = (await page.locator('[data-pane="a"] .scene canvas').boundingBox())!;
    await page.mouse.move(box.x + 60, box.y + box.height - 40);
    await page.waitForSelector('#tooltip:not([hidden])', { timeout: 5_000 });
    expect(await page.locator('#tooltip').textContent()).toMatch(/Aurora Db · instance DbWriter.*state (ACTIVE|SCALING|MOVING|STALLED).*[\d.]+ ACUs \(min 0\.5, max 16\).*connections \d+ \/ \d+/s);
    const before = await text(page, 'db-cost');
    expect(before).toMatch(/^\$\d/);
    // Cap the database at 2 ACUs and replay to the same moment (0.375 of 40 min = 900 s).
    await page.fill('#k-auroraMax', '2');
    await page.click('#apply');
    await page.waitForFunction(() => location.hash.includes('knobs=auroraMax%3A2'));
    await waitForTime(page, 0);
    await page.$eval('#scrub', (el) => {
      (el as HTMLInputElement).value = '375';
      el.dispatchEvent(new Event('change'));
    });
    await waitForTime(page, 900_000);
    const after = await text(page, 'db-cost');
    expect(Number(after.replace(/[$,]/g, ''))).toBeLessThan(Number(before.replace(/[$,]/g, '')));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('side by side: two variants in two panes, each with its own scene', async () => {
    const { page, errors } = await open('scenario=flash-sale&compare=fargate&t=4200');
    await page.waitForFunction(() => {
      const h = (window as unknown as { __clustersim: { panes: { nowMs: number }[] } }).__clustersim;
      return h.panes.length === 2 && h.panes.every((p) => p.nowMs === 4_200_000);
    }, undefined, { timeout: 20_000 });
    const h = await hooks(page);
    expect(h.panes[0]!.costUsd).not.toBe(h.panes[1]!.costUsd);
    expect(await page.locator('.scene canvas').count()).toBe(2);
    // One clock drives both: while playing at high speed they stay within a frame or two of each
    // other, and paused they show the same moment.
    await page.selectOption('#speed', '3600');
    await page.click('#play');
    let spread = 0;
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(150);
      const p = (await hooks(page)).panes;
      spread = Math.max(spread, Math.abs(p[0]!.nowMs - p[1]!.nowMs));
    }
    // 3,600× for 100 ms of real time (the clock's lead over the slower pane, and a frame on its way).
    expect(spread).toBeLessThanOrEqual(360_000);
    await page.click('#pause');
    const same = () =>
      page.waitForFunction(() => {
        const p = (window as unknown as { __clustersim: { panes: { nowMs: number }[] } }).__clustersim.panes;
        return !document.body.classList.contains('playing') && p[0]!.nowMs === p[1]!.nowMs;
      }, undefined, { timeout: 20_000 });
    await same();
    await page.waitForTimeout(400);
    const paused = (await hooks(page)).panes;
    expect(paused[0]!.nowMs).toBe(paused[1]!.nowMs);
    expect(paused[0]!.nowMs).toBeGreaterThan(4_200_000);
    const time = (pane: string) => page.locator(`[data-pane="${pane}"] [data-testid="time"]`).textContent();
    expect(await time('a')).toBe(await time('b'));
    // Pause on event: an event in either pane stops both, at its moment.
    await page.check('#pauseOnEvent');
    await page.click('#restart');
    await page.waitForFunction(() => (window as unknown as { __clustersim: { panes: { nowMs: number }[] } }).__clustersim.panes.every((p) => p.nowMs === 0));
    await page.click('#play');
    // The first event may come within the first frame, so 'playing' can be gone before a poll sees
    // it: wait for both panes stopped together past the start instead.
    await page.waitForFunction(
      () => {
        const p = (window as unknown as { __clustersim: { panes: { nowMs: number }[] } }).__clustersim.panes;
        return !document.body.classList.contains('playing') && p[0]!.nowMs > 0 && p[0]!.nowMs === p[1]!.nowMs;
      },
      undefined,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(400);
    const stopped = await hooks(page);
    expect(stopped.panes[0]!.nowMs).toBe(stopped.panes[1]!.nowMs);
    expect(stopped.panes[0]!.nowMs).toBeGreaterThan(0);
    expect(stopped.panes[0]!.nowMs).toBeLessThan(10_800_000);
    expect(stopped.caption?.atMs).toBe(stopped.panes[0]!.nowMs);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  test('classroom mode: large type and plain-word captions of scaling decisions', async () => {
    const { page } = await open('scenario=flash-sale&classroom=1&t=4200');
    await waitForTime(page, 4_200_000);
    const size = await page.$eval('#caption', (el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    // Pause on event: playing on stops at the next scaling decision, whose caption says why.
    const before = (await hooks(page)).nowMs;
    expect(before).toBe(4_200_000);
    await page.check('#pauseOnEvent');
    await page.selectOption('#speed', '3600');
    await page.click('#play');
    await page.waitForFunction(
      (t) => (window as unknown as { __clustersim: { nowMs: number } }).__clustersim.nowMs > t && !document.body.classList.contains('playing'),
      before,
      { timeout: 20_000 },
    );
    const stopped = await hooks(page);
    // It stopped after Play, on the tick of a new caption, long before the end (3 h).
    expect(stopped.nowMs).toBeGreaterThan(before);
    expect(stopped.nowMs).toBeLessThan(10_000_000);
    expect(stopped.caption?.atMs).toBe(stopped.nowMs);
    expect(stopped.caption?.text).toMatch(/Scale-(out|in)|Cluster scale/);
    expect(await page.locator('#caption').textContent()).toMatch(/target|capacity provider/);
    await page.waitForTimeout(300);
    expect((await hooks(page)).nowMs).toBe(stopped.nowMs);
    // Without pause on event the same run plays on past the next decisions.
    await page.uncheck('#pauseOnEvent');
    await page.click('#play');
    await page.waitForFunction((t) => (window as unknown as { __clustersim: { nowMs: number } }).__clustersim.nowMs > t + 600_000, stopped.nowMs, { timeout: 20_000 });
    await page.click('#pause');
    // Restart clears the caption of the moment left behind.
    await page.click('#restart');
    await page.waitForFunction(() => (window as unknown as { __clustersim: { nowMs: number } }).__clustersim.nowMs === 0, undefined, { timeout: 10_000 });
    await page.waitForTimeout(200);
    expect((await hooks(page)).caption).toBeNull();
    expect(await page.locator('#caption').textContent()).toBe('Press Play.');
    // Scrubbing to 0:54:00 (before the sale) shows no caption later than that moment.
    await page.$eval('#scrub', (el) => {
      (el as HTMLInputElement).value = '300';
      el.dispatchEvent(new Event('change'));
    });
    await waitForTime(page, 3_240_000);
    const caption = (await hooks(page)).caption;
    expect(caption === null || caption.atMs <= 3_240_000).toBe(true);
    expect(await page.locator('#caption').textContent()).not.toMatch(/Scale-out/);
    await page.close();
  });
});

/**
 * Screenshots of fixed scenes at fixed seeds, compared pixel by pixel with the PNGs committed in
 * test/e2e/screenshots (a channel may differ by 8 levels; at most 0.5 % of pixels may differ, for
 * font rasterisation). `UPDATE_SNAPSHOTS=1` writes them afresh; a missing one fails.
 */
describe('screenshots of fixed scenes', () => {
  const cases = [
    ['flash-sale-ec2-70min', 'scenario=flash-sale&t=4200', 4_200_000],
    ['lambda-api-2h', 'scenario=lambda-api&t=7200', 7_200_000],
    ['flash-sale-fargate-spot-70min', 'scenario=flash-sale&variant=fargate-spot&t=4200', 4_200_000],
    ['aurora-lambda-burst-11min', 'scenario=aurora-lambda-burst&t=660', 660_000],
  ] as const;
  for (const [name, hash, atMs] of cases) {
    test(`${name} matches its committed screenshot`, async () => {
      const { page, errors } = await open(hash);
      await waitForTime(page, atMs);
      const png = await page.evaluate(() => document.querySelector<HTMLCanvasElement>('[data-pane="a"] .scene canvas')!.toDataURL('image/png'));
      const file = join(ROOT, 'test/e2e/screenshots', `${name}.png`);
      if (process.env.UPDATE_SNAPSHOTS === '1') {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, Buffer.from(png.split(',')[1]!, 'base64'));
      }
      expect(existsSync(file), `${file} is missing: run UPDATE_SNAPSHOTS=1 npx vitest run test/e2e and commit it`).toBe(true);
      const golden = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
      const diff = await page.evaluate(
        async ([a, b]) => {
          const load = (src: string) =>
            new Promise<HTMLImageElement>((ok, fail) => {
              const img = new Image();
              img.onload = () => ok(img);
              img.onerror = fail;
              img.src = src;
            });
          const [x, y] = await Promise.all([load(a!), load(b!)]);
          if (x.width !== y.width || x.height !== y.height) return { sameSize: false, fraction: 1 };
          const pixels = (img: HTMLImageElement) => {
            const c = document.createElement('canvas');
            c.width = img.width;
            c.height = img.height;
            const g = c.getContext('2d')!;
            g.drawImage(img, 0, 0);
            return g.getImageData(0, 0, c.width, c.height).data;
          };
          const p = pixels(x);
          const q = pixels(y);
          let differ = 0;
          for (let i = 0; i < p.length; i += 4) {
            if (Math.abs(p[i]! - q[i]!) > 8 || Math.abs(p[i + 1]! - q[i + 1]!) > 8 || Math.abs(p[i + 2]! - q[i + 2]!) > 8) differ++;
          }
          return { sameSize: true, fraction: differ / (p.length / 4) };
        },
        [png, golden],
      );
      expect(diff.sameSize).toBe(true);
      expect(diff.fraction).toBeLessThan(0.005);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
