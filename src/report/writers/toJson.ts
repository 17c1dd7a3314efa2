/**
 * The JSON writer: the report with keys in the documented order, 2-space indent, trailing newline.
 * Same report, same bytes. Series points (`[t, mean, max]`) are kept on one line each.
 */
import type { Report } from '../model';
import { canonicalReport } from './canonicalReport';

const NUM = '(-?\\d[\\d.eE+-]*|null)';
// Literal newlines occur only in JSON's own indentation, never inside strings, so this only
// matches arrays of three numbers laid out by JSON.stringify.
const TRIPLE = new RegExp(`\\[\\n\\s*${NUM},\\n\\s*${NUM},\\n\\s*${NUM}\\n\\s*\\]`, 'g');

/** `report` as JSON text. Non-finite numbers (which a report should not hold) come out as `null`, as JSON does. */
export function toJson(report: Report): string {
  const text = JSON.stringify(canonicalReport(report), null, 2);
  return `${text.replace(TRIPLE, '[$1, $2, $3]')}\n`;
}
