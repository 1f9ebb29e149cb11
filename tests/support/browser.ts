/**
 * Launches Chromium with a built extension, pointed at the SPSE simulator. Test and demo profiles only:
 * the proxy and the certificate exception below are never part of the product.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { findBrowser } from '../../scripts/ensure-browser';

export interface SimulatorAccess {
  proxyUrl: string;
  spkiHash: string;
}

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** The welcome page opened at install (closed again, so it does not keep the focus from the test's tabs). */
  welcomeShown: boolean;
  profileDir: string;
  worker(): Promise<Target>;
  close(): Promise<void>;
}

export const E2E_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');
export const PROD_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Flags every test profile needs on our machines (toolchain.md) plus the simulator's access. */
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

export async function launchWithExtension(opts: {
  sim: SimulatorAccess;
  extensionDir?: string;
  headless?: boolean;
  executablePath?: string;
  /** Runs in the browser before the extension is installed (e.g. to open SPSE tabs first). */
  beforeInstall?: (browser: Browser) => Promise<void>;
}): Promise<ExtensionBrowser> {
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
  // The install opens the welcome page in a new, focused tab; a page left in the background gets no input
  // events, so the test's own tabs need it gone.
  const welcome = await browser
    .waitForTarget((t) => t.type() === 'page' && t.url() === `chrome-extension://${extensionId}/welcome.html`, { timeout: 10_000 })
    .catch(() => null);
  await (await welcome?.page())?.close();
  return {
    browser,
    extensionId,
    welcomeShown: !!welcome,
    profileDir,
    worker,
    async close() {
      await browser.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The `<spse-assist>` host's stable attributes once the content script has rendered, or null if absent. */
export async function assistantOf(page: Page, timeout = 10_000): Promise<{ pageKind: string; nextAction: string } | null> {
  const handle = await page.waitForSelector('spse-assist[data-page-kind]', { timeout }).catch(() => null);
  if (!handle) return null;
  return handle.evaluate((el) => ({ pageKind: el.getAttribute('data-page-kind') ?? '', nextAction: el.getAttribute('data-next-action') ?? '' }));
}
