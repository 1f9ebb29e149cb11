/**
 * `npm start`: builds the extension, starts the local SPSE simulator, and opens Chromium with the extension
 * loaded and a fresh profile on the simulator's LPSE list page.
 * With a display: a normal window, until you close it or press Ctrl+C.
 * Without one (a server, CI): headless; walks one scripted penyedia through a login, saves screenshots and
 * prints their paths.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { startSimulator, type Simulator } from './simulator/server';
import { assistantOf, launchWithExtension, type ExtensionBrowser } from './support/browser';
import { walkLogin } from './support/login';
import { ensureBrowser } from './ensure-browser';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

async function main() {
  console.log('[start] building the extension (.output/chrome-mv3-e2e: legacy LPSE addresses granted, for the demo)');
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const executablePath = await ensureBrowser();
  const sim = await startSimulator();
  console.log(`[start] SPSE simulator: proxy ${sim.proxyUrl}; LPSEs:`);
  for (const l of sim.lpses) console.log(`          ${l.baseUrl}  (${l.name}, SPSE ${l.generation})`);
  const ext = await launchWithExtension({ sim, headless: !hasDisplay, executablePath });
  const stop = async () => {
    await ext.close();
    await sim.close();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));

  if (hasDisplay) {
    const [first] = await ext.browser.pages();
    const page = first ?? (await ext.browser.newPage());
    await page.goto(sim.listUrl);
    console.log(`[start] Chromium is open on ${sim.listUrl} with SPSE Assist loaded. Accounts: see README. Ctrl+C to stop.`);
    ext.browser.on('disconnected', () => void sim.close().then(() => process.exit(0)));
    return;
  }
  try {
    const shots = await headlessTour(ext, sim);
    console.log('[start] no display: ran headless. Screenshots:');
    for (const s of shots) console.log(s);
  } finally {
    await stop();
  }
}

async function headlessTour(ext: ExtensionBrowser, sim: Simulator): Promise<string[]> {
  const dir = join(root, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const shots: string[] = [];
  const page = await ext.browser.newPage();
  const shoot = async (p: Page, name: string) => {
    const path = join(dir, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    await p.screenshot({ path });
    const a = await p.$('spse-assist') ? await assistantOf(p, 2000) : null;
    shots.push(a ? `${path}  (page kind: ${a.pageKind}, next action: ${a.nextAction || '—'})` : path);
  };
  await page.goto(sim.listUrl, { waitUntil: 'load' });
  await shoot(page, 'lpse-list');
  const account = sim.accounts[0]!;
  const lpse = sim.lpses.find((l) => account.homeLpses.includes(l.baseUrl)) ?? sim.lpses[0]!;
  await walkLogin(page, lpse, account, {
    onStep: async (name) => {
      // The chooser is loaded into the modal after a click: give the assistant its moment to see it.
      if (name === 'chooser') await page.waitForSelector('spse-assist[data-page-kind="login"]', { timeout: 5000 }).catch(() => {});
      await shoot(page, name);
    },
  });
  for (const other of sim.lpses.filter((l) => l.generation !== '4.5')) {
    await page.goto(other.baseUrl, { waitUntil: 'load' });
    await assistantOf(page, 5000);
    await shoot(page, `home-${new URL(other.baseUrl).hostname}`);
  }
  return shots;
}

main().catch((e: Error) => {
  console.error(`[start] ${e.message}`);
  process.exit(1);
});
