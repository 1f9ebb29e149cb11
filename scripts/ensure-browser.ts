/**
 * Finds a Chromium/Chrome for the tests and the demo, or gets one:
 *   1. CHROME_PATH, if set (must exist);
 *   2. a system Chromium or Chrome;
 *   3. where the internet is reachable: Chrome for Testing through @puppeteer/browsers (into .cache/);
 *   4. where it is not and we are root with apt: Debian's `chromium` package;
 *   otherwise stops with a one-line instruction.
 * Firefox (the end-to-end suite runs in both): FIREFOX_PATH, a system Firefox, or Debian's firefox-esr with apt.
 * Used as a module (`ensureBrowser()`, `ensureFirefox()`) and as a command (`tsx scripts/ensure-browser.ts
 * [--firefox]` prints the paths).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** `$VAR` if set (it must exist), else the first candidate path that exists. */
function fromEnvOrCandidates(env: NodeJS.ProcessEnv, variable: string, candidates: readonly string[]): string | undefined {
  const set = env[variable];
  if (set) {
    if (!existsSync(set)) throw new Error(`${variable}=${set} does not exist`);
    return set;
  }
  return candidates.find((p) => existsSync(p));
}

export const findBrowser = (env: NodeJS.ProcessEnv = process.env) => fromEnvOrCandidates(env, 'CHROME_PATH', CANDIDATES);

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** Firefox for the end-to-end suite's second run: FIREFOX_PATH, or a system Firefox (Debian's firefox-esr). */
export const findFirefox = (env: NodeJS.ProcessEnv = process.env) => fromEnvOrCandidates(env, 'FIREFOX_PATH', FIREFOX_CANDIDATES);

/** Where we are root with apt: installs a Debian package, then looks again. */
function aptInstall(pkg: string, find: () => string | undefined): string | undefined {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) return undefined;
  say(`installing Debian's ${pkg} with apt-get …`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return find();
}

/** Finds Firefox, or installs Debian's firefox-esr where we are root with apt. */
export function ensureFirefox(): string {
  const path = findFirefox() ?? aptInstall('firefox-esr', findFirefox);
  if (!path) throw new Error('No Firefox found: install one (e.g. `sudo apt-get install firefox-esr`) or set FIREFOX_PATH=/path/to/firefox');
  return path;
}

async function internetReachable(): Promise<boolean> {
  try {
    const res = await fetch('https://storage.googleapis.com/chrome-for-testing-public/', { method: 'HEAD', signal: AbortSignal.timeout(4000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

const say = (line: string) => console.error(`[browser] ${line}`);

export async function ensureBrowser(): Promise<string> {
  const found = findBrowser();
  if (found) return found;
  if (await internetReachable()) {
    say('no Chromium or Chrome found: downloading Chrome for Testing (stable) into .cache/chrome …');
    const { install, resolveBuildId, detectBrowserPlatform, Browser } = await import('@puppeteer/browsers');
    const platform = detectBrowserPlatform();
    if (!platform) throw new Error('unsupported platform for Chrome for Testing');
    const buildId = await resolveBuildId(Browser.CHROME, platform, 'stable');
    const installed = await install({ browser: Browser.CHROME, buildId, cacheDir: resolve(root, '.cache/chrome') });
    say(`installed Chrome for Testing ${buildId}: ${installed.executablePath}`);
    return installed.executablePath;
  }
  const installed = aptInstall('chromium', findBrowser);
  if (installed) return installed;
  throw new Error('No Chromium or Chrome found: install one (e.g. `sudo apt-get install chromium`) or set CHROME_PATH=/path/to/chrome');
}

// `tsx scripts/ensure-browser.ts` prints Chromium's path; with `--firefox` also Firefox's (npm test needs both).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBrowser().then(
    (path) => console.log(process.argv.includes('--firefox') ? `${path}\n${ensureFirefox()}` : path),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
