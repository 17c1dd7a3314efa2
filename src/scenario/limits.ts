/**
 * Limits the simulator puts on scenario values beyond AWS's own, with why.
 */

/**
 * The most requests per second one workload entry may offer: the simulator does work per
 * request, so a rate beyond this (1,000,000/s, 86 billion a day) would run for hours.
 */
export const MAX_RATE_PER_SECOND = 1_000_000;
