/**
 * The browser app: controls, what-if knobs, the shareable link, the error panel, captions and
 * one or two panes (side by side). Each pane's engine runs in its own worker.
 */
import './style.css';
import type { ScenarioIssue } from '../scenario';
import { formatDuration } from './format';
import { INSTANCE_TYPE_CHOICES, type Knobs, type LaunchKnob } from './knobs';
import { Pane, type PaneEvents } from './pane';
import type { Caption, RunMeta } from './protocol';
import { BUNDLED_SCENARIOS } from './scenarios';
import { type AppState, parseHash, stateToHash } from './urlState';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const DEFAULT_SCENARIO = BUNDLED_SCENARIOS.has('flash-sale') ? 'flash-sale' : [...BUNDLED_SCENARIOS.keys()][0]!;

const state: AppState = { scenario: DEFAULT_SCENARIO, variant: 'base', knobs: {}, tMs: 0, speed: 600, classroom: false, compare: '' };
let customText: string | undefined;
let meta: RunMeta | undefined;
const panes: Pane[] = [];

/**
 * Side by side, one clock drives both panes: each animation frame the page tells both workers the
 * same moment to step to. It never runs further ahead of the slower pane than LEAD_MS of real
 * time at the chosen speed, so the faster pane waits for the slower one.
 */
const clock = { playing: false, baseReal: 0, baseSim: 0, targetMs: 0 };
const LEAD_MS = 50;
const comparing = () => panes.length > 1;

/** What the end-to-end tests read. */
interface TestHooks {
  ready: boolean;
  renderer: string;
  nowMs: number;
  opened: number;
  frames: number;
  errors: number;
  panes: { nowMs: number; costUsd: number; reportCostUsd: number | null; frames: number; particles: number }[];
  /** The caption line's caption (null: none, e.g. after a restart or a scrub). */
  caption: Caption | null;
}
const hooks: TestHooks = { ready: false, renderer: '', nowMs: 0, opened: 0, frames: 0, errors: 0, panes: [], caption: null };
(window as unknown as { __clustersim: TestHooks }).__clustersim = hooks;

function scenarioText(): { text: string; file: string } {
  if (state.scenario.startsWith('file:') && customText !== undefined) return { text: customText, file: state.scenario.slice(5) };
  const text = BUNDLED_SCENARIOS.get(state.scenario) ?? BUNDLED_SCENARIOS.get(DEFAULT_SCENARIO)!;
  return { text, file: `scenarios/${state.scenario}.yaml` };
}

const events: PaneEvents = {
  onIssues(_pane, issues, knobsCaused, message) {
    showErrors(issues, knobsCaused, message);
  },
  onOpened(pane, m) {
    if (pane === panes[0]) {
      meta = m;
      fillVariants(m);
      showKnobs(m);
      $('duration').textContent = formatDuration(m.durationMs);
      if (m.warnings.length > 0) setCaption({ atMs: 0, kind: 'capacity', text: `Note: ${m.warnings[0]}` });
    }
    hideErrors();
    hooks.opened++;
  },
  onFrame(pane, frame, panePlaying, stoppedOnEvent) {
    hooks.frames++;
    $('seeking').hidden = true;
    if (comparing() && clock.playing) {
      // A pane stopped on an event (Pause on event): stop both there. Both at the end: stop the clock.
      if (stoppedOnEvent) pauseAll(frame.nowMs, pane);
      else if (panes.every((p) => p.frame?.done)) {
        clock.playing = false;
        setPlaying(false);
      }
    }
    const playing = comparing() ? clock.playing : panePlaying;
    if (pane === panes[0]) {
      hooks.nowMs = frame.nowMs;
      state.tMs = frame.nowMs;
      $('clock').textContent = formatDuration(frame.nowMs);
      if (meta && !scrubbing) ($('scrub') as HTMLInputElement).value = String(Math.round((1000 * frame.nowMs) / meta.durationMs));
      if (!playing) writeHash();
      setPlaying(playing);
    }
    hooks.panes = panes.map((p) => ({
      nowMs: p.frame?.nowMs ?? 0,
      costUsd: p.frame?.cost.totalUsd ?? 0,
      reportCostUsd: p.frame?.report?.totalCostUsd ?? null,
      frames: p.frames,
      particles: p.scene?.particleCount ?? 0,
    }));
  },
  onSeeking(_pane, nowMs, toMs) {
    const el = $('seeking');
    el.textContent = `replaying to ${formatDuration(toMs)}… (${formatDuration(nowMs)})`;
    el.hidden = false;
  },
  onCaptions(pane, captions) {
    const c = captions[captions.length - 1]!;
    setCaption(panes.length > 1 ? { ...c, text: `[${pane.meta?.variant}] ${c.text}` } : c);
  },
};

function setCaption(c: Caption): void {
  const el = $('caption');
  el.textContent = `${formatDuration(c.atMs)}  ${c.text}`;
  el.dataset.kind = c.kind;
  hooks.caption = c;
}

/** Clears the caption line (a new run, a restart or a scrub: the last caption belongs to another moment). */
function clearCaption(): void {
  const el = $('caption');
  el.textContent = 'Press Play.';
  delete el.dataset.kind;
  hooks.caption = null;
}

function setPlaying(playing: boolean): void {
  document.body.classList.toggle('playing', playing);
}

function fillVariants(m: RunMeta): void {
  const sel = $<HTMLSelectElement>('variant');
  const cmp = $<HTMLSelectElement>('compare');
  sel.replaceChildren(...m.variants.map((v) => new Option(v, v, false, v === state.variant)));
  cmp.replaceChildren(new Option('—', ''), ...m.variants.map((v) => new Option(v, v, false, v === state.compare)));
  $<HTMLInputElement>('seed').value = String(state.seed ?? m.seed);
}

function showKnobs(m: RunMeta): void {
  const show = (cls: string, on: boolean) => {
    for (const el of document.querySelectorAll<HTMLElement>(`.${cls}`)) el.hidden = !on;
  };
  show('k-ecs', m.knobs.ecs);
  show('k-ec2', m.knobs.ec2);
  show('k-cp', m.knobs.capacityProvider);
  show('k-lambda', m.knobs.lambda);
  show('k-alias', m.knobs.alias);
  show('k-aurora', m.knobs.aurora);
  const ec2Option = $<HTMLSelectElement>('k-launch').querySelector<HTMLOptionElement>('option[value="EC2"]');
  if (ec2Option) ec2Option.hidden = !m.knobs.ec2;
}

function knobsToInputs(k: Knobs): void {
  $<HTMLInputElement>('k-load').value = String(k.load ?? 1);
  $<HTMLSelectElement>('k-launch').value = k.launch ?? '';
  $<HTMLSelectElement>('k-instanceType').value = k.instanceType ?? '';
  $<HTMLInputElement>('k-cpTarget').value = k.cpTarget === undefined ? '' : String(k.cpTarget);
  $<HTMLInputElement>('k-lambdaMemory').value = k.lambdaMemory === undefined ? '' : String(k.lambdaMemory);
  $<HTMLInputElement>('k-provisioned').value = k.provisioned === undefined ? '' : String(k.provisioned);
  $<HTMLInputElement>('k-lambdaRecycleHours').value = k.lambdaRecycleHours === undefined ? '' : String(k.lambdaRecycleHours);
  $<HTMLInputElement>('k-auroraMin').value = k.auroraMin === undefined ? '' : String(k.auroraMin);
  $<HTMLInputElement>('k-auroraMax').value = k.auroraMax === undefined ? '' : String(k.auroraMax);
}

function inputsToKnobs(): Knobs {
  const k: Knobs = {};
  const num = (id: string) => {
    const v = $<HTMLInputElement>(id).value.trim();
    return v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
  };
  const load = num('k-load');
  if (load !== undefined && load !== 1 && load > 0) k.load = load;
  const launch = $<HTMLSelectElement>('k-launch').value;
  if (launch !== '') k.launch = launch as LaunchKnob;
  const it = $<HTMLSelectElement>('k-instanceType').value;
  if (it !== '') k.instanceType = it;
  const cp = num('k-cpTarget');
  if (cp !== undefined) k.cpTarget = cp;
  const mem = num('k-lambdaMemory');
  if (mem !== undefined) k.lambdaMemory = mem;
  const pc = num('k-provisioned');
  if (pc !== undefined) k.provisioned = pc;
  const recycle = num('k-lambdaRecycleHours');
  if (recycle !== undefined) k.lambdaRecycleHours = recycle;
  const amin = num('k-auroraMin');
  if (amin !== undefined) k.auroraMin = amin;
  const amax = num('k-auroraMax');
  if (amax !== undefined) k.auroraMax = amax;
  return k;
}

/** Opens the run (both panes when comparing) from the state; `atMs` fast-forwards (a shared link). */
function openAll(atMs = 0): void {
  const { text, file } = scenarioText();
  clock.playing = false;
  while (panes.length > (state.compare ? 2 : 1)) panes.pop()!.destroy();
  while (panes.length < (state.compare ? 2 : 1)) panes.push(new Pane($('panes'), panes.length === 0 ? 'a' : 'b', events));
  document.body.classList.toggle('compare', panes.length > 1);
  clearCaption();
  panes.forEach((p, i) => {
    p.classroom = state.classroom;
    p.setPauseOnEvent($<HTMLInputElement>('pauseOnEvent').checked);
    p.send({ type: 'speed', speed: state.speed });
    p.open(text, file, i === 0 ? state.variant : state.compare, state.seed, state.knobs, atMs);
  });
  writeHash();
}

function all(msg: Parameters<Pane['send']>[0]): void {
  for (const p of panes) p.send(msg);
}

function play(): void {
  if (!comparing()) {
    all({ type: 'play' });
    return;
  }
  if (panes.every((p) => p.frame?.done)) return;
  clock.playing = true;
  clock.baseReal = performance.now();
  clock.baseSim = Math.min(...panes.map((p) => p.frame?.nowMs ?? 0));
  clock.targetMs = clock.baseSim;
  setPlaying(true);
}

function pause(): void {
  if (!comparing() || !clock.playing) {
    all({ type: 'pause' });
    return;
  }
  // Both panes stop at the clock's last moment (each has stepped to it, or does now).
  pauseAll(clock.targetMs);
}

/** Stops both panes at `atMs` (the pane that stopped there itself is left alone). */
function pauseAll(atMs: number, stopped?: Pane): void {
  clock.playing = false;
  setPlaying(false);
  for (const p of panes) {
    p.send({ type: 'pause' });
    if (p === stopped || !p.meta || p.frame?.done) continue;
    const tick = p.meta.tickMs;
    p.send({ type: 'seek', atMs: Math.min(p.meta.durationMs, Math.ceil(atMs / tick) * tick) });
  }
}

function seekAll(atMs: number): void {
  clearCaption();
  clock.baseReal = performance.now();
  clock.baseSim = atMs;
  clock.targetMs = atMs;
  all({ type: 'seek', atMs });
}

/** Side by side, on each animation frame: the moment both panes step to. */
function driveClock(now: number): void {
  if (!comparing() || !clock.playing) return;
  const slowest = Math.min(...panes.map((p) => p.frame?.nowMs ?? 0));
  let target = clock.baseSim + (now - clock.baseReal) * state.speed;
  const lead = Math.max(meta?.tickMs ?? 1000, state.speed * LEAD_MS);
  if (target > slowest + lead) {
    // The slower engine cannot keep up at this speed: go on from where it is, not catch up later.
    target = slowest + lead;
    clock.baseReal = now;
    clock.baseSim = target;
  }
  if (meta) target = Math.min(target, meta.durationMs);
  if (target === clock.targetMs) return;
  clock.targetMs = target;
  for (const p of panes) p.send({ type: 'advance', toMs: target });
}

function writeHash(): void {
  const hash = stateToHash(state, state.scenario.startsWith('file:') ? customText : undefined);
  if (location.hash.slice(1) !== hash) history.replaceState(null, '', `#${hash}`);
}

// ---- errors ----------------------------------------------------------------------------------
function showErrors(issues: ScenarioIssue[], knobsCaused: boolean, message?: string): void {
  hooks.errors++;
  const panel = $('errors');
  $('errors-title').textContent = knobsCaused
    ? 'These what-if values make the scenario invalid'
    : message !== undefined && issues.length === 0
      ? 'The scenario could not run'
      : `This scenario has ${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  const body = $('errors-body');
  const rows = issues.map((i) => {
    const tr = document.createElement('tr');
    for (const text of [`${i.file}:${i.line}:${i.column}`, i.path || '—', i.message]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    }
    return tr;
  });
  if (message !== undefined) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 3;
    td.textContent = message;
    tr.appendChild(td);
    rows.push(tr);
  }
  body.replaceChildren(...rows);
  panel.hidden = false;
}

function hideErrors(): void {
  $('errors').hidden = true;
}

// ---- files -----------------------------------------------------------------------------------
function openFile(name: string, text: string): void {
  customText = text;
  state.scenario = `file:${name}`;
  state.variant = 'base';
  state.compare = '';
  state.seed = undefined;
  state.knobs = {};
  knobsToInputs(state.knobs);
  const sel = $<HTMLSelectElement>('scenario');
  let opt = [...sel.options].find((o) => o.value === state.scenario);
  if (!opt) {
    opt = new Option(`${name} (file)`, state.scenario);
    sel.add(opt);
  }
  sel.value = state.scenario;
  openAll();
}

async function readDropped(file: File): Promise<void> {
  openFile(file.name, await file.text());
}

// ---- wiring ----------------------------------------------------------------------------------
let scrubbing = false;

function wire(): void {
  const sel = $<HTMLSelectElement>('scenario');
  for (const name of BUNDLED_SCENARIOS.keys()) sel.add(new Option(name, name));
  const types = $<HTMLSelectElement>('k-instanceType');
  for (const t of INSTANCE_TYPE_CHOICES) types.add(new Option(t, t));
  sel.onchange = () => {
    state.scenario = sel.value;
    state.variant = 'base';
    state.compare = '';
    state.seed = undefined;
    state.knobs = {};
    knobsToInputs(state.knobs);
    openAll();
  };
  $<HTMLSelectElement>('variant').onchange = (e) => {
    state.variant = (e.target as HTMLSelectElement).value;
    openAll();
  };
  $<HTMLSelectElement>('compare').onchange = (e) => {
    state.compare = (e.target as HTMLSelectElement).value;
    openAll();
  };
  $<HTMLInputElement>('seed').onchange = (e) => {
    const v = Number((e.target as HTMLInputElement).value);
    state.seed = Number.isInteger(v) ? v : undefined;
    openAll();
  };
  $('play').onclick = play;
  $('pause').onclick = pause;
  $('step').onclick = () => {
    if (comparing() && clock.playing) pause();
    all({ type: 'step' });
  };
  $('restart').onclick = () => seekAll(0);
  const speed = $<HTMLSelectElement>('speed');
  speed.value = String(state.speed);
  speed.onchange = () => {
    state.speed = Number(speed.value);
    clock.baseReal = performance.now();
    clock.baseSim = clock.targetMs;
    all({ type: 'speed', speed: state.speed });
    writeHash();
  };
  $<HTMLInputElement>('pauseOnEvent').onchange = (e) => {
    for (const p of panes) p.setPauseOnEvent((e.target as HTMLInputElement).checked);
  };
  $<HTMLInputElement>('classroom').onchange = (e) => {
    state.classroom = (e.target as HTMLInputElement).checked;
    applyClassroom();
    writeHash();
  };
  $('apply').onclick = () => {
    state.knobs = inputsToKnobs();
    openAll();
  };
  $('reset-knobs').onclick = () => {
    state.knobs = {};
    knobsToInputs(state.knobs);
    openAll();
  };
  $('errors-close').onclick = hideErrors;
  const scrub = $<HTMLInputElement>('scrub');
  scrub.oninput = () => {
    scrubbing = true;
    if (meta) $('clock').textContent = formatDuration((Number(scrub.value) / 1000) * meta.durationMs);
  };
  scrub.onchange = () => {
    scrubbing = false;
    if (!meta) return;
    const atMs = Math.round((Number(scrub.value) / 1000) * meta.durationMs / meta.tickMs) * meta.tickMs;
    seekAll(atMs);
  };
  $('share').onclick = async () => {
    writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      setCaption({ atMs: state.tMs, kind: 'capacity', text: 'Link copied: it reproduces this run at this moment.' });
    } catch {
      setCaption({ atMs: state.tMs, kind: 'capacity', text: `Link: ${location.href}` });
    }
  };
  const file = $<HTMLInputElement>('file');
  $('load').onclick = () => file.click();
  file.onchange = () => {
    const f = file.files?.[0];
    if (f) void readDropped(f);
    file.value = '';
  };
  const zone = $('dropzone');
  window.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.hidden = false;
  });
  window.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) zone.hidden = true;
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.hidden = true;
    const f = e.dataTransfer?.files[0];
    if (f) void readDropped(f);
  });
  window.addEventListener('keydown', (e) => {
    if ((e.target as HTMLElement).tagName === 'INPUT' || (e.target as HTMLElement).tagName === 'SELECT') return;
    if (e.key === ' ') {
      e.preventDefault();
      if (comparing() ? clock.playing : panes[0]?.playing) pause();
      else play();
    } else if (e.key === '.') $('step').click();
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === stateToHash(state, customText)) return;
    fromHash();
  });
}

function applyClassroom(): void {
  document.body.classList.toggle('classroom', state.classroom);
  $<HTMLInputElement>('classroom').checked = state.classroom;
  for (const p of panes) p.classroom = state.classroom;
}

function fromHash(): void {
  const parsed = parseHash(location.hash.slice(1));
  Object.assign(state, parsed.state);
  if (parsed.text !== undefined) customText = parsed.text;
  if (state.scenario.startsWith('file:')) {
    if (customText === undefined) state.scenario = DEFAULT_SCENARIO;
    else {
      const sel = $<HTMLSelectElement>('scenario');
      if (![...sel.options].some((o) => o.value === state.scenario)) sel.add(new Option(`${state.scenario.slice(5)} (file)`, state.scenario));
    }
  } else if (!BUNDLED_SCENARIOS.has(state.scenario)) state.scenario = DEFAULT_SCENARIO;
  $<HTMLSelectElement>('scenario').value = state.scenario;
  $<HTMLSelectElement>('speed').value = String(state.speed);
  knobsToInputs(state.knobs);
  applyClassroom();
  openAll(state.tMs);
}

async function main(): Promise<void> {
  wire();
  fromHash();
  await Promise.all(panes.map((p) => p.whenReady()));
  hooks.renderer = panes[0]!.app.renderer.name;
  hooks.ready = true;
  const frame = (now: number) => {
    driveClock(now);
    for (const p of panes) p.draw(now);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

void main();
