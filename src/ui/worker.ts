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
/** Side by side, the page's clock drives the run: step up to this moment, then wait for the next. */
let driveTo: number | undefined;
/** Stopped by Pause on event while driven: later `advance` messages (sent before the page knew) are ignored until a pause, play, step or seek. */
let heldByEvent = false;
/** The next frame tells the page that the run stopped on an event. */
let stoppedOnEvent = false;

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
  const msg: FromWorker = { type: 'frame', frame, playing, samples, sampleStart, captions: run.takeCaptions(), stepMs, stoppedOnEvent };
  stepMs = 0;
  stoppedOnEvent = false;
  post(msg, [frame.instances.buffer, frame.tasks.buffer, frame.envs.buffer, frame.fns.buffer, frame.dbs.buffer, samples.buffer]);
  lastFrame = performance.now();
}

/** Tells the page how far a long replay to `toMs` has got: at most every 100 ms, after its first 150 ms. */
function seekProgress(toMs: number): (nowMs: number) => void {
  const started = performance.now();
  let posted = started;
  return (nowMs) => {
    const now = performance.now();
    if (now - started < 150 || now - posted < 100) return;
    posted = now;
    post({ type: 'seeking', nowMs, toMs });
  };
}

function rebase(): void {
  baseReal = performance.now();
  baseSim = run?.nowMs ?? 0;
}

function loop(): void {
  timer = undefined;
  if (!run || !playing) return;
  const start = performance.now();
  const target = driveTo ?? baseSim + (start - baseReal) * speed;
  while (run.nowMs < target && !run.done && performance.now() - start < SLICE_BUDGET_MS) {
    if (run.step() > 0 && pauseOnEvent) {
      playing = false;
      stoppedOnEvent = true;
      if (driveTo !== undefined) heldByEvent = true;
      break;
    }
  }
  stepMs += performance.now() - start;
  // Behind schedule (the engine cannot keep up at this speed): carry on from here, not catch up.
  if (driveTo === undefined && run.nowMs < target - speed * SLICE_BUDGET_MS * 2) rebase();
  if (run.done) playing = false;
  // Driven and at the page's moment: send the frame when one is due, then wait for the next moment.
  const waiting = playing && driveTo !== undefined && run.nowMs >= driveTo;
  const sinceFrame = performance.now() - lastFrame;
  if (!playing || sinceFrame >= FRAME_EVERY_MS) sendFrame();
  if (waiting) {
    if (sinceFrame < FRAME_EVERY_MS) timer = setTimeout(loop, FRAME_EVERY_MS - sinceFrame);
  } else if (playing) timer = setTimeout(loop, 4);
}

function schedule(): void {
  if (timer === undefined && playing) timer = setTimeout(loop, 0);
}

/** Steps at once (a new moment from the page), not after a pending frame timer. */
function scheduleNow(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  schedule();
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'open': {
      playing = false;
      driveTo = undefined;
      heldByEvent = false;
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
        if (msg.atMs !== undefined && msg.atMs > 0) run.runTo(msg.atMs, seekProgress(msg.atMs));
        sendFrame();
      } catch (e) {
        if (e instanceof ScenarioError) post({ type: 'issues', issues: e.issues, knobsCaused: false });
        else post({ type: 'issues', issues: [], knobsCaused: false, message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    case 'play':
      if (!run || run.done) return;
      driveTo = undefined;
      heldByEvent = false;
      playing = true;
      rebase();
      schedule();
      return;
    case 'advance':
      if (!run || run.done || heldByEvent) return;
      driveTo = msg.toMs;
      playing = true;
      scheduleNow();
      return;
    case 'pause':
      playing = false;
      driveTo = undefined;
      heldByEvent = false;
      sendFrame();
      return;
    case 'step':
      if (!run) return;
      heldByEvent = false;
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
      // Captions not yet sent belong to the moment left behind; the frame after the seek carries
      // those of the steps replayed from the checkpoint (at or before the new time).
      run.takeCaptions();
      heldByEvent = false;
      run.seek(msg.atMs, seekProgress(msg.atMs));
      rebase();
      sendFrame();
      return;
    case 'pauseOnEvent':
      pauseOnEvent = msg.on;
      return;
  }
};
