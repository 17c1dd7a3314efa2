/**
 * The charts beside the scene (uPlot): load, capacity, latency percentiles and cumulative cost
 * over simulated time, each with its own labelled axes. Fed with the worker's chart samples
 * (SAMPLE_FIELDS numbers each, fixed simulated interval).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { SAMPLE_FIELDS } from './protocol';

interface ChartSpec {
  title: string;
  yLabel: string;
  /** Sample field per series, with its label and colour. */
  series: { field: number; label: string; stroke: string; scale?: string }[];
  y2Label?: string;
  /** Scale of the right-hand axis (default `rate`). */
  y2Scale?: string;
  logY?: boolean;
}

const CAPACITY: ChartSpec['series'] = [
  { field: 4, label: 'tasks running', stroke: '#59a14f' },
  { field: 5, label: 'tasks desired', stroke: '#9ad08f' },
  { field: 6, label: 'instances', stroke: '#9aa7b8' },
  { field: 7, label: 'Lambda concurrency', stroke: '#2ecc71' },
  { field: 8, label: 'Lambda environments', stroke: '#3d8bd9' },
];

const SPECS: ChartSpec[] = [
  {
    title: 'Load',
    yLabel: 'req/s',
    series: [
      { field: 1, label: 'arrivals/s', stroke: '#4e79a7' },
      { field: 2, label: 'failed/s', stroke: '#e15759' },
      { field: 3, label: 'throttled/s', stroke: '#ff9da7' },
    ],
  },
  { title: 'Capacity', yLabel: 'count', series: CAPACITY },
  // The capacity chart of a scenario with Aurora: ACUs on their own axis, on the right.
  {
    title: 'Capacity',
    yLabel: 'count',
    y2Label: 'Aurora ACUs',
    y2Scale: 'acu',
    series: [...CAPACITY, { field: 15, label: 'Aurora ACUs (right axis)', stroke: '#9b59b6', scale: 'acu' }],
  },
  {
    title: 'Latency (each interval)',
    yLabel: 'ms (log)',
    logY: true,
    series: [
      { field: 10, label: 'p50', stroke: '#76b7b2' },
      { field: 11, label: 'p95', stroke: '#edc948' },
      { field: 12, label: 'p99', stroke: '#e15759' },
    ],
  },
  {
    title: 'Cost',
    yLabel: 'USD so far',
    y2Label: 'USD/h',
    series: [
      { field: 13, label: 'cumulative $', stroke: '#f28e2b' },
      { field: 14, label: '$/h', stroke: '#b07aa1', scale: 'rate' },
    ],
  },
];

function timeLabel(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}` : `${m}m${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

/** The charts shown: the capacity chart with or without the Aurora ACU axis. */
const specsFor = (databases: boolean): ChartSpec[] => SPECS.filter((_, i) => i !== (databases ? 1 : 2));

export class Charts {
  private readonly plots: uPlot[] = [];
  private readonly data: number[][][] = [];
  private dirty = false;
  private specs: ChartSpec[];

  constructor(
    private readonly host: HTMLElement,
    private width: number,
    private height: number,
    /** Classroom mode: white axes, a brighter grid and thicker lines on the black page. */
    private contrast = false,
    private databases = false,
  ) {
    this.specs = specsFor(databases);
    this.build();
  }

  /** Shows the Aurora ACU axis (a scenario with a database) or not; rebuilds the charts when that changes. */
  setDatabases(on: boolean): void {
    if (on === this.databases) return;
    this.databases = on;
    this.specs = specsFor(on);
    for (const p of this.plots) p.destroy();
    this.build();
  }

  private build(): void {
    this.host.replaceChildren();
    this.plots.length = 0;
    this.data.length = 0;
    // Both themes are dark (the page is dark; black in classroom mode).
    const axisStroke = this.contrast ? '#ffffff' : '#c9d1db';
    const grid = { stroke: this.contrast ? '#4a4a4a' : '#2b3442', width: 1 };
    const lineWidth = this.contrast ? 2.5 : 1.5;
    for (const spec of this.specs) {
      const div = document.createElement('div');
      div.className = 'chart';
      this.host.appendChild(div);
      const scales: uPlot.Scales = { x: { time: false }, y: spec.logY ? { distr: 3 } : {} };
      const y2 = spec.y2Scale ?? 'rate';
      if (spec.y2Label) scales[y2] = {};
      const axes: uPlot.Axis[] = [
        { label: 'simulated time', stroke: axisStroke, grid, labelSize: 16, size: 34, values: (_u, vals) => vals.map((v) => timeLabel(v)) },
        { label: spec.yLabel, stroke: axisStroke, grid, size: 58, labelSize: 18 },
      ];
      if (spec.y2Label) axes.push({ scale: y2, side: 1, label: spec.y2Label, stroke: axisStroke, grid: { show: false }, size: 56 });
      const opts: uPlot.Options = {
        title: spec.title,
        width: this.width,
        height: this.height,
        scales,
        axes,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        series: [{ label: 'time' }, ...spec.series.map((s) => ({ label: s.label, stroke: s.stroke, width: lineWidth, scale: s.scale ?? 'y', spanGaps: true }))],
      };
      const data: number[][] = [[], ...spec.series.map(() => [])];
      this.data.push(data);
      this.plots.push(new uPlot(opts, data as uPlot.AlignedData, div));
    }
  }

  /** Drops samples from index `from` on (after a seek) and appends new ones. */
  add(samples: Float64Array, from: number): void {
    const n = samples.length / SAMPLE_FIELDS;
    this.specs.forEach((spec, c) => {
      const data = this.data[c]!;
      for (const arr of data) arr.length = Math.min(arr.length, from);
      for (let i = 0; i < n; i++) {
        const o = i * SAMPLE_FIELDS;
        data[0]!.push(samples[o]!);
        spec.series.forEach((s, j) => {
          const v = samples[o + s.field]!;
          // Log scales cannot show 0 or NaN: leave a gap.
          (data[j + 1] as (number | null)[]).push(Number.isFinite(v) && (!spec.logY || v > 0) ? v : null);
        });
      }
    });
    if (n > 0 || from < (this.data[0]?.[0]?.length ?? 0)) this.dirty = true;
  }

  clear(): void {
    for (const d of this.data) for (const arr of d) arr.length = 0;
    this.dirty = true;
  }

  /** Redraws what changed (call a few times a second). */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.plots.forEach((p, i) => {
      p.setData(this.data[i] as uPlot.AlignedData);
    });
  }

  /** Removes the charts (the pane is going away). */
  destroy(): void {
    for (const p of this.plots) p.destroy();
    this.plots.length = 0;
    this.data.length = 0;
    this.host.replaceChildren();
  }

  resize(width: number, height: number, contrast: boolean): void {
    if (width === this.width && height === this.height && contrast === this.contrast) return;
    const saved = this.data.map((d) => d.map((a) => [...a]));
    this.width = width;
    this.height = height;
    this.contrast = contrast;
    for (const p of this.plots) p.destroy();
    this.build();
    saved.forEach((d, i) => {
      d.forEach((a, j) => {
        this.data[i]![j]!.push(...a);
      });
    });
    this.dirty = true;
    this.flush();
  }
}
