/**
 * One pane of the app: a run in its own worker, its Pixi scene, its meters (cost, requests,
 * latency) and its charts. The app has one pane, or two side by side.
 */
import { Application } from 'pixi.js';
import { IS, taskLifecycle } from '../aws/ecs';
import { IS as DBS } from '../aws/rds';
import type { ScenarioIssue } from '../scenario';
import { Charts } from './charts';
import { esc, formatDuration, formatUsd, formatCount, launchReason, resourceRows } from './format';
import type { Knobs } from './knobs';
import { type Caption, DB_STRIDE, ENV_PROVISIONED, FN_STRIDE, type FrameData, type FromWorker, INST_STRIDE, KIND_EC2, KIND_FARGATE_SPOT, type RunMeta, TASK_STRIDE, type ToWorker } from './protocol';
import { DB_STATE_COLOUR, DB_STATE_WORDS, RunScene } from './scene';

const INSTANCE_STATUS = ['LAUNCHING', 'REGISTERING', 'ACTIVE', 'DRAINING', 'DEREGISTERING', 'TERMINATED'];

const swatch = (colour: string, label: string, outline = false) =>
  `<span class="sw${outline ? ' outline' : ''}" style="--c:${colour}"></span>${label}`;

/** What the scene's colours mean. */
const LEGEND = [
  `<b>ECS</b> instance box: width = CPU, height = memory; ${swatch('#9aa7b8', 'active', true)} ${swatch('#e6c229', 'launching', true)} ${swatch('#f28e2b', 'draining', true)} ${swatch('#d62728', 'terminating', true)} ${swatch('#17becf', 'Spot')} ${swatch('#ff3df2', 'Spot interruption', true)}`,
  `task (colour = service): ${swatch('#4e79a7', 'running, bright part = CPU use')} ${swatch('#93a9c4', 'pending')} ${swatch('#6b6b6b', 'stopping')}`,
  `<b>Lambda</b> ${swatch('#f1c40f', 'initialising (cold)')} ${swatch('#2ecc71', 'busy')} ${swatch('#3d5a80', 'idle')} ${swatch('#ffffff', 'provisioned', true)} ${swatch('#2a2f36', 'reaped')} red frame: throttling; bar marks: ${swatch('#f28e2b', 'reserved')} ${swatch('#aab4c0', 'account unreserved')} ${swatch('#ffffff', 'provisioned')}`,
].join(' · ');

const hex = (c: number) => `#${c.toString(16).padStart(6, '0')}`;

/** The Aurora view's colours (shown only when the scenario has a database). */
const LEGEND_AURORA = `<b>Aurora</b> frame = state: ${(
  [
    [DBS.ACTIVE, 'active'],
    [DBS.SCALING, 'scaling up'],
    [DBS.MOVING, 'moving host'],
    [DBS.STALLED, 'stalled'],
    [DBS.PAUSED, 'paused'],
    [DBS.RESUMING, 'resuming'],
  ] as const
)
  .map(([state, words]) => swatch(hex(DB_STATE_COLOUR[state]!), words, true))
  .join(' ')} · bars: ACUs (white mark: what demand needs), CPU (mark: target), warm pool, connections`;

export interface PaneEvents {
  onIssues(pane: Pane, issues: ScenarioIssue[], knobsCaused: boolean, message?: string): void;
  onOpened(pane: Pane, meta: RunMeta): void;
  /** `stoppedOnEvent`: the run has just stopped on an event (Pause on event). */
  onFrame(pane: Pane, frame: FrameData, playing: boolean, stoppedOnEvent: boolean): void;
  onCaptions(pane: Pane, captions: Caption[]): void;
  /** A long seek is replaying: where it is and where it goes (the next frame ends it). */
  onSeeking?(pane: Pane, nowMs: number, toMs: number): void;
}

export class Pane {
  readonly el: HTMLElement;
  readonly app = new Application();
  scene: RunScene | undefined;
  meta: RunMeta | undefined;
  frame: FrameData | undefined;
  playing = false;
  frames = 0;
  private worker: Worker;
  private charts: Charts | undefined;
  private readonly stats: HTMLElement;
  private statsHead: HTMLElement | undefined;
  private costsBody: HTMLElement | undefined;
  private statsReport: HTMLElement | undefined;
  private readonly legend: HTMLElement;
  private readonly sceneHost: HTMLElement;
  private readonly chartsHost: HTMLElement;
  private dirty = false;
  private lastPanel = 0;
  private ready: Promise<void>;
  classroom = false;

  constructor(
    host: HTMLElement,
    readonly name: string,
    private readonly events: PaneEvents,
  ) {
    this.el = document.createElement('section');
    this.el.className = 'pane';
    this.el.dataset.pane = name;
    this.stats = document.createElement('div');
    this.stats.className = 'stats';
    this.sceneHost = document.createElement('div');
    this.sceneHost.className = 'scene';
    this.chartsHost = document.createElement('div');
    this.chartsHost.className = 'charts';
    const legend = document.createElement('div');
    legend.className = 'legend';
    legend.innerHTML = LEGEND;
    this.legend = legend;
    const body = document.createElement('div');
    body.className = 'pane-body';
    body.append(this.sceneHost, this.chartsHost);
    this.el.append(this.stats, legend, body);
    host.appendChild(this.el);
    this.worker = this.newWorker();
    this.ready = this.initPixi();
  }

  private newWorker(): Worker {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<FromWorker>) => this.receive(ev.data);
    w.onerror = (ev) => this.events.onIssues(this, [], false, `the engine stopped: ${ev.message}`);
    return w;
  }

  private async initPixi(): Promise<void> {
    const { width, height } = this.sceneSize();
    await this.app.init({ width, height, background: 0x1b2330, preference: 'webgl', antialias: false, autoStart: false, sharedTicker: false, preserveDrawingBuffer: true });
    this.sceneHost.appendChild(this.app.canvas);
    this.scene = new RunScene(width, height);
    this.app.stage.addChild(this.scene.root);
    this.app.canvas.addEventListener('pointermove', (e) => this.hover(e));
    this.app.canvas.addEventListener('pointerleave', () => hideTooltip());
    this.app.canvas.addEventListener('click', (e) => this.hover(e, true));
    this.app.render();
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  private sceneSize(): { width: number; height: number } {
    const r = this.sceneHost.getBoundingClientRect();
    return { width: Math.max(320, Math.floor(r.width)), height: Math.max(240, Math.floor(r.height)) };
  }

  send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  open(text: string, file: string, variant: string, seed: number | undefined, knobs: Knobs, atMs?: number): void {
    this.meta = undefined;
    this.frame = undefined;
    this.charts?.clear();
    this.send({ type: 'open', text, file, variant, seed, knobs, atMs });
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'issues') {
      this.events.onIssues(this, msg.issues, msg.knobsCaused, msg.message);
      return;
    }
    if (msg.type === 'opened') {
      this.meta = msg.meta;
      this.legend.innerHTML = msg.meta.databases.length > 0 ? `${LEGEND} · ${LEGEND_AURORA}` : LEGEND;
      this.charts?.setDatabases(msg.meta.databases.length > 0);
      this.charts?.clear();
      this.events.onOpened(this, msg.meta);
      return;
    }
    if (msg.type === 'seeking') {
      this.events.onSeeking?.(this, msg.nowMs, msg.toMs);
      return;
    }
    this.frame = msg.frame;
    this.playing = msg.playing;
    this.frames++;
    if (!this.charts) this.charts = new Charts(this.chartsHost, this.chartWidth(), this.chartHeight(), this.classroom, (this.meta?.databases.length ?? 0) > 0);
    this.charts.add(msg.samples, msg.sampleStart);
    if (msg.captions.length > 0) this.events.onCaptions(this, msg.captions);
    this.dirty = true;
    this.events.onFrame(this, msg.frame, msg.playing, msg.stoppedOnEvent);
  }

  private chartWidth(): number {
    return Math.max(260, Math.floor(this.chartsHost.getBoundingClientRect().width) - 8);
  }

  private chartHeight(): number {
    const h = this.chartsHost.getBoundingClientRect().height;
    // Four charts, each with a title and a legend line; the column scrolls when there is no room.
    return Math.max(150, Math.floor(h / 4) - 56);
  }

  /** Lays out and renders if a new frame came in (call once per animation frame). */
  draw(now: number): void {
    if (!this.scene) return;
    const { width, height } = this.sceneSize();
    if (width !== this.scene.width || height !== this.scene.height) {
      this.app.renderer.resize(width, height);
      this.scene.width = width;
      this.scene.height = height;
      this.dirty = true;
      this.charts?.resize(this.chartWidth(), this.chartHeight(), this.classroom);
    }
    if (this.scene.large !== this.classroom) {
      this.scene.large = this.classroom;
      this.dirty = true;
      this.charts?.resize(this.chartWidth(), this.chartHeight(), this.classroom);
    }
    if (this.dirty && this.meta && this.frame) {
      this.scene.update(this.meta, this.frame);
      this.app.render();
      this.dirty = false;
    }
    if (now - this.lastPanel > 150 && this.meta && this.frame) {
      this.lastPanel = now;
      this.renderStats(this.meta, this.frame);
      this.charts?.flush();
    }
  }

  private renderStats(meta: RunMeta, f: FrameData): void {
    const c = f.cost;
    const rows: string[] = [];
    const kindRow = (label: string, soFar: number, rate: number) => (soFar > 0 || rate > 0 ? `<tr><td>${label}</td><td>${formatUsd(soFar)}</td><td>${formatUsd(rate)}/h</td></tr>` : '');
    rows.push(kindRow('EC2 On-Demand', c.byKind.ec2, c.rateByKind.ec2));
    rows.push(kindRow('EC2 Spot', c.byKind.ec2Spot, c.rateByKind.ec2Spot));
    rows.push(kindRow('Fargate', c.byKind.fargate, c.rateByKind.fargate));
    rows.push(kindRow('Fargate Spot', c.byKind.fargateSpot, c.rateByKind.fargateSpot));
    rows.push(kindRow('Lambda, ALB, API', c.byKind.metered, c.rateByKind.metered));
    rows.push(kindRow('Aurora', c.byKind.aurora, c.rateByKind.aurora));
    const resources = resourceRows(c.byResource, c.rateByResource ?? {});
    const rate = c.rateByKind.ec2 + c.rateByKind.ec2Spot + c.rateByKind.fargate + c.rateByKind.fargateSpot + c.rateByKind.metered + c.rateByKind.aurora;
    // The database's own meter: its bill so far, and $/h now (ACUs × the price table's ACU-hour rate).
    const db = meta.databases
      .map((m, d) => {
        const x = c.databases[d];
        if (x === undefined) return '';
        return `<div class="meter" data-testid="db-meter"><span>Aurora ${esc(m.id)}</span><b data-testid="db-cost">${formatUsd(x.usd, 4)}</b><small>${formatUsd(x.usdPerHour)}/h now · ${x.acuHours.toFixed(2)} ACU-h at ${formatUsd(m.acuHourUsd, 3)}</small></div>`;
      })
      .join('');
    const r = f.requests;
    const lat = f.latency;
    const ms = (v: number | null) => (v === null ? '—' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);
    const report = f.report
      ? `<div class="report">Run ended. Report total <b data-testid="report-cost">${formatUsd(f.report.totalCostUsd, 4)}</b> (the CLI's number for this scenario, seed, variant and knobs)</div>`
      : '';
    // The cost breakdown is a <details> built once: rebuilding it would close it as soon as it
    // was opened. Only the parts that change are rewritten, and only when their text changed.
    if (!this.statsHead) {
      this.statsHead = document.createElement('div');
      this.costsBody = document.createElement('tbody');
      const details = document.createElement('details');
      details.className = 'costs';
      details.innerHTML = '<summary>cost by launch type and resource</summary><table><thead><tr><th></th><th>so far</th><th>now</th></tr></thead></table>';
      details.querySelector('table')!.appendChild(this.costsBody);
      this.statsReport = document.createElement('div');
      this.stats.replaceChildren(this.statsHead, details, this.statsReport);
    }
    setHtml(
      this.statsHead,
      `<div class="title"><b>${esc(meta.name)}</b> · variant <b>${esc(meta.variant)}</b> · seed ${esc(meta.seed)}</div>
      <div class="meters">
        <div class="meter big"><span>cost so far</span><b data-testid="cost">${formatUsd(c.totalUsd, 4)}</b><small>${formatUsd(rate)}/h now</small></div>
        <div class="meter"><span>requests</span><b data-testid="requests">${formatCount(r.arrived)}</b><small>${formatCount(r.served)} served · ${formatCount(r.failed)} failed${r.throttled > 0 ? ` · ${formatCount(r.throttled)} throttled` : ''}</small></div>
        ${db}
        <div class="meter"><span>latency since start</span><b>${ms(lat.p50)}</b><small>p50 · p95 ${ms(lat.p95)} · p99 ${ms(lat.p99)}</small></div>
        <div class="meter"><span>simulated time</span><b data-testid="time">${formatDuration(f.nowMs)}</b><small>of ${formatDuration(meta.durationMs)}</small></div>
      </div>`,
    );
    setHtml(this.costsBody!, `${rows.join('')}${resources}`);
    setHtml(this.statsReport!, report);
  }

  private hover(e: PointerEvent | MouseEvent, pin = false): void {
    if (!this.scene || !this.meta || !this.frame) return;
    const rect = this.app.canvas.getBoundingClientRect();
    const x = ((e.clientX - rect.left) * this.scene.width) / rect.width;
    const y = ((e.clientY - rect.top) * this.scene.height) / rect.height;
    const hit = this.scene.hitTest(x, y);
    if (!hit) {
      if (!pin) hideTooltip();
      return;
    }
    showTooltip(describe(this.meta, this.frame, hit), e.clientX, e.clientY);
  }

  setPauseOnEvent(on: boolean): void {
    this.send({ type: 'pauseOnEvent', on });
  }

  destroy(): void {
    this.worker.terminate();
    this.charts?.destroy();
    this.charts = undefined;
    this.app.destroy(true, { children: true });
    this.el.remove();
  }
}

function describe(meta: RunMeta, f: FrameData, hit: NonNullable<ReturnType<RunScene['hitTest']>>): string {
  if (hit.kind === 'instance') {
    const o = hit.index * INST_STRIDE;
    const i = f.instances;
    const asg = meta.asgs[i[o + 8]!];
    const tasks = countTasksOn(f, i[o]!);
    return `<b>Container instance i-${i[o]!.toString(16).padStart(8, '0')}</b><br>${esc(asg?.id ?? '')} · ${esc(asg?.types[i[o + 10]!] ?? asg?.types[0] ?? '')}${i[o + 7] ? ' · <b>Spot</b>' : ''}<br>
      state <b>${INSTANCE_STATUS[i[o + 2]!] ?? i[o + 2]}</b> in ${esc(meta.zones[i[o + 1]!])}<br>
      CPU reserved ${i[o + 5]} / ${i[o + 3]} units · memory ${i[o + 6]} / ${i[o + 4]} MiB<br>
      ${tasks} task(s) · ${formatUsd(i[o + 9]!)}/h${
        f.instanceLaunchedMs?.[hit.index] !== undefined ? `<br>${esc(launchReason(asg?.id ?? '', f.instanceLaunchedMs[hit.index]!, f.launchReasons ?? []))}` : ''
      }${i[o + 2] === IS.DRAINING ? '<br>draining: its tasks are replaced elsewhere' : ''}${
        f.spotInterrupted?.instances.includes(i[o]!) ? '<br><b>Spot interruption</b>: AWS is taking it back; it drains and is reclaimed when the notice runs out' : ''
      }`;
  }
  if (hit.kind === 'task') {
    const o = hit.index * TASK_STRIDE;
    const t = f.tasks;
    const svc = meta.services[t[o + 1]!]!;
    const kind = t[o + 4] === KIND_EC2 ? 'EC2' : t[o + 4] === KIND_FARGATE_SPOT ? 'Fargate Spot' : 'Fargate';
    const hourly = t[o + 4] === KIND_EC2 ? null : t[o + 4] === KIND_FARGATE_SPOT ? svc.hourlySpotUsd : svc.hourlyUsd;
    const where =
      t[o + 4] === KIND_EC2
        ? t[o + 5]! >= 0
          ? `on instance i-${t[o + 5]!.toString(16).padStart(8, '0')} in ${esc(meta.zones[t[o + 2]!])} (placed there by ${esc(svc.placement)})`
          : 'waiting for an instance with room (capacity provider scales out)'
        : `Fargate in ${esc(meta.zones[t[o + 2]!])} (Fargate spreads a service's tasks over its zones)`;
    return `<b>Task ${t[o]} of ${esc(svc.id)}</b><br>state <b>${taskLifecycle.states[t[o + 3]!]}</b> · ${kind}<br>${where}<br>
      ${t[o + 6]} CPU units · ${t[o + 7]} MiB · CPU use ${Math.round(t[o + 8]! * 100)} % · ${t[o + 9]} request(s) in flight<br>
      ${hourly !== null ? `${formatUsd(hourly)}/h` : 'billed through its instance'}${f.spotInterrupted?.tasks.includes(t[o]!) ? '<br><b>Spot interruption</b>: AWS took its capacity back; the service starts a replacement' : ''}
      ${f.serviceDecision[t[o + 1]!] ? `<br>last scaling decision of ${esc(svc.id)}: ${esc(f.serviceDecision[t[o + 1]!])}` : ''}`;
  }
  if (hit.kind === 'env') {
    const code = f.envs[hit.index]!;
    const fn = meta.functions[hit.fn]!;
    const st = ['initialising (cold start)', 'busy', 'idle (warm)'][code & 3];
    const usd = f.envCostUsd?.[hit.index];
    return `<b>Execution environment of ${esc(fn.id)}</b><br>${st}${code & ENV_PROVISIONED ? ' · provisioned (never reaped)' : ''}<br>${fn.memoryMB} MB${
      usd !== undefined ? `<br>${formatUsd(usd, 6)} so far: its finished invocations' busy time × ${fn.memoryMB} MB at the duration rate (INIT when billed)` : ''
    }`;
  }
  if (hit.kind === 'database') return describeDatabase(meta, f, hit.index);
  const fn = meta.functions[hit.fn]!;
  const o = hit.fn * FN_STRIDE;
  return `<b>Lambda function ${esc(fn.id)}</b><br>${fn.memoryMB} MB · ${f.fns[o + 1]} environments · ${f.fns[o + 2]} busy<br>
    concurrency limit ${f.fns[o + 3]}${fn.reserved !== null ? ' (reserved)' : ' (unreserved account pool)'} · provisioned ${f.fns[o + 4]}<br>
    ${formatCount(f.fns[o + 8]!)} invocations · ${formatCount(f.fns[o + 6]!)} cold starts · ${formatCount(f.fns[o + 5]!)} throttled<br>
    ${formatUsd(f.cost.byResource[fn.id] ?? 0, 4)} so far`;
}

/** An Aurora DB instance: its state and why, ACUs, demand, warm pool, connections and cost so far. */
function describeDatabase(meta: RunMeta, f: FrameData, k: number): string {
  const o = k * DB_STRIDE;
  const d = f.dbs;
  const db = meta.databases[d[o]!]!;
  const inst = db.instances[d[o + 1]!]!;
  const state = d[o + 2]!;
  const acu = d[o + 3]!;
  const target = d[o + 4]!;
  const waitMs = d[o + 10]!;
  const cluster = f.cost.databases[d[o]!];
  const role = inst.role === 'writer' ? 'writer' : inst.role === 'follower' ? 'reader, follows the writer (tier 0–1)' : 'reader, scales on its own';
  const what: Record<number, string> = {
    [DBS.ACTIVE]: 'serving at its capacity',
    [DBS.SCALING]: `ACUs on their way from the warm pool: ${acu} → ${target}`,
    [DBS.MOVING]: `the warm pool is short: moving to a host with room for ${target} ACUs; serving at ${acu} meanwhile`,
    [DBS.STALLED]: `switching host: queries wait ${Math.ceil(waitMs / 1000)} s more`,
    [DBS.PAUSED]: 'paused: no capacity charge; the next connection resumes it',
    [DBS.RESUMING]: `resuming: queries wait ${Math.ceil(waitMs / 1000)} s more, then ${target} ACUs`,
  };
  const capacity = inst.provisioned ? `${esc(inst.instanceClass)}: ${acu} ACU equivalent (fixed)` : `<b>${acu} ACUs</b> (min ${db.minAcu}, max ${db.maxAcu}) · demand needs ${d[o + 6]} ACUs`;
  return `<b>Aurora ${esc(db.id)} · instance ${esc(inst.id)}</b><br>${role} · ${esc(inst.instanceClass)} · ${esc(db.engine)} (${esc(db.mode)})<br>
    state <b data-testid="db-state">${DB_STATE_WORDS[state] ?? state}</b>: ${what[state] ?? ''}<br>
    ${capacity}<br>
    CPU ${Math.round(d[o + 5]! * 100)} % (scales to stay under ${Math.round(db.targetCpu * 100)} %)${inst.provisioned ? '' : ` · warm pool ${Math.floor(d[o + 7]! * 2) / 2} of ${db.warmPoolAcu} ACUs left`}<br>
    connections ${d[o + 8]} / ${d[o + 9]}${db.autoPause ? ` · pauses after ${db.secondsUntilAutoPause} s without connections` : ''}<br>
    ${inst.provisioned ? 'billed by the hour (see the cluster)' : `capacity ${formatUsd(d[o + 11]!, 4)} so far at ${formatUsd(db.acuHourUsd, 3)}/ACU-h`}${cluster ? ` · cluster ${formatUsd(cluster.usd, 4)} so far, ${formatUsd(cluster.usdPerHour)}/h now` : ''}`;
}

function countTasksOn(f: FrameData, instanceId: number): number {
  let n = 0;
  for (let k = 0; k < f.tasks.length; k += TASK_STRIDE) if (f.tasks[k + 5] === instanceId && f.tasks[k + 4] === KIND_EC2) n++;
  return n;
}

/** Sets an element's HTML (built with `esc` for every outside string) only when it changed. */
const shownHtml = new WeakMap<HTMLElement, string>();
function setHtml(el: HTMLElement, html: string): void {
  if (shownHtml.get(el) === html) return;
  shownHtml.set(el, html);
  el.innerHTML = html;
}

function showTooltip(html: string, x: number, y: number): void {
  const tip = document.getElementById('tooltip')!;
  tip.innerHTML = html;
  tip.hidden = false;
  tip.style.left = `${Math.min(window.innerWidth - 340, x + 14)}px`;
  tip.style.top = `${Math.min(window.innerHeight - 160, y + 14)}px`;
}

function hideTooltip(): void {
  const tip = document.getElementById('tooltip');
  if (tip) tip.hidden = true;
}
