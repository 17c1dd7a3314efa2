/**
 * The one place the app reads model fields that are not public. Each accessor is narrowly typed
 * and read-only; the fields listed here are the ones the model owners are asked to expose
 * (see docs/app.md, "Model fields the app reads").
 */
import type { FunctionModel } from '../aws/lambda';

/** The typed arrays of a function's environment rows (FunctionModel private fields `cap`, `state`, `provisionedEnv`, `createdAt`, `initUntil`). */
interface FunctionRows {
  cap: number;
  state: Int8Array;
  provisionedEnv: Uint8Array;
  createdAt: Float64Array;
  initUntil: Float64Array;
}

/** Environment rows of a function: `cap` rows; `state[row]` is an `ES` index (rows with `createdAt < 0` are free). */
export function environmentRows(fn: FunctionModel): Readonly<FunctionRows> {
  return fn as unknown as FunctionRows;
}

/** Something that records latencies (the Simulation's per-service and per-function histograms). */
interface Recorder {
  record(ms: number, count?: number): void;
}

/** Also sends every latency `recorder` receives to `tap` (wraps the instance's `record`; the recorded values are unchanged). */
export function tapLatency(recorder: Recorder, tap: (ms: number, count: number) => void): void {
  const original = recorder.record.bind(recorder);
  recorder.record = (ms: number, count = 1) => {
    tap(ms, count);
    original(ms, count);
  };
}
