/**
 * The Pixi scene of one run: ECS on EC2 (zones as columns, container instances as boxes whose
 * width is their CPU and height their memory, tasks inside as columns of their reserved CPU and
 * memory), Fargate tasks as tiles by zone and service, Lambda environments as a grid per function
 * with concurrency against its limit, and Aurora DB instances as gauges: ACUs between the cluster's
 * minimum and maximum, CPU against the scaling target, the warm pool and connections, framed in
 * the colour of the instance's state.
 *
 * Every rectangle is a Particle (Texture.WHITE, 1×1 px, scaled to size) in one ParticleContainer;
 * particles are pooled and reused frame to frame (unused ones are hidden), labels are a pool of
 * Text objects whose strings change only when they differ. Nothing is cleared and redrawn.
 */
import { Container, Particle, ParticleContainer, Text, Texture } from 'pixi.js';
import { IS, TS } from '../aws/ecs';
import { IS as DBS } from '../aws/rds';
import { concurrencyBar } from './lambdaBar';
import { DB_STRIDE, ENV_PROVISIONED, FN_STRIDE, type FrameData, INST_STRIDE, KIND_EC2, KIND_FARGATE_SPOT, type RunMeta, TASK_STRIDE } from './protocol';

export const SERVICE_COLOURS = [0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2, 0xedc948, 0xb07aa1, 0xff9da7];
const COLOUR = {
  panel: 0x1b2330,
  separator: 0x0b1016,
  boxActive: 0x9aa7b8,
  boxLaunching: 0xe6c229,
  boxDraining: 0xf28e2b,
  boxLeaving: 0xd62728,
  spot: 0x17becf,
  spotHit: 0xff3df2,
  reservedMark: 0xf28e2b,
  unreservedMark: 0xaab4c0,
  pending: 0xc8d0da,
  stopping: 0x6b6b6b,
  envInit: 0xf1c40f,
  envBusy: 0x2ecc71,
  envIdle: 0x3d5a80,
  envReaped: 0x2a2f36,
  provisioned: 0xffffff,
  throttle: 0xff2d2d,
  barBg: 0x2b3442,
  barFill: 0x2ecc71,
  acu: 0x9b59b6,
  cpu: 0x76b7b2,
  cpuOver: 0xe15759,
  pool: 0x59a14f,
  connections: 0x4e79a7,
  marker: 0xffffff,
};

/** Frame and fill colour of an Aurora instance by state (`IS` of src/aws/rds). */
export const DB_STATE_COLOUR: Record<number, number> = {
  [DBS.ACTIVE]: 0x9b59b6,
  [DBS.SCALING]: 0x2ecc71,
  [DBS.MOVING]: 0xf28e2b,
  [DBS.STALLED]: 0xff2d2d,
  [DBS.PAUSED]: 0x6b7480,
  [DBS.RESUMING]: 0xf1c40f,
};

/** Aurora instance states in words, for the scene's and the tooltip's labels. */
export const DB_STATE_WORDS: Record<number, string> = {
  [DBS.ACTIVE]: 'ACTIVE',
  [DBS.SCALING]: 'SCALING UP (from the warm pool)',
  [DBS.MOVING]: 'MOVING (to a host with room)',
  [DBS.STALLED]: 'STALLED (switching host)',
  [DBS.PAUSED]: 'PAUSED (0 ACUs)',
  [DBS.RESUMING]: 'RESUMING',
};

/** What is under a point of the scene. */
export type Hit =
  | { kind: 'instance'; index: number }
  | { kind: 'task'; index: number }
  | { kind: 'env'; fn: number; index: number }
  | { kind: 'function'; fn: number }
  | { kind: 'database'; index: number };

const HIT_INSTANCE = 0;
const HIT_TASK = 1;
const HIT_ENV = 2;
const HIT_FUNCTION = 3;
const HIT_DATABASE = 4;

/** A blend of two colours (t in 0–1). */
function mix(a: number, b: number, t: number): number {
  const r = ((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t;
  const g = ((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t;
  const bl = (a & 255) * (1 - t) + (b & 255) * t;
  return (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(bl);
}

export class RunScene {
  readonly root = new Container();
  private readonly particles: ParticleContainer;
  private readonly pool: Particle[] = [];
  private used = 0;
  private readonly labels = new Container();
  private readonly textPool: Text[] = [];
  private textUsed = 0;
  /** Hit rectangles of the last layout: x, y, w, h, kind, index, fn. */
  private hits = new Float32Array(7 * 1024);
  private hitCount = 0;
  private lastThrottles: number[] = [];
  private flash: number[] = [];
  private lastReaped: number[] = [];
  private ghosts: number[] = [];
  large = false;

  constructor(
    public width: number,
    public height: number,
  ) {
    this.particles = new ParticleContainer({ dynamicProperties: { position: true, vertex: true, color: true, rotation: false, uvs: false } });
    this.root.addChild(this.particles, this.labels);
  }

  /** Particles in use in the last frame (for the benchmark). */
  get particleCount(): number {
    return this.used;
  }

  private rect(x: number, y: number, w: number, h: number, tint: number, alpha = 1): void {
    let p = this.pool[this.used];
    if (p === undefined) {
      p = new Particle({ texture: Texture.WHITE });
      this.pool.push(p);
      this.particles.addParticle(p);
    }
    p.x = x;
    p.y = y;
    p.scaleX = w;
    p.scaleY = h;
    p.tint = tint;
    p.alpha = alpha;
    this.used++;
  }

  private label(text: string, x: number, y: number, size: number, colour = 0xdde3ea): void {
    let t = this.textPool[this.textUsed];
    if (t === undefined) {
      t = new Text({ text, style: { fontFamily: 'system-ui, sans-serif', fontSize: size, fill: colour } });
      this.textPool.push(t);
      this.labels.addChild(t);
    }
    if (t.text !== text) t.text = text;
    if (t.style.fontSize !== size) t.style.fontSize = size;
    if (t.style.fill !== colour) t.style.fill = colour;
    t.x = x;
    t.y = y;
    t.visible = true;
    this.textUsed++;
  }

  private hit(x: number, y: number, w: number, h: number, kind: number, index: number, fn = 0): void {
    if ((this.hitCount + 1) * 7 > this.hits.length) {
      const grown = new Float32Array(this.hits.length * 2);
      grown.set(this.hits);
      this.hits = grown;
    }
    const o = this.hitCount * 7;
    const a = this.hits;
    a[o] = x;
    a[o + 1] = y;
    a[o + 2] = w;
    a[o + 3] = h;
    a[o + 4] = kind;
    a[o + 5] = index;
    a[o + 6] = fn;
    this.hitCount++;
  }

  /** The entity at scene point (x, y), the smallest rectangle that holds it. */
  hitTest(x: number, y: number): Hit | undefined {
    let best = -1;
    let bestArea = Number.POSITIVE_INFINITY;
    const h = this.hits;
    for (let i = 0; i < this.hitCount; i++) {
      const o = i * 7;
      if (x >= h[o]! && y >= h[o + 1]! && x < h[o]! + h[o + 2]! && y < h[o + 1]! + h[o + 3]!) {
        const area = h[o + 2]! * h[o + 3]!;
        if (area < bestArea) {
          bestArea = area;
          best = o;
        }
      }
    }
    if (best < 0) return undefined;
    const kind = h[best + 4]!;
    const index = h[best + 5]!;
    if (kind === HIT_INSTANCE) return { kind: 'instance', index };
    if (kind === HIT_TASK) return { kind: 'task', index };
    if (kind === HIT_ENV) return { kind: 'env', fn: h[best + 6]!, index };
    if (kind === HIT_DATABASE) return { kind: 'database', index };
    return { kind: 'function', fn: index };
  }

  /** Lays the frame out and updates every particle and label. */
  update(meta: RunMeta, f: FrameData): void {
    this.used = 0;
    this.textUsed = 0;
    this.hitCount = 0;
    const W = this.width;
    const H = this.height;
    const fs = this.large ? 18 : 12;
    const hasEcs = meta.services.length > 0;
    const hasLambda = meta.functions.length > 0;
    const dbInstances = f.dbs.length / DB_STRIDE;
    const dbH = dbInstances > 0 ? Math.round(Math.min(H * 0.45, fs + 14 + 4 * (fs + 8))) : 0;
    const lambdaH = hasLambda ? (hasEcs ? Math.round((H - dbH) * 0.38) : H - dbH) : 0;
    const ecsH = H - lambdaH - dbH;
    if (hasEcs) this.drawEcs(meta, f, 0, 0, W, ecsH, fs);
    if (hasEcs && hasLambda) this.rect(0, ecsH, W, 4, COLOUR.separator, 1);
    if (hasLambda) this.drawLambda(meta, f, 0, ecsH + (hasEcs ? 4 : 0), W, lambdaH - (hasEcs ? 4 : 0), fs);
    if (dbH > 0) this.drawDatabases(meta, f, 0, ecsH + lambdaH, W, dbH, fs);
    // Hide what this frame did not use: no area, so no fragments to rasterise.
    for (let i = this.used; i < this.pool.length; i++) {
      const p = this.pool[i]!;
      if (p.scaleX !== 0) {
        p.scaleX = 0;
        p.scaleY = 0;
        p.alpha = 0;
      }
    }
    for (let i = this.textUsed; i < this.textPool.length; i++) this.textPool[i]!.visible = false;
  }

  private drawEcs(meta: RunMeta, f: FrameData, x0: number, y0: number, W: number, H: number, fs: number): void {
    const zones = Math.max(1, meta.zones.length);
    const gap = 6;
    const colW = (W - gap * (zones + 1)) / zones;
    const inst = f.instances;
    const tasks = f.tasks;
    const nInst = inst.length / INST_STRIDE;
    const nTasks = tasks.length / TASK_STRIDE;
    // Per zone: instance count, Fargate tasks, tasks waiting for capacity.
    const perZone = new Array<number>(zones).fill(0);
    const fgPerZone = new Array<number>(zones).fill(0);
    let maxCpu = 1;
    let maxMem = 1;
    for (let i = 0; i < nInst; i++) {
      const o = i * INST_STRIDE;
      perZone[inst[o + 1]!]!++;
      maxCpu = Math.max(maxCpu, inst[o + 3]!);
      maxMem = Math.max(maxMem, inst[o + 4]!);
    }
    // Tasks and instances hit by a Spot interruption in the last few minutes get a magenta frame.
    const spotHit = f.spotInterrupted;
    const hitTasks = spotHit !== undefined && spotHit.tasks.length > 0 ? new Set(spotHit.tasks) : undefined;
    const hitInstances = spotHit !== undefined && spotHit.instances.length > 0 ? new Set(spotHit.instances) : undefined;
    let waiting = 0;
    let maxTaskCpu = 1;
    for (let k = 0; k < nTasks; k++) {
      const o = k * TASK_STRIDE;
      if (tasks[o + 4] === KIND_EC2) {
        if (tasks[o + 5]! < 0) waiting++;
      } else {
        fgPerZone[tasks[o + 2]!]!++;
        maxTaskCpu = Math.max(maxTaskCpu, tasks[o + 6]!);
      }
    }
    const titleH = fs + 8;
    const waitH = waiting > 0 ? fs + 16 : 0;
    const bodyH = H - titleH - waitH - gap;
    const maxInst = Math.max(0, ...perZone);
    const maxFg = Math.max(0, ...fgPerZone);
    const ec2Share = maxInst === 0 ? 0 : maxFg === 0 ? 1 : 0.6;
    const ec2H = bodyH * ec2Share;
    const fgH = bodyH - ec2H;
    // Instance cell: a square grid that fits the busiest zone.
    const cell = maxInst > 0 ? gridCell(colW, ec2H, maxInst) : 0;
    const fgCell = maxFg > 0 ? Math.min(64, gridCell(colW, fgH - (maxFg > 0 && ec2H > 0 ? fs + 4 : 0), maxFg)) : 0;
    // The canvas background is the panel colour; separators mark the zone columns.
    this.rect(x0, y0 + H - waitH - 1, W, waitH + 1, COLOUR.separator, 1);
    for (let z = 0; z < zones; z++) {
      const cx = x0 + gap + z * (colW + gap);
      if (z > 0) this.rect(cx - gap, y0, gap, H - waitH, COLOUR.separator, 1);
      const ec2Count = perZone[z]!;
      const fgCount = fgPerZone[z]!;
      this.label(`${meta.zones[z] ?? 'zone'}  ·  ${ec2Count} inst  ·  ${fgCount} Fargate`, cx + 4, y0 + 3, fs, 0xdde3ea);
    }
    // Instances and their tasks (tasks follow their instance in the frame).
    const zoneSlot = new Array<number>(zones).fill(0);
    const perRow = cell > 0 ? Math.max(1, Math.floor(colW / cell)) : 1;
    let k = 0;
    for (let i = 0; i < nInst; i++) {
      const o = i * INST_STRIDE;
      const id = inst[o]!;
      const z = inst[o + 1]!;
      const slot = zoneSlot[z]!++;
      const cx = x0 + gap + z * (colW + gap) + (slot % perRow) * cell;
      const cy = y0 + titleH + Math.floor(slot / perRow) * cell;
      const pad = Math.max(1, cell * 0.08);
      const bw = (cell - 2 * pad) * Math.sqrt(inst[o + 3]! / maxCpu);
      const bh = (cell - 2 * pad) * Math.sqrt(inst[o + 4]! / maxMem);
      const bx = cx + pad;
      const by = cy + pad;
      const status = inst[o + 2]!;
      const border =
        status === IS.ACTIVE ? COLOUR.boxActive : status === IS.DRAINING ? COLOUR.boxDraining : status === IS.LAUNCHING || status === IS.REGISTERING ? COLOUR.boxLaunching : COLOUR.boxLeaving;
      const launching = status === IS.LAUNCHING || status === IS.REGISTERING;
      const b = Math.max(1, Math.min(bw, bh) * 0.05);
      const ix = bx + b;
      const iy = by + b;
      const iw = bw - 2 * b;
      const ih = bh - 2 * b;
      // Four edges; the inside is the background. No pixel is painted twice, because fill is what
      // software WebGL pays for.
      const a = launching ? 0.55 : 1;
      this.rect(bx, by, bw, b, border, a);
      this.rect(bx, by + bh - b, bw, b, border, a);
      this.rect(bx, iy, b, ih, border, a);
      this.rect(bx + bw - b, iy, b, ih, border, a);
      if (inst[o + 7] === 1) this.rect(bx + bw - Math.max(3, bw * 0.14), by, Math.max(3, bw * 0.14), Math.max(3, bw * 0.14), COLOUR.spot, 1);
      if (hitInstances?.has(id)) this.frameAround(bx, by, bw, bh, Math.max(2, b));
      this.hit(bx, by, bw, bh, HIT_INSTANCE, i);
      // Tasks on this instance: columns as wide as their CPU share, as tall as their memory share.
      let tx = ix;
      const cpu = inst[o + 3]!;
      const mem = inst[o + 4]!;
      while (k < nTasks && tasks[k * TASK_STRIDE + 5] === id && tasks[k * TASK_STRIDE + 4] === KIND_EC2) {
        const t = k * TASK_STRIDE;
        const tw = Math.max(1, (iw * tasks[t + 6]!) / cpu - 1);
        const th = Math.max(1, (ih * Math.min(1, tasks[t + 7]! / mem)));
        this.task(tasks, t, tx, iy + ih - th, tw, th);
        this.hit(tx, iy + ih - th, tw, th, HIT_TASK, k);
        tx += tw + 1;
        k++;
      }
    }
    // Fargate tiles and EC2 tasks waiting for capacity.
    const fgSlot = new Array<number>(zones).fill(0);
    const fgPerRow = fgCell > 0 ? Math.max(1, Math.floor(colW / fgCell)) : 1;
    const fgTop = y0 + titleH + ec2H + (ec2H > 0 && maxFg > 0 ? fs + 4 : 0);
    if (ec2H > 0 && maxFg > 0) for (let z = 0; z < zones; z++) this.label('Fargate', x0 + gap + z * (colW + gap) + 4, y0 + titleH + ec2H, fs - 1, 0x9aa7b8);
    let waitSlot = 0;
    const waitCell = Math.max(4, fs);
    for (let t = 0; t < nTasks; t++) {
      const o = t * TASK_STRIDE;
      if (tasks[o + 4] === KIND_EC2) {
        if (tasks[o + 5]! >= 0) continue;
        const wx = x0 + gap + 150 + waitSlot * (waitCell + 2);
        if (wx + waitCell < x0 + W) {
          this.task(tasks, o, wx, y0 + H - waitH + 8, waitCell, waitCell);
          this.hit(wx, y0 + H - waitH + 8, waitCell, waitCell, HIT_TASK, t);
        }
        waitSlot++;
        continue;
      }
      const z = tasks[o + 2]!;
      const slot = fgSlot[z]!++;
      const cx = x0 + gap + z * (colW + gap) + (slot % fgPerRow) * fgCell;
      const cy = fgTop + Math.floor(slot / fgPerRow) * fgCell;
      const side = Math.max(2, (fgCell - (fgCell > 8 ? 3 : 1)) * Math.sqrt(tasks[o + 6]! / maxTaskCpu));
      this.task(tasks, o, cx + 1, cy + 1, side, side);
      if (tasks[o + 4] === KIND_FARGATE_SPOT) this.rect(cx + 1 + side - Math.max(2, side * 0.3), cy + 1, Math.max(2, side * 0.3), Math.max(2, side * 0.3), COLOUR.spot, 1);
      if (hitTasks?.has(tasks[o]!)) this.frameAround(cx + 1, cy + 1, side, side, 2);
      this.hit(cx + 1, cy + 1, side, side, HIT_TASK, t);
    }
    if (waiting > 0) this.label(`waiting for capacity: ${waiting}`, x0 + gap, y0 + H - waitH + 6, fs - 1, COLOUR.boxLaunching);
  }

  /** A Spot interruption's mark: a magenta frame of width `w` just outside the rectangle. */
  private frameAround(x: number, y: number, w: number, h: number, b: number): void {
    this.rect(x - b, y - b, w + 2 * b, b, COLOUR.spotHit, 1);
    this.rect(x - b, y + h, w + 2 * b, b, COLOUR.spotHit, 1);
    this.rect(x - b, y, b, h, COLOUR.spotHit, 1);
    this.rect(x + w, y, b, h, COLOUR.spotHit, 1);
  }

  /** One task: a dim tile of its service colour filled from the bottom by its CPU use; pending pale, stopping grey. */
  private task(tasks: Float64Array, o: number, x: number, y: number, w: number, h: number): void {
    const colour = SERVICE_COLOURS[tasks[o + 1]! % SERVICE_COLOURS.length]!;
    const status = tasks[o + 3]!;
    if (status === TS.RUNNING) {
      const u = Math.max(0.08, tasks[o + 8]!);
      this.rect(x, y, w, h * (1 - u), mix(colour, COLOUR.panel, 0.55), 1);
      this.rect(x, y + h * (1 - u), w, h * u, colour, 1);
    } else if (status < TS.RUNNING) {
      this.rect(x, y, w, h, mix(colour, COLOUR.pending, 0.6), 0.45);
    } else {
      this.rect(x, y, w, h, COLOUR.stopping, 0.7);
    }
  }

  private drawLambda(meta: RunMeta, f: FrameData, x0: number, y0: number, W: number, H: number, fs: number): void {
    const n = meta.functions.length;
    const gap = 6;
    const blockW = (W - gap * (n + 1)) / n;
    for (let i = 0; i < n; i++) {
      const o = i * FN_STRIDE;
      const start = f.fns[o]!;
      const count = f.fns[o + 1]!;
      const busy = f.fns[o + 2]!;
      const limit = f.fns[o + 3]!;
      const provisioned = f.fns[o + 4]!;
      const throttles = f.fns[o + 5]!;
      const reaped = f.fns[o + 7]!;
      if (this.lastThrottles[i] !== undefined && throttles > this.lastThrottles[i]!) this.flash[i] = 1;
      this.lastThrottles[i] = throttles;
      if (this.lastReaped[i] !== undefined && reaped > this.lastReaped[i]!) this.ghosts[i] = Math.min(200, (this.ghosts[i] ?? 0) + reaped - this.lastReaped[i]!);
      this.lastReaped[i] = reaped;
      const bx = x0 + gap + i * (blockW + gap);
      const by = y0 + gap;
      const bh = H - 2 * gap;
      const fl = this.flash[i] ?? 0;
      if (fl > 0.02) {
        this.rect(bx - 3, by - 3, blockW + 6, 3, COLOUR.throttle, fl);
        this.rect(bx - 3, by + bh, blockW + 6, 3, COLOUR.throttle, fl);
        this.rect(bx - 3, by, 3, bh, COLOUR.throttle, fl);
        this.rect(bx + blockW, by, 3, bh, COLOUR.throttle, fl);
        this.flash[i] = fl * 0.85;
      }
      if (i > 0) this.rect(bx - gap, y0, gap, H, COLOUR.separator, 1);
      this.hit(bx, by, blockW, bh, HIT_FUNCTION, i);
      const m = meta.functions[i]!;
      const bar = concurrencyBar(m.reserved, provisioned, count, meta.unreservedLimit);
      this.label(`λ ${m.id} (${m.memoryMB} MB)  ·  ${count} env  ·  ${busy} busy / ${bar.words}${provisioned > 0 ? `  ·  ${provisioned} provisioned` : ''}  ·  ${throttles} throttled`, bx + 4, by + 3, fs);
      // Concurrency against the limits: a bar; the reservation (orange), the account's unreserved
      // pool (grey) and the provisioned level (white) marked.
      const barY = by + fs + 10;
      const barW = blockW - 8;
      const scale = bar.scale;
      this.rect(bx + 4, barY, barW, 6, COLOUR.barBg, 1);
      this.rect(bx + 4, barY, Math.max(busy > 0 ? 1 : 0, (barW * busy) / scale), 6, busy >= limit ? COLOUR.throttle : COLOUR.barFill, 1);
      for (const mk of bar.marks) {
        const colour = mk.kind === 'reserved' ? COLOUR.reservedMark : mk.kind === 'unreserved' ? COLOUR.unreservedMark : COLOUR.provisioned;
        this.rect(Math.min(bx + 4 + barW - 2, bx + 4 + (barW * mk.at) / scale), barY - 2, 2, 10, colour, 1);
      }
      // Environments.
      const gx = bx + 4;
      const gy = barY + 12;
      const gw = blockW - 8;
      const gh = bh - (gy - by) - 4;
      const ghosts = Math.floor(this.ghosts[i] ?? 0);
      const total = count + ghosts;
      if (total === 0 || gh <= 0) continue;
      const cell = Math.min(this.large ? 48 : 36, gridCell(gw, gh, total));
      const perRow = Math.max(1, Math.floor(gw / cell));
      const s = Math.max(1, cell - (cell > 4 ? 1 : 0));
      for (let e = 0; e < count; e++) {
        const code = f.envs[start + e]!;
        const st = code & 3;
        const x = gx + (e % perRow) * cell;
        const y = gy + Math.floor(e / perRow) * cell;
        const colour = st === 0 ? COLOUR.envInit : st === 1 ? COLOUR.envBusy : COLOUR.envIdle;
        if (code & ENV_PROVISIONED && s >= 4) {
          this.rect(x, y, s, s, COLOUR.provisioned, 1);
          this.rect(x + 1, y + 1, s - 2, s - 2, colour, 1);
        } else this.rect(x, y, s, s, colour, 1);
        this.hit(x, y, s, s, HIT_ENV, start + e, i);
      }
      for (let g = 0; g < ghosts; g++) {
        const e = count + g;
        this.rect(gx + (e % perRow) * cell, gy + Math.floor(e / perRow) * cell, s, s, COLOUR.envReaped, 1);
      }
      this.ghosts[i] = (this.ghosts[i] ?? 0) * 0.9;
    }
  }

  /**
   * Aurora: one block per DB instance (clusters side by side, each cluster's writer first). Four
   * bars: ACUs on a scale of 0 to the cluster's maximum (the part below the minimum darker, a
   * change in progress pale, a white mark at the ACUs demand needs), CPU against the target (white
   * mark), the warm pool's ACUs left, and connections against the limit. The frame's colour is
   * the instance's state. Draws nothing without a database.
   */
  private drawDatabases(meta: RunMeta, f: FrameData, x0: number, y0: number, W: number, H: number, fs: number): void {
    const n = f.dbs.length / DB_STRIDE;
    const gap = 6;
    const w = (W - gap * (n + 1)) / n;
    if (y0 > 0) this.rect(x0, y0, W, 4, COLOUR.separator, 1);
    const top = y0 + 4 + gap;
    const bh = H - 4 - 2 * gap;
    const small = Math.max(9, fs - 1);
    for (let k = 0; k < n; k++) {
      const o = k * DB_STRIDE;
      const d = f.dbs;
      const db = meta.databases[d[o]!]!;
      const inst = db.instances[d[o + 1]!]!;
      const state = d[o + 2]!;
      const acu = d[o + 3]!;
      const target = d[o + 4]!;
      const util = d[o + 5]!;
      const need = d[o + 6]!;
      const pool = d[o + 7]!;
      const conns = d[o + 8]!;
      const limit = Math.max(1, d[o + 9]!);
      const waitMs = d[o + 10]!;
      const idleMs = d[o + 12]!;
      const colour = DB_STATE_COLOUR[state] ?? COLOUR.acu;
      const x = x0 + gap + k * (w + gap);
      // The frame: four edges in the state's colour (thicker while queries wait).
      const b = state === DBS.STALLED || state === DBS.RESUMING ? 3 : 2;
      this.rect(x, top, w, b, colour, 1);
      this.rect(x, top + bh - b, w, b, colour, 1);
      this.rect(x, top + b, b, bh - 2 * b, colour, 1);
      this.rect(x + w - b, top + b, b, bh - 2 * b, colour, 1);
      this.hit(x, top, w, bh, HIT_DATABASE, k);
      const who = db.instances.length > 1 ? ` · ${inst.id} (${inst.role === 'writer' ? 'writer' : 'reader'})` : '';
      const waiting =
        waitMs > 0 && (state === DBS.RESUMING || state === DBS.STALLED)
          ? ` · queries wait ${Math.ceil(waitMs / 1000)} s`
          : db.autoPause && idleMs > 0
            ? ` · idle ${Math.floor(idleMs / 1000)} of ${db.secondsUntilAutoPause} s before pausing`
            : '';
      this.label(`Aurora ${db.id}${who} · ${DB_STATE_WORDS[state] ?? state}${waiting}`, x + 6, top + 4, fs, colour === COLOUR.acu ? 0xdde3ea : colour);
      const rowsTop = top + fs + 10;
      const rowH = Math.max(6, (bh - (rowsTop - top) - 4) / 4);
      const labelW = Math.min(w * 0.45, small * 19);
      const barX = x + 6 + labelW;
      const barW = Math.max(4, w - 12 - labelW);
      const barH = Math.max(3, Math.min(12, rowH - 6));
      const row = (r: number) => rowsTop + r * rowH;
      const barY = (r: number) => row(r) + (rowH - barH) / 2;
      // Row 0: ACUs, 0 to max.
      const max = Math.max(db.maxAcu, acu, target, 0.5);
      const px = (v: number) => (barW * Math.max(0, Math.min(v, max))) / max;
      const floor = inst.provisioned ? 0 : db.minAcu;
      const needs = inst.provisioned || state === DBS.PAUSED ? '' : acu >= db.maxAcu ? ' · at max' : need !== acu ? ` · needs ${need}` : '';
      this.label(inst.provisioned ? `${acu} ACU equiv. (${inst.instanceClass})` : `${acu} ACU of ${db.minAcu}–${db.maxAcu}${needs}`, x + 6, row(0), small);
      this.rect(barX, barY(0), px(floor), barH, mix(COLOUR.barBg, 0x000000, 0.45), 1);
      this.rect(barX + px(floor), barY(0), barW - px(floor), barH, COLOUR.barBg, 1);
      const shown = state === DBS.RESUMING ? 0 : acu;
      this.rect(barX, barY(0), px(shown), barH, colour, 1);
      if (target > shown) this.rect(barX + px(shown), barY(0), px(target) - px(shown), barH, colour, 0.35);
      if (!inst.provisioned && state !== DBS.PAUSED) this.rect(barX + Math.min(barW - 2, px(need)), barY(0) - 2, 2, barH + 4, COLOUR.marker, 1);
      // Row 1: CPU against the scaling target.
      const tgt = db.targetCpu;
      this.label(`CPU ${Math.round(util * 100)} % (target ${Math.round(tgt * 100)} %)`, x + 6, row(1), small);
      this.rect(barX, barY(1), barW, barH, COLOUR.barBg, 1);
      this.rect(barX, barY(1), barW * Math.min(1, util), barH, util > tgt ? COLOUR.cpuOver : COLOUR.cpu, 1);
      this.rect(barX + barW * tgt, barY(1) - 2, 2, barH + 4, COLOUR.marker, 1);
      // Row 2: the warm pool of the instance's host.
      this.label(inst.provisioned ? 'warm pool: none (fixed size)' : `warm pool ${Math.floor(pool * 2) / 2} of ${db.warmPoolAcu} ACU`, x + 6, row(2), small);
      this.rect(barX, barY(2), barW, barH, COLOUR.barBg, 1);
      if (!inst.provisioned) this.rect(barX, barY(2), (barW * Math.min(pool, db.warmPoolAcu)) / Math.max(0.5, db.warmPoolAcu), barH, COLOUR.pool, 1);
      // Row 3: connections against the limit (and the pause countdown when idle).
      this.label(`connections ${conns} / ${limit}`, x + 6, row(3), small);
      this.rect(barX, barY(3), barW, barH, COLOUR.barBg, 1);
      this.rect(barX, barY(3), barW * Math.min(1, conns / limit), barH, conns >= limit ? COLOUR.throttle : COLOUR.connections, 1);
    }
  }
}

/** Side of the largest square cell such that `n` cells fit in a w × h area. */
export function gridCell(w: number, h: number, n: number): number {
  if (n <= 0 || w <= 0 || h <= 0) return 0;
  let s = Math.sqrt((w * h) / n);
  while (s > 1 && Math.floor(w / s) * Math.floor(h / s) < n) s *= 0.95;
  return Math.max(1, Math.min(s, 120));
}

