/**
 * Reads what AWS did with idle execution environments off the measured request logs
 * (data/lambda-traces): how long an environment stayed warm, and why it went. The figures in
 * docs/models/lambda.md ("Idle environments") come from this.
 *
 *   npx tsx scripts/lambda-trace-facts.ts
 *
 * For each environment that stops appearing, the first cold start after its last request shows
 * it was gone by then (Lambda never passes over a warm idle environment to start a new one). It
 * went with the function (nothing ran for 626 s or more in between), as a spare (idle 640 s or
 * more while others ran), at an age of 100–130 minutes, or for no visible reason.
 */
import { TRACED, trace } from '../test/aws/lambda/study';

const LONE_GAP_MS = 626_000;
const min = (ms: number) => ms / 60_000;

const loneCold: number[] = [];
let spareGone = 0;
const ageWindows: string[] = [];
const otherAges: number[] = [];
let maxLoneWarm = 0;
const spareWarm: number[] = [];

for (const name of TRACED) {
  const reqs = trace(name);
  const order = reqs.map((_, i) => i).sort((a, b) => reqs[a]!.startMs - reqs[b]!.startMs || a - b);
  const first = new Map<number, number>();
  const lastEnd = new Map<number, number>();
  const lastIndex = new Map<number, number>();
  for (const [pos, k] of order.entries()) lastIndex.set(reqs[k]!.environment, pos);
  // Periods when nothing ran, as [from, to).
  const quiet: [number, number][] = [];
  let busyUntil = Number.NEGATIVE_INFINITY;
  const settled = new Set<number>();
  order.forEach((k, pos) => {
    const r = reqs[k]!;
    if (r.startMs > busyUntil && busyUntil > Number.NEGATIVE_INFINITY) quiet.push([busyUntil, r.startMs]);
    const quietFor = (from: number, to: number) => quiet.some(([a, b]) => Math.min(b, to) - Math.max(a, from) >= LONE_GAP_MS);
    const env = r.environment;
    if (!r.cold && lastEnd.has(env)) {
      const gap = r.startMs - lastEnd.get(env)!;
      const lone = busyUntil === lastEnd.get(env); // it finished last: nothing ran since
      if (lone) maxLoneWarm = Math.max(maxLoneWarm, gap);
      else if (gap > 640_000) spareWarm.push(gap);
    }
    if (r.cold) {
      for (const [e, end] of lastEnd) {
        if (settled.has(e) || end > r.startMs || lastIndex.get(e)! > pos) continue;
        settled.add(e);
        const age = r.startMs - first.get(e)!;
        const idle = r.startMs - end;
        if (quietFor(end, r.startMs)) loneCold.push(idle);
        else if (idle >= 640_000) spareGone++;
        else if (min(end - first.get(e)!) <= 130 && min(age) >= 100) ageWindows.push(`${min(end - first.get(e)!).toFixed(0)}–${min(age).toFixed(0)}`);
        else otherAges.push(Math.round(min(age)));
      }
    }
    if (!first.has(env)) first.set(env, r.startMs);
    lastEnd.set(env, Math.max(lastEnd.get(env) ?? 0, r.endMs));
    busyUntil = Math.max(busyUntil, r.endMs);
  });
}

console.log(`Logs: ${TRACED.join(', ')}`);
const lc = loneCold.sort((a, b) => a - b);
console.log(
  `Last environment (nothing else ran): warm after up to ${(maxLoneWarm / 1000).toFixed(1)} s idle; ${lc.length} went, found gone after ` +
    `${lc.slice(0, 4).map((g) => (g / 1000).toFixed(1)).join(', ')}, … s idle`,
);
const sw = spareWarm.sort((a, b) => a - b);
console.log(`Spares (others ran meanwhile): warm after more than 640 s idle ${sw.length} times, up to ${(sw[sw.length - 1]! / 1000).toFixed(0)} s; ${spareGone} found gone after 640 s or more`);
console.log(`Gone while idle less than 640 s and others ran, at an age of 100–130 minutes (age at its last request – age when found gone): ${ageWindows.length}`);
console.log(`  ${ageWindows.join(', ')}`);
console.log(`Gone while idle less than 640 s and others ran, at other ages (minutes): ${otherAges.length}: ${otherAges.sort((a, b) => a - b).join(', ')}`);
