/**
 * Issues as the loader collects them: a path in the document and a message. Positions are looked
 * up once at the end (positions.ts), so every stage reports problems the same way.
 */
import type { PathSegment } from './positions';

export interface PathIssue {
  path: PathSegment[];
  message: string;
  /** Point at the key of the last path step (unknown keys) rather than at its value. */
  atKey?: boolean;
}

/** Collects issues and warnings from every stage of loading. */
export class IssueList {
  readonly issues: PathIssue[] = [];
  readonly warnings: string[] = [];
  /** Paths whose value could not be computed: later checks under them would only repeat the problem. */
  private readonly failed = new Set<string>();

  add(path: PathSegment[], message: string, atKey = false): void {
    this.issues.push({ path: [...path], message, atKey });
  }

  /** Adds an issue and marks `path` as failed. */
  fail(path: PathSegment[], message: string): void {
    this.add(path, message);
    this.failed.add(key(path));
  }

  /** Marks `path` as failed without a new issue (the cause was reported elsewhere). */
  markFailed(path: PathSegment[]): void {
    this.failed.add(key(path));
  }

  /** Whether `path` or one of its ancestors already failed. */
  isUnderFailed(path: readonly PathSegment[]): boolean {
    for (let n = path.length; n >= 1; n--) if (this.failed.has(key(path.slice(0, n)))) return true;
    return false;
  }
}

function key(path: readonly PathSegment[]): string {
  return path.map(String).join('\u0000');
}

/** A readable rendering of a value for messages: `"abc"`, `12`, `a list`, `a mapping`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Formats a number for messages without float noise. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}
