/**
 * From a field's path to where it is written: a line and column in the scenario file. Values
 * that came from elsewhere (a variant override, SAM Globals) are found where they were written.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** A step in a path: a mapping key or a list index. */
export type PathSegment = string | number;

/** `['Workload', 0, 'Arrivals']` → `Workload[0].Arrivals`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** Where values under `target` were written: at `source` in the same document. */
export interface Overlay {
  target: PathSegment[];
  source: PathSegment[];
  /** Set for variant overrides: issues then carry the source path and no "(in variant)" note. */
  variant?: string;
}

export interface Location {
  line: number;
  column: number;
  path: string;
  /** Set when the problem shows up under a variant but the position is the base file's. */
  inVariant?: string;
}

export class SourceLocator {
  private readonly overlays: Overlay[] = [];
  /** The variant applied, if any: positions of base text then say "(in variant X)". */
  variant: string | undefined;

  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  addOverlay(overlay: Overlay): void {
    this.overlays.push(overlay);
  }

  /** Position of an offset. */
  at(offset: number): { line: number; column: number } {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /**
   * Locates `path`: the node written there, else the nearest enclosing node that exists (the
   * parent mapping for a missing key). With `atKey`, the key of the last step rather than its value.
   */
  locate(path: readonly PathSegment[], atKey = false): Location {
    const overlay = this.overlayFor(path);
    if (overlay) {
      const rest = path.slice(overlay.target.length);
      const sourcePath = [...overlay.source, ...rest];
      const pos = this.position(sourcePath, atKey);
      if (overlay.variant !== undefined) return { ...pos, path: formatPath(sourcePath) };
      return { ...pos, path: formatPath(path), inVariant: this.variant };
    }
    // Problems in the Variants section itself are where the variant is written: no note needed.
    const inVariant = path[0] === 'Variants' ? undefined : this.variant;
    return { ...this.position(path, atKey), path: formatPath(path), inVariant };
  }

  /** The latest overlay covering `path` (later overrides win, as they were applied later). */
  private overlayFor(path: readonly PathSegment[]): Overlay | undefined {
    for (let i = this.overlays.length - 1; i >= 0; i--) {
      const o = this.overlays[i]!;
      if (o.target.length <= path.length && o.target.every((seg, k) => String(seg) === String(path[k]))) return o;
    }
    return undefined;
  }

  private position(path: readonly PathSegment[], atKey: boolean): { line: number; column: number } {
    let node: Node | null | undefined = this.doc.contents;
    let keyNode: Node | undefined;
    let offset = node?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      while (isAlias(node)) node = node.resolve(this.doc);
      let next: Node | null | undefined;
      let nextKey: Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (pair) {
          nextKey = pair.key as Node;
          next = pair.value as Node | null;
          // An empty value (`Properties:`) has no node: point at its key.
          if (!next) {
            return this.at((nextKey as Node).range?.[0] ?? offset);
          }
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg] as Node | undefined;
      }
      if (!next) break;
      node = next;
      keyNode = nextKey;
      offset = (atKey && i === path.length - 1 && keyNode ? keyNode.range?.[0] : node.range?.[0]) ?? offset;
    }
    return this.at(offset);
  }
}
