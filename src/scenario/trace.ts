/**
 * Trace files for the `trace` arrival pattern: a CSV with a header and rows
 * `seconds_from_start,count`. Errors carry the CSV's own line and column.
 */
import { MAX_RATE_PER_SECOND } from './limits';

export interface TraceData {
  /** Start of each row's interval, ms since Start, strictly increasing. */
  TimesMs: number[];
  /** Arrivals in each interval. */
  Counts: number[];
}

export interface TraceProblem {
  line: number;
  column: number;
  message: string;
}

const NUMBER_RE = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Parses a trace CSV. Returns the data, or every problem found. */
export function parseTraceCsv(text: string): TraceData | { problems: TraceProblem[] } {
  const problems: TraceProblem[] = [];
  const TimesMs: number[] = [];
  const Counts: number[] = [];
  const countCells: { line: number; column: number }[] = [];
  const lines = text.split(/\r?\n/);
  let headerSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const lineNo = i + 1;
    const cells = splitCells(line);
    if (!headerSeen) {
      headerSeen = true;
      if (cells.length === 2 && cells.every((c) => NUMBER_RE.test(c.text))) {
        problems.push({ line: lineNo, column: 1, message: 'missing header: the first line must be `seconds_from_start,count`' });
      } else continue;
    }
    if (cells.length !== 2) {
      problems.push({ line: lineNo, column: 1, message: `expected 2 columns (seconds_from_start,count), got ${cells.length}` });
      continue;
    }
    const [t, c] = cells as [Cell, Cell];
    const seconds = NUMBER_RE.test(t.text) ? Number(t.text) : Number.NaN;
    const count = NUMBER_RE.test(c.text) ? Number(c.text) : Number.NaN;
    let ok = true;
    if (!(seconds >= 0)) {
      problems.push({ line: lineNo, column: t.column, message: `seconds_from_start must be a number ≥ 0, got "${t.text}"` });
      ok = false;
    } else if (TimesMs.length > 0 && seconds * 1000 <= TimesMs[TimesMs.length - 1]!) {
      problems.push({ line: lineNo, column: t.column, message: `seconds_from_start must increase from row to row, got ${t.text} after ${TimesMs[TimesMs.length - 1]! / 1000}` });
      ok = false;
    }
    if (!(Number.isInteger(count) && count >= 0)) {
      problems.push({ line: lineNo, column: c.column, message: `count must be a whole number ≥ 0, got "${c.text}"` });
      ok = false;
    }
    if (ok) {
      TimesMs.push(Math.round(seconds * 1000));
      Counts.push(count);
      countCells.push({ line: lineNo, column: c.column });
    }
  }
  // A row's count is spread over its interval (the last row lasts one second): keep the rate sane.
  for (let i = 0; i < Counts.length; i++) {
    const intervalS = i + 1 < TimesMs.length ? (TimesMs[i + 1]! - TimesMs[i]!) / 1000 : 1;
    if (Counts[i]! / intervalS > MAX_RATE_PER_SECOND) {
      const at = countCells[i]!;
      problems.push({
        line: at.line,
        column: at.column,
        message: `count ${Counts[i]} in ${intervalS} s is more than ${MAX_RATE_PER_SECOND.toLocaleString('en-US')} requests per second (the simulator's limit per workload entry)`,
      });
    }
  }
  if (problems.length > 0) return { problems };
  if (TimesMs.length === 0) return { problems: [{ line: 1, column: 1, message: 'no rows: expected `seconds_from_start,count` rows after the header' }] };
  return { TimesMs, Counts };
}

interface Cell {
  text: string;
  /** 1-based column of the cell's first non-blank character. */
  column: number;
}

function splitCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (const raw of line.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), column: start + lead + 1 });
    start += raw.length + 1;
  }
  return cells;
}
