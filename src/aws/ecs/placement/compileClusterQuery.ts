/**
 * The subset of ECS's cluster query language that `memberOf` constraints use, compiled once to
 * a predicate over instances.
 *
 * Grammar (keywords and operator words are case-sensitive, as in ECS):
 *   expr       := or
 *   or         := and (('or' | '||') and)*
 *   and        := unary (('and' | '&&') unary)*
 *   unary      := ('not' | '!') unary | '(' expr ')' | comparison
 *   comparison := subject operator [argument]
 *   subject    := 'attribute:'<name> | 'ec2InstanceId' | 'runningTasksCount'
 *   operator   := == equals | != not_equals | exists | !exists not_exists | in | !in not_in
 *               | =~ matches | !~ not_matches | > greater_than | >= greater_than_equal
 *               | < less_than | <= less_than_equal   (ordering: runningTasksCount only)
 *   argument   := value | '[' value (',' value)* ']'      (lists for in / not_in)
 *   value      := bare word | 'single' or "double" quoted
 *
 * Values of ==, !=, in and not_in may hold `*`, matching any run of characters (`t3.*`).
 * Arguments of =~ / !~ are regular expressions that must match the whole value (ECS documents
 * Java regex; the common subset behaves the same in JavaScript).
 */
import { attributeReader } from './attributeReader';
import { PlacementExpressionError } from './PlacementExpressionError';
import type { PlacementInstance } from './types';

/** A compiled cluster query: does the instance belong to the group? */
export type InstancePredicate = (inst: PlacementInstance) => boolean;

type StringReader = (inst: PlacementInstance) => string | undefined;
type ValueTest = (value: string) => boolean;

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  equals: '==',
  not_equals: '!=',
  exists: 'exists',
  not_exists: '!exists',
  in: 'in',
  not_in: '!in',
  matches: '=~',
  not_matches: '!~',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
};
const SYMBOL_OPERATORS = ['!exists', '!in', '==', '!=', '=~', '!~', '>=', '<=', '>', '<'];
const ORDERING = new Set(['>', '>=', '<', '<=']);

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && !/[\s()[\],'"=!~<>&|]/.test(c);
}

/**
 * Compiles `expression` to a predicate. Throws `PlacementExpressionError` naming the 0-based
 * position of the first thing it cannot read.
 */
export function compileClusterQuery(expression: string): InstancePredicate {
  return new QueryParser(expression).parse();
}

class QueryParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): InstancePredicate {
    const p = this.parseOr();
    this.skipWs();
    if (this.pos < this.src.length) this.fail(`unexpected '${this.src[this.pos]}'`, this.pos);
    return p;
  }

  private fail(detail: string, at: number): never {
    throw new PlacementExpressionError(detail, this.src, at);
  }

  private skipWs(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos]!)) this.pos++;
  }

  /** Consumes `word` if it stands alone at the cursor (not the start of a longer word). */
  private keyword(word: string): boolean {
    if (!this.src.startsWith(word, this.pos) || isWordChar(this.src[this.pos + word.length])) return false;
    this.pos += word.length;
    return true;
  }

  private symbol(sym: string): boolean {
    if (!this.src.startsWith(sym, this.pos)) return false;
    this.pos += sym.length;
    return true;
  }

  private word(): string {
    const start = this.pos;
    while (isWordChar(this.src[this.pos])) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private parseOr(): InstancePredicate {
    let left = this.parseAnd();
    for (;;) {
      this.skipWs();
      if (!this.symbol('||') && !this.keyword('or')) return left;
      const a = left;
      const b = this.parseAnd();
      left = (inst) => a(inst) || b(inst);
    }
  }

  private parseAnd(): InstancePredicate {
    let left = this.parseUnary();
    for (;;) {
      this.skipWs();
      if (!this.symbol('&&') && !this.keyword('and')) return left;
      const a = left;
      const b = this.parseUnary();
      left = (inst) => a(inst) && b(inst);
    }
  }

  private parseUnary(): InstancePredicate {
    this.skipWs();
    if (this.keyword('not') || (this.src[this.pos] === '!' && this.symbol('!'))) {
      const inner = this.parseUnary();
      return (inst) => !inner(inst);
    }
    if (this.symbol('(')) {
      const open = this.pos - 1;
      const inner = this.parseOr();
      this.skipWs();
      if (!this.symbol(')')) this.fail(`expected ')' to close the '(' at position ${open}`, this.pos);
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): InstancePredicate {
    this.skipWs();
    const subjectAt = this.pos;
    const subject = this.word();
    if (subject === '') this.fail('expected a subject (attribute:<name>, ec2InstanceId or runningTasksCount)', subjectAt);
    if (subject === 'runningTasksCount') return this.parseCountComparison();
    let read: StringReader;
    if (subject === 'ec2InstanceId') read = (inst) => inst.id;
    else if (subject.startsWith('attribute:') && subject.length > 'attribute:'.length)
      read = attributeReader(subject.slice('attribute:'.length));
    else this.fail(`unsupported subject '${subject}'`, subjectAt);

    const [op, opAt] = this.parseOperator();
    if (ORDERING.has(op)) this.fail(`operator '${op}' applies only to runningTasksCount`, opAt);
    switch (op) {
      case 'exists':
        return (inst) => read(inst) !== undefined;
      case '!exists':
        return (inst) => read(inst) === undefined;
      case '==':
      case '!=': {
        const test = this.valueTest(this.parseValue());
        if (op === '==') return (inst) => matchesIfPresent(read(inst), test);
        return (inst) => !matchesIfPresent(read(inst), test);
      }
      case 'in':
      case '!in': {
        const tests = this.parseList().map((v) => this.valueTest(v));
        const anyOf: ValueTest = (v) => {
          for (let i = 0; i < tests.length; i++) if (tests[i]!(v)) return true;
          return false;
        };
        if (op === 'in') return (inst) => matchesIfPresent(read(inst), anyOf);
        return (inst) => !matchesIfPresent(read(inst), anyOf);
      }
      default: {
        // =~ and !~
        const re = this.parsePattern();
        const test: ValueTest = (v) => re.test(v);
        if (op === '=~') return (inst) => matchesIfPresent(read(inst), test);
        return (inst) => !matchesIfPresent(read(inst), test);
      }
    }
  }

  private parseCountComparison(): InstancePredicate {
    const [op, opAt] = this.parseOperator();
    const num = (v: { text: string; at: number }): number => {
      const n = Number(v.text);
      if (v.text === '' || !Number.isFinite(n)) this.fail(`expected a number, found '${v.text}'`, v.at);
      return n;
    };
    switch (op) {
      case '==':
      case '!=':
      case '>':
      case '>=':
      case '<':
      case '<=': {
        const n = num(this.parseValue());
        if (op === '==') return (inst) => inst.taskCount === n;
        if (op === '!=') return (inst) => inst.taskCount !== n;
        if (op === '>') return (inst) => inst.taskCount > n;
        if (op === '>=') return (inst) => inst.taskCount >= n;
        if (op === '<') return (inst) => inst.taskCount < n;
        return (inst) => inst.taskCount <= n;
      }
      case 'in':
      case '!in': {
        const set = new Set(this.parseList().map(num));
        if (op === 'in') return (inst) => set.has(inst.taskCount);
        return (inst) => !set.has(inst.taskCount);
      }
      default:
        return this.fail(`operator '${op}' does not apply to runningTasksCount`, opAt);
    }
  }

  /** The operator in its symbolic spelling, and where it starts. */
  private parseOperator(): [string, number] {
    this.skipWs();
    const at = this.pos;
    for (const sym of SYMBOL_OPERATORS) {
      // `!in` / `!exists` only as whole words (so `!inx` is not `!in` followed by `x`).
      if (sym[0] === '!' && /[a-z]/.test(sym[1]!)) {
        if (this.symbol('!')) {
          if (this.keyword(sym.slice(1))) return [sym, at];
          this.pos = at;
        }
        continue;
      }
      if (this.symbol(sym)) return [sym, at];
    }
    const w = this.word();
    const op = OPERATOR_WORDS[w];
    if (op === undefined) this.fail(w === '' ? 'expected an operator' : `unknown operator '${w}'`, at);
    return [op, at];
  }

  private parseValue(): { text: string; at: number } {
    this.skipWs();
    const at = this.pos;
    const q = this.src[at];
    if (q === "'" || q === '"') {
      const end = this.src.indexOf(q, at + 1);
      if (end < 0) this.fail('unterminated quoted value', at);
      this.pos = end + 1;
      return { text: this.src.slice(at + 1, end), at };
    }
    const text = this.word();
    if (text === '') this.fail('expected a value', at);
    return { text, at };
  }

  private parseList(): { text: string; at: number }[] {
    this.skipWs();
    if (!this.symbol('[')) this.fail("expected '[' to start a list of values", this.pos);
    const values = [this.parseValue()];
    for (;;) {
      this.skipWs();
      if (this.symbol(']')) return values;
      if (!this.symbol(',')) this.fail("expected ',' or ']' in the list of values", this.pos);
      values.push(this.parseValue());
    }
  }

  /**
   * A regular expression argument. Unquoted, it runs to the next blank or to a ')' that closes
   * an enclosing group, so `(attribute:x =~ (a|b).*)` reads as intended.
   */
  private parsePattern(): RegExp {
    this.skipWs();
    const at = this.pos;
    let source: string;
    const q = this.src[at];
    if (q === "'" || q === '"') {
      source = this.parseValue().text;
    } else {
      let depth = 0;
      let inClass = false;
      while (this.pos < this.src.length) {
        const c = this.src[this.pos]!;
        if (/\s/.test(c)) break;
        if (c === '\\') this.pos++;
        else if (inClass) inClass = c !== ']';
        else if (c === '[') inClass = true;
        else if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        }
        this.pos++;
      }
      source = this.src.slice(at, this.pos);
      if (source === '') this.fail('expected a pattern', at);
    }
    try {
      return new RegExp(`^(?:${source})$`);
    } catch (e) {
      return this.fail(`invalid pattern (${(e as Error).message})`, at);
    }
  }

  /** Exact match, or a wildcard match when the value holds `*`. */
  private valueTest(v: { text: string; at: number }): ValueTest {
    const text = v.text;
    if (!text.includes('*')) return (s) => s === text;
    const re = new RegExp(`^${text.split('*').map(escapeRegExp).join('.*')}$`);
    return (s) => re.test(s);
  }
}

function matchesIfPresent(value: string | undefined, test: ValueTest): boolean {
  return value !== undefined && test(value);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
