/**
 * The engine's Web Worker: holds one LiveRun, steps it at the chosen speed (simulated ms per
 * real ms) within a time budget per slice, and posts frames (typed arrays, transferred) about
 * 30 times a second. Falling behind at high speed slows the run rather than piling up work.
 */
import { ScenarioError } from '../scenario';
import { type LiveRun, openRun } from './liveRun';
import type { FromWorker, ToWorker } from './protocol';

const SLICE_BUDGET_MS = 24;
const FRAME_EVERY_MS = 33;

let run: LiveRun | undefined;
let playing = false;
let speed = 60;
let pauseOnEvent = false;
let baseReal = 0;
let baseSim = 0;
let lastFrame = 0;
let stepMs = 0;
let sentSamples = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(msg, transfer);
}

function sendFrame(): void {
  if (!run) return;
  const frame = run.frame();
  if (sentSamples > run.sampleCount) sentSamples = 0;
  const samples = run.samplesFrom(sentSamples);
  const sampleStart = sentSamples;
  sentSamples = run.sampleCount;
  const msg: FromWorker = { type: 'frame', frame, playing, samples, sampleStart, captions: run.takeCaptions(), stepMs };
  stepMs = 0;
  post(msg, [frame.instances.buffer, frame.tasks.buffer, frame.envs.buffer, frame.fns.buffer, frame.dbs.buffer, samples.buffer]);
  lastFrame = performance.now();
}

function rebase(): void {
  baseReal = performance.now();
  baseSim = run?.nowMs ?? 0;
}

function loop(): void {
  timer = undefined;
  if (!run || !playing) return;
  const start = performance.now();
  const target = baseSim + (start - baseReal) * speed;
  while (run.nowMs < target && !run.done && performance.now() - start < SLICE_BUDGET_MS) {
    if (run.step() > 0 && pauseOnEvent) {
      playing = false;
      break;
    }
  }
  stepMs += performance.now() - start;
  // Behind schedule (the engine cannot keep up at this speed): carry on from here, not catch up.
  if (run.nowMs < target - speed * SLICE_BUDGET_MS * 2) rebase();
  if (run.done) playing = false;
  if (!playing || performance.now() - lastFrame >= FRAME_EVERY_MS) sendFrame();
  if (playing) timer = setTimeout(loop, 4);
}

function schedule(): void {
  if (timer === undefined && playing) timer = setTimeout(loop, 0);
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'open': {
      playing = false;
      run = undefined;
      sentSamples = 0;
      try {
        const r = openRun(msg);
        if (!r.ok) {
          post({ type: 'issues', issues: r.issues, knobsCaused: r.knobsCaused });
          return;
        }
        run = r.run;
        post({ type: 'opened', meta: run.meta });
        if (msg.atMs !== undefined && msg.atMs > 0) run.runTo(msg.atMs);
        sendFrame();
      } catch (e) {
        if (e instanceof ScenarioError) post({ type: 'issues', issues: e.issues, knobsCaused: false });
        else post({ type: 'issues', issues: [], knobsCaused: false, message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    case 'play':
      if (!run || run.done) return;
      playing = true;
      rebase();
      schedule();
      return;
    case 'pause':
      playing = false;
      sendFrame();
      return;
    case 'step':
      if (!run) return;
      playing = false;
      run.step();
      sendFrame();
      return;
    case 'speed':
      speed = msg.speed;
      rebase();
      return;
    case 'seek':
      if (!run) return;
      run.seek(msg.atMs);
      rebase();
      sendFrame();
      return;
    case 'pauseOnEvent':
      pauseOnEvent = msg.on;
      return;
  }
};
