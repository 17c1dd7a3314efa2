/**
 * CloudFormation short-form tags (`!Ref`, `!GetAtt`, `!Sub`, ...) for the `yaml` package, and the
 * parse step that uses them. Each tag reads as its long form (`!Ref X` → `{ Ref: X }`,
 * `!GetAtt A.B` → `{ "Fn::GetAtt": ["A", "B"] }`), so both spellings reach the resolver the same.
 * Tagged collections stay collections in the AST, so source positions inside them survive.
 */
import {
  type CollectionTag,
  type Document,
  LineCounter,
  parseDocument,
  type ScalarTag,
  YAMLMap,
  YAMLSeq,
} from 'yaml';

/** Short tags whose long form is `Fn::<Name>`. */
export const FN_TAG_NAMES = [
  'And',
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'GetAZs',
  'GetAtt',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'Or',
  'Select',
  'Split',
  'Sub',
] as const;

/** Every short tag, for messages. */
export const CFN_TAGS_LIST = ['!Ref', '!Condition', ...FN_TAG_NAMES.map((n) => `!${n}`)];

type SeqToJsContext = Parameters<YAMLSeq['toJSON']>[1];
type MapToJsContext = Parameters<YAMLMap['toJSON']>[1];

function seqClass(longName: string) {
  return class IntrinsicSeq extends YAMLSeq {
    // The yaml typings say a sequence turns into an array; a tagged one turns into its long form.
    override toJSON(_?: unknown, ctx?: SeqToJsContext): unknown[] {
      return { [longName]: super.toJSON(_, ctx) } as unknown as unknown[];
    }
  };
}

function mapClass(longName: string) {
  return class IntrinsicMap extends YAMLMap {
    override toJSON(_?: unknown, ctx?: MapToJsContext): Map<unknown, unknown> {
      return { [longName]: super.toJSON(_, ctx) } as unknown as Map<unknown, unknown>;
    }
  };
}

function tagsFor(tag: string, longName: string, scalar: (text: string) => unknown): (ScalarTag | CollectionTag)[] {
  return [
    { tag, identify: () => false, resolve: scalar },
    { tag, collection: 'seq', identify: () => false, nodeClass: seqClass(longName) },
    { tag, collection: 'map', identify: () => false, nodeClass: mapClass(longName) },
  ];
}

/** The custom tags to pass to `parseDocument`. */
export const CFN_YAML_TAGS: (ScalarTag | CollectionTag)[] = [
  { tag: '!Ref', identify: () => false, resolve: (text: string) => ({ Ref: text }) },
  { tag: '!Condition', identify: () => false, resolve: (text: string) => ({ Condition: text }) },
  ...FN_TAG_NAMES.flatMap((name) =>
    tagsFor(`!${name}`, `Fn::${name}`, (text) => {
      if (name === 'GetAtt') {
        const dot = text.indexOf('.');
        return { 'Fn::GetAtt': dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
      }
      return { [`Fn::${name}`]: text };
    }),
  ),
];

/** A YAML syntax problem at a character offset. */
export interface YamlProblem {
  offset: number;
  message: string;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  problems: YamlProblem[];
}

/** Parses one YAML document with CloudFormation tags, keeping positions. Syntax errors and unknown tags are `problems`. */
export function parseScenarioYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    customTags: CFN_YAML_TAGS,
    lineCounter,
    merge: true,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const problems: YamlProblem[] = doc.errors.map((e) => ({ offset: e.pos[0], message: e.message }));
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      problems.push({ offset: w.pos[0], message: `${w.message}; CloudFormation tags: ${CFN_TAGS_LIST.join(', ')}` });
    }
  }
  return { doc, lineCounter, problems };
}
