/**
 * The UI benchmark's page: renders the app's RunScene for a synthetic busy frame, or a bare
 * ParticleContainer with the same number of particles, for N frames, and reports frame times.
 * Each frame: mutate, lay out / update, render, and read one pixel back (waits for the GPU,
 * here SwiftShader) so the time includes the drawing itself.
 */
import { Application, Particle, ParticleContainer, Texture } from 'pixi.js';
import { RunScene } from '../../src/ui/scene';
import { mutate, syntheticFrame, syntheticMeta } from './syntheticFrame';

interface Result {
  mode: string;
  renderer: string;
  objects: number;
  frames: number[];
}

async function run(mode: 'app' | 'bare', frames: number, counts: { instances: number; tasks: number; envs: number }, particles: number): Promise<Result & { particles: number; parts: { update: number; render: number; gpu: number } }> {
  const width = 1280;
  const height = 720;
  const app = new Application();
  await app.init({ width, height, background: 0x1b2330, preference: 'webgl', antialias: false, autoStart: false, sharedTicker: false });
  document.body.appendChild(app.canvas);
  const gl = (app.renderer as unknown as { gl: WebGL2RenderingContext }).gl;
  const px = new Uint8Array(4);
  const meta = syntheticMeta();
  const frame = syntheticFrame(counts.instances, counts.tasks, counts.envs);
  let step: (i: number) => void;
  let used = particles;
  if (mode === 'app') {
    const scene = new RunScene(width, height);
    app.stage.addChild(scene.root);
    scene.update(meta, frame);
    used = scene.particleCount;
    step = (i) => {
      mutate(frame, i);
      scene.update(meta, frame);
    };
  } else {
    const pc = new ParticleContainer({ dynamicProperties: { position: true, vertex: true, color: true, rotation: false, uvs: false } });
    const list: Particle[] = [];
    for (let i = 0; i < particles; i++) {
      const p = new Particle({ texture: Texture.WHITE, x: (i * 7) % width, y: (i * 13) % height, scaleX: 4, scaleY: 4, tint: 0x4e79a7 });
      list.push(p);
      pc.addParticle(p);
    }
    app.stage.addChild(pc);
    step = (i) => {
      for (let j = 0; j < list.length; j++) {
        const p = list[j]!;
        p.x = (j * 7 + (j % 50 === i % 50 ? 1 : 0)) % width;
        p.y = (j * 13) % height;
        p.tint = j % 20 === i % 20 ? 0xf28e2b : 0x4e79a7;
      }
    };
  }
  const times: number[] = [];
  const parts = { update: 0, render: 0, gpu: 0 };
  await new Promise<void>((done) => {
    let i = 0;
    let last = performance.now();
    const tick = () => {
      const a = performance.now();
      step(i);
      const b = performance.now();
      app.render();
      const c = performance.now();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      const now = performance.now();
      if (i > 5) {
        times.push(now - last);
        parts.update += b - a;
        parts.render += c - b;
        parts.gpu += now - c;
      }
      last = now;
      if (++i < frames + 6) requestAnimationFrame(tick);
      else done();
    };
    requestAnimationFrame(tick);
  });
  const renderer = app.renderer.name;
  app.destroy(true, { children: true });
  const n = Math.max(1, times.length);
  return { mode, renderer, objects: counts.instances + counts.tasks + counts.envs, frames: times, particles: used, parts: { update: parts.update / n, render: parts.render / n, gpu: parts.gpu / n } };
}

/**
 * For the full-app comparison: the bare ParticleContainer, updated and rendered on every
 * animation frame for `seconds`, timed the way the full app is timed: the intervals between
 * requestAnimationFrame callbacks (no read-back; the canvas keeps its drawing buffer as the app's does).
 */
async function rafBare(particles: number, seconds: number): Promise<{ renderer: string; frames: number[] }> {
  const width = 1280;
  const height = 720;
  const app = new Application();
  await app.init({ width, height, background: 0x1b2330, preference: 'webgl', antialias: false, autoStart: false, sharedTicker: false, preserveDrawingBuffer: true });
  document.body.appendChild(app.canvas);
  const pc = new ParticleContainer({ dynamicProperties: { position: true, vertex: true, color: true, rotation: false, uvs: false } });
  const list: Particle[] = [];
  for (let i = 0; i < particles; i++) {
    const p = new Particle({ texture: Texture.WHITE, x: (i * 7) % width, y: (i * 13) % height, scaleX: 4, scaleY: 4, tint: 0x4e79a7 });
    list.push(p);
    pc.addParticle(p);
  }
  app.stage.addChild(pc);
  const times: number[] = [];
  await new Promise<void>((done) => {
    let i = 0;
    let last = -1;
    let end = Infinity;
    const tick = (now: number) => {
      for (let j = 0; j < list.length; j++) {
        const p = list[j]!;
        p.x = (j * 7 + (j % 50 === i % 50 ? 1 : 0)) % width;
        p.y = (j * 13) % height;
        p.tint = j % 20 === i % 20 ? 0xf28e2b : 0x4e79a7;
      }
      app.render();
      // The first few frames warm up (shader compile, buffer upload); timing starts after them.
      if (i === 5) end = now + seconds * 1000;
      if (i > 5) times.push(now - last);
      last = now;
      i++;
      if (now < end) requestAnimationFrame(tick);
      else done();
    };
    requestAnimationFrame(tick);
  });
  const renderer = app.renderer.name;
  app.destroy(true, { children: true });
  return { renderer, frames: times };
}

(window as unknown as { runBench: typeof run }).runBench = run;
(window as unknown as { rafBare: typeof rafBare }).rafBare = rafBare;
(window as unknown as { benchReady: boolean }).benchReady = true;
