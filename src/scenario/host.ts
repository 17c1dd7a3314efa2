/**
 * The few things the loader needs from the host: reading a text file and resolving paths.
 * Node's `fs`/`path` are reached lazily through `process.getBuiltinModule`, so this module
 * imports nothing from Node and the browser build works (there, pass `readFile`).
 */

/** Reads a UTF-8 text file; throws when it cannot. */
export type ReadFile = (path: string) => string;

function nodeModule<T>(id: 'node:fs' | 'node:path'): T {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.(id);
  if (!mod) throw new Error(`no file system here: pass opts.readFile to read files`);
  return mod as T;
}

/** Reads with Node's fs. */
export const readFileFromDisk: ReadFile = (path) =>
  nodeModule<{ readFileSync(p: string, enc: 'utf8'): string }>('node:fs').readFileSync(path, 'utf8');

/** The absolute form of `path` (Node only). */
export function absolutePath(path: string): string {
  return nodeModule<{ resolve(p: string): string }>('node:path').resolve(path);
}

/** `rel` resolved against the directory of `file`, without Node's path module. */
export function siblingPath(file: string, rel: string): string {
  if (rel.startsWith('/') || /^[A-Za-z]:[\\/]/.test(rel)) return rel;
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? rel : `${file.slice(0, cut + 1)}${rel}`;
}

/** `dir/web-api.yaml` → `web-api`. */
export function baseName(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(cut + 1).replace(/\.[^.]*$/, '');
}
