// Trust and safety, proven in Chromium and Firefox against the simulator: the phishing guard on look-alike
// and plain-HTTP addresses, no password anywhere and (Chromium: DevTools protocol) no network request from
// the extension, hostile page text shown as text, and 20 LPSE tabs at once. Each test uses a fresh profile.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, HTTPRequest, Page } from 'puppeteer-core';
import { LOOKALIKES, startSimulator, type Simulator } from '../../scripts/simulator/server';
import { assistantOf, launchWithExtension, openExtensionPage, type ExtensionBrowser } from '../../scripts/support/browser';
import { extensionPage, registryOf, sendFrom, stopServiceWorker } from '../../scripts/support/extension';
import { walkLogin } from '../../scripts/support/login';
import { chromiumOnly } from '../support/only';

let sim: Simulator;
let ext: ExtensionBrowser | undefined;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim?.close());
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  sim.reset();
});
const fresh = async () => (ext = await launchWithExtension({ sim }));
const shadowText = (page: Page) => page.$eval('spse-assist', (el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

describe('phishing guard', () => {
  const addresses = [
    ...LOOKALIKES.map((l) => `https://${l.host}/eproc4/login`),
    ...LOOKALIKES.map((l) => `https://${l.host}/eproc4/`), // a look-alike home: its login form waits in a closed modal
    'http://lpse.jatengprov.go.id/eproc4/login', // a real LPSE, but not over HTTPS
    'http://lpse.kepahiangkab.go.id/eproc/login',
  ];
  it.each(addresses)('%s: suspicious-site, a clear warning, no fill offered, nothing learned', async (url) => {
    await fresh();
    const page = await ext!.browser.newPage();
    const res = await page.goto(url, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    expect(new URL(page.url()).protocol).toBe(new URL(url).protocol); // http stays http in test profiles
    expect(await assistantOf(page)).toMatchObject({ nextAction: 'suspicious-site' });
    const text = await shadowText(page);
    expect(text).toContain('Hati-hati');
    expect(text).not.toMatch(/Isi User ID/);
    // typing and submitting a User ID there teaches the extension nothing
    if (await page.$('input[name="txtUserId"]:not([type="hidden"])')) {
      const field = (await page.$('#txtUserId')) ?? (await page.$('#userid'));
      if (field && (await field.isVisible())) {
        await field.type('SENTOSA01');
        await page.evaluate(() => document.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
      }
    }
    const reg = await registryOf(ext!);
    expect([reg.lpses, reg.accounts, reg.attempts, reg.problems, reg.observations].flat()).toEqual([]);
  });
});

/**
 * Everything the extension keeps, read from inside one of its own contexts (a page or the service worker):
 * every IndexedDB store, storage.local/session/sync, and the messages recorded in `__seen` if any.
 */
const DUMP_EXTENSION_STATE = `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const dbs = {};
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    for (const store of Array.from(db.objectStoreNames))
      dbs[info.name + '/' + store] = await new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
    db.close();
  }
  return JSON.stringify({ dbs, local: await api.storage.local.get(null), session: await api.storage.session.get(null), sync: await api.storage.sync.get(null), messages: globalThis.__seen ?? [] });
})()`;

const SENTINEL = 'Sentinel-Pw-93f1c7';

/** Every scripted account walked twice: with the sentinel typed at the password step, then the real flow. */
async function walkEveryAccount(page: Page): Promise<void> {
  for (const account of sim.accounts) {
    const home = sim.lpses.find((l) => l.baseUrl === account.homeLpses[0]) ?? sim.lpses[0]!;
    await walkLogin(page, home, account, { password: SENTINEL });
    await walkLogin(page, home, account);
  }
}

describe('no leaks', () => {
  it('a sentinel password typed for every scripted account is nowhere: IndexedDB, extension storage', async () => {
    await fresh();
    await walkEveryAccount(await ext!.browser.newPage());
    const helper = await extensionPage(ext!);
    const everything = (await helper.evaluate(DUMP_EXTENSION_STATE)) as string;
    // the search is real: the registry holds what the walks produced
    expect(Object.keys((JSON.parse(everything) as { dbs: object }).dbs)).toContain('spse-assist/accounts');
    expect(everything).toContain('SENTOSA01');
    expect(everything).not.toContain(SENTINEL);
    expect(everything).not.toContain(sim.accounts[0]!.password);
  }, 150_000); // a login walk for every scripted account, one after the other

  chromiumOnly('nor in any message the background receives; and the extension makes no network request', async () => {
    await fresh();
    // Every message the background receives, recorded inside the service worker itself.
    const sw = (await (await ext!.worker()).worker())!;
    await sw.evaluate(() => {
      const g = globalThis as unknown as { __seen: string[]; chrome: any };
      g.__seen = [];
      g.chrome.runtime.onMessage.addListener((m: unknown) => void g.__seen.push(JSON.stringify(m)));
    });
    // Network requests of the extension's own contexts: the worker (CDP) and its pages (popup, options).
    const swSession: CDPSession = await (await ext!.worker()).createCDPSession();
    const extensionRequests: string[] = [];
    swSession.on('Network.requestWillBeSent', (e: { request: { url: string } }) => extensionRequests.push(e.request.url));
    await swSession.send('Network.enable');
    const watchPage = (p: Page) =>
      p.on('request', (r: HTTPRequest) => {
        const from = r.initiator()?.url ?? r.initiator()?.stack?.callFrames?.[0]?.url ?? '';
        if (!r.url().startsWith('chrome-extension://') && (from.startsWith('chrome-extension://') || p.url().startsWith('chrome-extension://'))) extensionRequests.push(r.url());
      });

    const page = await ext!.browser.newPage();
    watchPage(page);
    await walkEveryAccount(page);
    const popup = await ext!.browser.newPage();
    watchPage(popup);
    await openExtensionPage(ext!, popup, 'popup.html');
    await popup.waitForSelector('#aggregation');
    const options = await ext!.browser.newPage();
    watchPage(options);
    await openExtensionPage(ext!, options, 'options.html');
    await options.waitForSelector('h1');

    const everything = (await sw.evaluate(DUMP_EXTENSION_STATE)) as string;
    const parsed = JSON.parse(everything) as { messages: string[] };
    expect(parsed.messages.some((m) => m.includes('"login/user-id"'))).toBe(true); // the recording is real
    expect(everything).not.toContain(SENTINEL);
    expect(everything).not.toContain(sim.accounts[0]!.password);
    expect(extensionRequests).toEqual([]);
  }, 150_000); // a login walk for every scripted account
});

describe('hostile page text', () => {
  it('an admin notice carrying HTML and script payloads is shown as text in the assistant, message and popup; nothing runs', async () => {
    await fresh();
    const url = 'https://spse.inaproc.id/jakarta/home?hostile=1';
    const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"><svg onload=window.__pwned=3>`;
    const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html = `<!doctype html><html><head><title>LPSE  - Pemberitahuan</title></head><body>
      <nav class="navbar"><a id="logout" href="#">LOGOUT</a></nav>
      <div class="card"><div class="card-header"><h5>Pemberitahuan dari Admin LPSE</h5></div>
      <div class="card-body"><p>Silakan hubungi helpdesk LPSE. ${escaped}</p></div></div>
      <footer>© 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP) Aplikasi SPSE v4.5u20250321</footer></body></html>`;
    const page = await ext!.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (r) => (r.url() === url ? r.respond({ status: 200, contentType: 'text/html', body: html }) : r.continue()));
    await page.goto(url, { waitUntil: 'load' });
    expect(await assistantOf(page)).toEqual({ pageKind: 'admin-notice', nextAction: 'contact-lpse' });
    expect(await shadowText(page)).toContain('<img src=x onerror=');
    await page.$eval('spse-assist', (el) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Hubungi'))!.click());
    await page.waitForFunction(() => !!document.querySelector('spse-assist')?.shadowRoot?.querySelector('textarea.message'));
    expect(await page.$eval('spse-assist', (el) => (el.shadowRoot!.querySelector('textarea.message') as HTMLTextAreaElement).value)).toContain('<script>window.__pwned=2</script>');
    expect(await page.$eval('spse-assist', (el) => el.shadowRoot!.querySelectorAll('img, script, svg').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const popup = await extensionPage(ext!);
    await popup.waitForSelector('#problems li');
    expect(await popup.$eval('#problems', (p) => p.textContent)).toContain('<img src=x');
    expect(await popup.$$eval('#problems img, #problems script, #problems svg', (n) => n.length)).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

describe('load and faults', () => {
  it('20 tabs on 20 different LPSEs at once: every one recognised and remembered', async () => {
    await fresh();
    const slugs = ['jakarta', 'kemkes', 'batangkab', 'jatengprov', 'kepahiangkab', 'acehprov', 'tangerangkota', 'pertanian', 'polri', 'esdm', 'kotabogor', 'denpasarkota', 'bulelengkab', 'tapinkab', 'nasional', 'kemenkeu', 'surabaya', 'madina', 'palembang', 'kemenkum'];
    const page = (slug: string) => `<!doctype html><html><head><title>LPSE ${slug}  - Login</title></head><body><form method="post" action="/${slug}/login/penyedia"><input type="hidden" name="authenticityToken" value="0123456789abcdef0123456789abcdef01234567"><input name="txtUserId"><button type="submit">Login</button></form><footer>Aplikasi SPSE v4.5u20250321</footer></body></html>`;
    const tabs = await Promise.all(
      slugs.map(async (slug) => {
        const p = await ext!.browser.newPage();
        const url = `https://spse.inaproc.id/${slug}/login/penyedia?load=1`;
        await p.setRequestInterception(true);
        p.on('request', (r) => (r.url() === url ? r.respond({ status: 200, contentType: 'text/html', body: page(slug) }) : r.continue()));
        await p.goto(url, { waitUntil: 'load' });
        return p;
      }),
    );
    // Wait by polling until the registry has settled (never by sleeping).
    let lpses: string[] = [];
    for (let i = 0; i < 100 && lpses.length < slugs.length; i++) lpses = (await registryOf(ext!)).lpses.map((l) => l.key);
    expect(lpses.sort()).toEqual(slugs.map((s) => `https://spse.inaproc.id/${s}`).sort());
    for (const t of tabs) expect((await assistantOf(t))?.pageKind).toBe('login');
    const reg = await registryOf(ext!);
    expect(reg.observations).toHaveLength(20);
  });

  // A fault in the middle of the load: the worker stopped during a large import.
  chromiumOnly('an import interrupted half-way (the service worker stopped) is all or nothing', async () => {
    await fresh();
    const page = await ext!.browser.newPage();
    await walkLogin(page, sim.lpses[0]!, sim.accounts[0]!);
    const before = await registryOf(ext!);
    const helper = await extensionPage(ext!);
    const exported = await sendFrom<Record<string, unknown> & { lpses: unknown[]; accounts: unknown[] }>(helper, { type: 'registry/export' });
    // A large file: 1,000 LPSEs and 800 accounts, so the import's transaction is still running when the worker stops.
    const big = {
      ...exported,
      lpses: Array.from({ length: 1000 }, (_, i) => ({ key: `https://spse.inaproc.id/fuzz${i}`, bases: [`https://spse.inaproc.id/fuzz${i}`], generation: '4.5', lastVisit: 1 })),
      penyedia: [{ id: 'p-big', createdAt: 1 }],
      accounts: Array.from({ length: 800 }, (_, i) => ({ key: `big${i}`, userId: `BIG${i}`, penyediaId: 'p-big', registeredAt: [], activation: 'unknown', retired: false, lastLogin: {}, sources: [] })),
    };
    const importing = sendFrom(helper, { type: 'registry/import', data: big }).catch(() => 'interrupted');
    await stopServiceWorker(ext!);
    await importing;
    const after = await registryOf(ext!);
    const shape = (r: typeof before) => ({ lpses: r.lpses.length, accounts: r.accounts.length, penyedia: r.penyedia.length });
    // either the old registry whole, or the new one whole — never a part of the file
    expect([shape(before), { lpses: 1000, accounts: 800, penyedia: 1 }]).toContainEqual(shape(after));
  });
});
