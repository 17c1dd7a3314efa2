/**
 * The shareable link: everything that decides a run, in the URL fragment —
 * `#scenario=flash-sale&variant=base&seed=7&knobs=load:1.5,launch:FARGATE&t=3600&speed=600&compare=fargate&classroom=1`.
 * A scenario opened from a file travels as `scenario=file:<name>&text=<base64url of the YAML>`.
 * `t` is the simulated time in seconds; opening the link runs to that moment and pauses there.
 */
import { decodeKnobs, encodeKnobs, type Knobs } from './knobs';

export interface AppState {
  /** A bundled scenario's name, or `file:<name>` for one opened from disk. */
  scenario: string;
  variant: string;
  /** Overrides the scenario's Seed (undefined: as written). */
  seed?: number;
  knobs: Knobs;
  /** Simulated time, ms. */
  tMs: number;
  speed: number;
  classroom: boolean;
  /** Second variant shown side by side ('' for none). */
  compare: string;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function stateToHash(s: AppState, fileText?: string): string {
  const p = new URLSearchParams();
  p.set('scenario', s.scenario);
  p.set('variant', s.variant);
  if (s.seed !== undefined) p.set('seed', String(s.seed));
  const k = encodeKnobs(s.knobs);
  if (k !== '') p.set('knobs', k);
  p.set('t', String(s.tMs / 1000));
  p.set('speed', String(s.speed));
  if (s.compare !== '') p.set('compare', s.compare);
  if (s.classroom) p.set('classroom', '1');
  if (s.scenario.startsWith('file:') && fileText !== undefined) p.set('text', toBase64Url(fileText));
  return p.toString();
}

/** The state a fragment describes (missing keys keep their defaults). */
export function parseHash(hash: string): { state: Partial<AppState>; text?: string } {
  const p = new URLSearchParams(hash);
  const out: Partial<AppState> = {};
  const scenario = p.get('scenario');
  if (scenario) out.scenario = scenario;
  out.variant = p.get('variant') || 'base';
  const seed = Number(p.get('seed'));
  out.seed = p.has('seed') && Number.isInteger(seed) ? seed : undefined;
  out.knobs = decodeKnobs(p.get('knobs') ?? '');
  const t = Number(p.get('t'));
  out.tMs = Number.isFinite(t) && t > 0 ? Math.round(t * 1000) : 0;
  const speed = Number(p.get('speed'));
  if (Number.isFinite(speed) && speed > 0) out.speed = speed;
  out.compare = p.get('compare') ?? '';
  out.classroom = p.get('classroom') === '1';
  const text = p.get('text');
  let decoded: string | undefined;
  if (text) {
    try {
      decoded = fromBase64Url(text);
    } catch {
      decoded = undefined;
    }
  }
  return { state: out, text: decoded };
}
