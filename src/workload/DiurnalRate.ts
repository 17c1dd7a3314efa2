/**
 * A daily cycle: rate(t) = mid + amp·cos(2π·(hourOfDay(t) − peakAt)/24), between `troughRate` and
 * `peakRate`, highest at hour `peakAtHour` UTC. The hour of day counts from the scenario's Start
 * instant, so a run starting at 06:00 UTC begins six hours into the cycle.
 */
import type { RateCurve } from './RateCurve';

/** One day, ms. */
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const OMEGA = (2 * Math.PI) / DAY_MS;

export class DiurnalRate implements RateCurve {
  private readonly mid: number;
  private readonly amp: number;
  /** Phase offset in [0, DAY_MS): ms from a peak to the Start instant. Kept small so cos() stays accurate. */
  private readonly phaseMs: number;

  /**
   * @param troughRate lowest rate, requests/s
   * @param peakRate   highest rate, requests/s
   * @param peakAtHour hour of day (UTC, 0–24) at which the rate peaks
   * @param startMs    epoch ms (UTC) of the scenario's Start
   */
  constructor(troughRate: number, peakRate: number, peakAtHour: number, startMs: number) {
    this.mid = (peakRate + troughRate) / 2;
    this.amp = (peakRate - troughRate) / 2;
    const p = (startMs - peakAtHour * HOUR_MS) % DAY_MS;
    this.phaseMs = p < 0 ? p + DAY_MS : p;
  }

  rateAt(tMs: number): number {
    return this.mid + this.amp * Math.cos(OMEGA * (tMs + this.phaseMs));
  }

  expectedArrivals(fromMs: number, toMs: number): number {
    if (!(toMs > fromMs)) return 0;
    // ∫cos(ω(t+φ)) = [sin(ω(b+φ)) − sin(ω(a+φ))]/ω, written as a product to avoid cancelling
    // two nearly equal sines over a short tick.
    const half = (OMEGA * (toMs - fromMs)) / 2;
    const centre = OMEGA * ((fromMs + toMs) / 2 + this.phaseMs);
    const cosPart = (2 * Math.cos(centre) * Math.sin(half)) / OMEGA;
    return (this.mid * (toMs - fromMs) + this.amp * cosPart) / 1000;
  }
}
