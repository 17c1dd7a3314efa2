/**
 * The error `loadScenario` throws: every problem found in the file, each with its position.
 */
import type { ScenarioIssue } from './types';

/** `file:line:column: path: message`. */
export function formatIssue(issue: ScenarioIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path === '' ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`;
}

export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];

  constructor(issues: ScenarioIssue[]) {
    const n = issues.length;
    super(`${n} problem${n === 1 ? '' : 's'} in scenario:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}
