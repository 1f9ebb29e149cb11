/**
 * Launches Chromium (CDP) or Firefox (WebDriver BiDi) with a built extension, pointed at the SPSE
 * simulator. The end-to-end suite runs once per browser: the vitest project sets SPSE_E2E_BROWSER. Test and
 * demo profiles only: the proxy and the certificate exception below are never part of the product.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { findBrowser, findFirefox } from '../ensure-browser';

export type BrowserKind = 'chromium' | 'firefox';
/** The browser this run of the end-to-end suite drives. */
export const BROWSER: BrowserKind = process.env.SPSE_E2E_BROWSER === 'firefox' ? 'firefox' : 'chromium';
export const isFirefox = BROWSER === 'firefox';

/** The Firefox add-on id (wxt.config.ts) and a fixed moz-extension UUID for it (test profiles only). */
export const FIREFOX_ADDON_ID = 'spse-assist@spse-assist.id';
const FIREFOX_UUID = '6f1d3c52-5a0e-4c8e-9a7b-2d4e5f6a7b8c';

export interface SimulatorAccess {
  proxyUrl: string;
  spkiHash: string;
}

export interface ExtensionBrowser {
  kind: BrowserKind;
  browser: Browser;
  /** Chromium's extension id, or the fixed moz-extension UUID in Firefox. */
  extensionId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
  /** The address of one of the extension's pages (`popup.html?tab=3`). */
  url(path: string): string;
  /** The welcome page opened at install (closed again, so it does not keep the focus from the test's tabs). */
  welcomeShown: boolean;
  /** Firefox: the color scheme the profile was launched with. */
  colorScheme?: 'light' | 'dark';
  profileDir: string;
  /** Chromium only: the service worker's target (Firefox's MV3 background is an event page, not a target). */
  worker(): Promise<Target>;
  close(): Promise<void>;
}

export const E2E_EXTENSION_DIR = resolve(import.meta.dirname, isFirefox ? '../../.output/firefox-mv3-e2e' : '../../.output/chrome-mv3-e2e');
export const PROD_EXTENSION_DIR = resolve(import.meta.dirname, isFirefox ? '../../.output/firefox-mv3' : '../../.output/chrome-mv3');

/** Flags every test profile needs on machines without a network (background services refused) plus the simulator's access. */
export function chromiumArgs(sim: SimulatorAccess): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    // Every request goes to the simulator; nothing leaves the machine.
    `--proxy-server=${sim.proxyUrl}`,
    '--proxy-bypass-list=<-loopback>',
    // Trust exactly the simulator's certificate, made at its start.
    `--ignore-certificate-errors-spki-list=${sim.spkiHash}`,
    // Keep http:// pages http:// (later tests check that plain-HTTP LPSE look-alikes are flagged).
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeV2ForEngagedSites,HttpsFirstBalancedMode,HttpsFirstModeIncognito',
  ];
}

/** Firefox profile prefs doing what chromiumArgs does: the simulator's proxy, plain http:// kept plain. */
export function firefoxPrefs(sim: SimulatorAccess): Record<string, unknown> {
  const proxy = sim.proxyUrl === 'direct://' ? undefined : new URL(sim.proxyUrl);
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
    // permissions.request() answers without a doorhanger no test can click (the grant itself is real).
    'extensions.webextOptionalPermissionPrompts': false,
    ...(proxy && {
      'network.proxy.type': 1,
      'network.proxy.http': proxy.hostname,
      'network.proxy.http_port': Number(proxy.port),
      'network.proxy.ssl': proxy.hostname,
      'network.proxy.ssl_port': Number(proxy.port),
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    }),
    'dom.security.https_only_mode': false,
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
    'network.stricttransportsecurity.preloadlist': false,
  };
}

export async function launchWithExtension(opts: {
  sim: SimulatorAccess;
  extensionDir?: string;
  headless?: boolean;
  executablePath?: string;
  /** Which browser (default: this run's, BROWSER). */
  kind?: BrowserKind;
  /** Firefox: the profile's `prefers-color-scheme` (Chromium emulates it per page: emulateScheme). */
  colorScheme?: 'light' | 'dark';
  /** Runs in the browser before the extension is installed (e.g. to open SPSE tabs first). */
  beforeInstall?: (browser: Browser) => Promise<void>;
}): Promise<ExtensionBrowser> {
  if ((opts.kind ?? BROWSER) === 'firefox') return launchFirefox(opts);
  const executablePath = opts.executablePath ?? findBrowser();
  if (!executablePath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-browser.ts` or set CHROME_PATH');
  const profileDir = mkdtempSync(join(tmpdir(), 'spse-assist-profile-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: opts.headless ?? true,
    userDataDir: profileDir,
    pipe: true,
    enableExtensions: opts.beforeInstall ? true : [opts.extensionDir ?? E2E_EXTENSION_DIR],
    defaultViewport: { width: 1280, height: 900 },
    args: chromiumArgs(opts.sim),
  });
  if (opts.beforeInstall) {
    await opts.beforeInstall(browser);
    await browser.installExtension(opts.extensionDir ?? E2E_EXTENSION_DIR);
  }
  const worker = () =>
    browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://') && t.url().endsWith('/background.js'), {
      timeout: 20_000,
    });
  const extensionId = new URL((await worker()).url()).host;
  return finish(browser, 'chromium', extensionId, `chrome-extension://${extensionId}`, profileDir, worker);
}

async function launchFirefox(opts: Parameters<typeof launchWithExtension>[0]): Promise<ExtensionBrowser> {
  const executablePath = opts.executablePath ?? findFirefox();
  if (!executablePath) throw new Error('No Firefox found: install Debian\'s firefox-esr or set FIREFOX_PATH');
  const profileDir = mkdtempSync(join(tmpdir(), 'spse-assist-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: opts.headless ?? true,
    userDataDir: profileDir,
    enableExtensions: true,
    // The simulator's certificate, made at its start (Chromium trusts exactly its SPKI instead).
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 900 },
    // Firefox 153+: without it, automation may not open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...firefoxPrefs(opts.sim),
      ...(opts.colorScheme && { 'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1 }),
    },
  });
  await opts.beforeInstall?.(browser);
  // A temporary add-on, as about:debugging loads one; the fixed UUID pref gives its pages a known origin.
  await browser.installExtension(opts.extensionDir ?? E2E_EXTENSION_DIR);
  const worker = () => Promise.reject(new Error('Chromium only: Firefox has no service worker target'));
  return { ...(await finish(browser, 'firefox', FIREFOX_UUID, `moz-extension://${FIREFOX_UUID}`, profileDir, worker)), ...(opts.colorScheme && { colorScheme: opts.colorScheme }) };
}

async function finish(browser: Browser, kind: BrowserKind, extensionId: string, origin: string, profileDir: string, worker: () => Promise<Target>): Promise<ExtensionBrowser> {
  // The install opens the welcome page in a new, focused tab; a page left in the background gets no input
  // events, so the test's own tabs need it gone.
  const welcome = kind === 'chromium' ? await (await browser.waitForTarget((t) => t.type() === 'page' && t.url() === `${origin}/welcome.html`, { timeout: 20_000 }).catch(() => null))?.page() : await firefoxPageAt(browser, `${origin}/welcome.html`);
  await welcome?.close();
  return {
    kind,
    browser,
    extensionId,
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    welcomeShown: !!welcome,
    profileDir,
    worker,
    async close() {
      await browser.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Firefox's BiDi targets keep `about:blank` as the address of a moz-extension:// page: ask each page. */
async function firefoxPageAt(browser: Browser, url: string, timeout = 20_000): Promise<Page | null> {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    for (const page of await browser.pages()) if ((await page.evaluate('location.href').catch(() => '')) === url) return page;
  return null;
}

/**
 * Opens one of the extension's pages in `page`. Chromium navigates as usual; Firefox's BiDi navigation to
 * moz-extension:// never reports its end, so it is started, and the page's own load awaited.
 */
export async function openExtensionPage(ext: ExtensionBrowser, page: Page, path: string): Promise<void> {
  const url = ext.url(path);
  if (ext.kind === 'chromium') {
    await page.goto(url, { waitUntil: 'load' });
    return;
  }
  void page.goto(url, { timeout: 15_000 }).catch(() => {});
  await until(page, `location.href === ${JSON.stringify(url)} && document.readyState === 'complete'`);
}

/**
 * Polls `expression` in the page until it is true. Unlike waitForFunction it outlives an evaluation that
 * fails while the page navigates (Firefox's BiDi then throws an internal error instead of retrying).
 */
async function until(page: Page, expression: string, timeout = 15_000): Promise<void> {
  for (const end = Date.now() + timeout; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if ((await page.evaluate(expression).catch(() => false)) === true) return;
  throw new Error(`timed out waiting for ${expression}`);
}

/** Reloads one of the extension's pages (Firefox: as openExtensionPage, the navigation's end is awaited by hand). */
export async function reloadExtensionPage(ext: ExtensionBrowser, page: Page): Promise<void> {
  if (ext.kind === 'chromium') {
    await page.reload({ waitUntil: 'load' });
    return;
  }
  await page.evaluate('window.__reloading = true; setTimeout(() => location.reload(), 0)');
  await until(page, "!window.__reloading && document.readyState === 'complete'");
}

/** `prefers-color-scheme` for a page: Chromium emulates it per page; Firefox takes it from the profile
 * (launchWithExtension's `colorScheme`), so there this checks the launch asked for it. */
export async function emulateScheme(ext: ExtensionBrowser, page: Page, scheme: 'light' | 'dark'): Promise<void> {
  if (ext.kind === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  else if (ext.colorScheme !== scheme) throw new Error(`launch Firefox with colorScheme: '${scheme}'`);
}

/** The `<spse-assist>` host's stable attributes once the content script has rendered, or null if absent. */
export async function assistantOf(page: Page, timeout = 10_000): Promise<{ pageKind: string; nextAction: string } | null> {
  const handle = await page.waitForSelector('spse-assist[data-page-kind]', { timeout }).catch(() => null);
  if (!handle) return null;
  return handle.evaluate((el) => ({ pageKind: el.getAttribute('data-page-kind') ?? '', nextAction: el.getAttribute('data-next-action') ?? '' }));
}
