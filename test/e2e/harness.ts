/**
 * What the browser tests, the UI benchmark and the screenshot script share: find (or install)
 * Chromium, build the app once, serve dist/app over http on 127.0.0.1, launch headless Chromium
 * with the software-WebGL flags known to work (shared/reference/tooling.md).
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const APP_DIR = join(ROOT, 'dist/app');

const INSTALL = 'apt-get update && apt-get install -y chromium';

/** The Chromium to drive: $CHROMIUM_PATH, /usr/bin/chromium, or one installed now (Debian, as root); else throws with the command to run. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  for (const p of candidates) if (existsSync(p)) return p;
  const debian = existsSync('/etc/debian_version');
  const root = process.getuid?.() === 0;
  if (debian && root) {
    execSync(INSTALL, { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(`No Chromium found (looked at $CHROMIUM_PATH and /usr/bin/chromium). Install it with:\n  sudo ${INSTALL}\nor set CHROMIUM_PATH to a Chromium binary.`);
}

/** Builds the app into dist/app (always: a stale build would test old code). */
export function buildApp(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.yaml': 'text/yaml; charset=utf-8',
};

/** Serves `dir` on 127.0.0.1 (a free port); resolves to the server and its base URL. */
export function serveStatic(dir = APP_DIR): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!.split('#')[0]!);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    ok({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
  }));
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

/** Launches headless Chromium with a fresh profile. */
export async function launch(viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'clustersim-chromium-')), {
    executablePath: findChromium(),
    headless: true,
    viewport,
    args: CHROMIUM_ARGS,
  });
}

/** Console errors and page errors of a page, collected from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export interface Hooks {
  ready: boolean;
  renderer: string;
  nowMs: number;
  opened: number;
  frames: number;
  errors: number;
  panes: { nowMs: number; costUsd: number; reportCostUsd: number | null; frames: number; particles: number }[];
  caption: { atMs: number; kind: string; text: string } | null;
}

/** The app's test hooks (window.__clustersim). */
export function hooks(page: Page): Promise<Hooks> {
  return page.evaluate(() => (window as unknown as { __clustersim: Hooks }).__clustersim);
}

/** Waits until the app is ready and the first frame of a run has been drawn. */
export async function waitForRun(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => {
    const h = (window as unknown as { __clustersim?: Hooks }).__clustersim;
    return h?.ready === true && h.panes.length > 0 && h.panes.every((p) => p.frames > 0);
  }, undefined, { timeout });
}
