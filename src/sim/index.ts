export { buildReport, type RunVariantOptions, runVariant } from './runVariant';
export { Simulation, type SimulationOptions } from './Simulation';
