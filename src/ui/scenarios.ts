/** The ready scenarios shipped in `scenarios/`, bundled as text by Vite (name → YAML). */
const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const BUNDLED_SCENARIOS: ReadonlyMap<string, string> = new Map(
  Object.entries(files)
    .map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1).replace(/\.yaml$/, ''), text] as const)
    .sort((a, b) => a[0].localeCompare(b[0])),
);
