// "Ini tidak tepat" (lib/sop/RULES.md R19): the path pattern a dismissal is remembered by, the router's quiet advice
// for a dismissed page (its kind still told), the list and undo for Settings, the settings schema (bounded; older
// settings and exports without dismissals still read), and the misdetection report (no values, no page text).
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { route, type RouterDeps, type TabStore } from '@/lib/worker/router';
import { dismissReplySchema, type TabStatus } from '@/lib/protocol';
import { misdetectionReport, REPORT_HEADER, signalIdsOf, type DismissReply } from '@/lib/page/misdetection';
import { closeRegistry, openRegistry } from '@/lib/worker/registry/db';
import { addDismissal, exportRegistry, importRegistry, readSettings, writeSettings } from '@/lib/worker/registry/registry';
import { DEFAULT_SETTINGS, EXPORT_FORMAT, MAX_DISMISSALS, parseImport, SCHEMA_VERSION, settingsSchema } from '@/lib/schemas';
import { skeletonOf } from '@/lib/skeleton';
import { pathPattern } from '@/lib/worker/path-pattern';
import { siteFromUrl } from '@/lib/spse/site';
import { parseHtml } from '../../scripts/support/parse-html';

beforeEach(async () => {
  await closeRegistry();
  globalThis.indexedDB = new IDBFactory();
});

const pattern = (url: string) => pathPattern(siteFromUrl(url)!, url);

describe('path pattern', () => {
  it('strips the base path and generalises ids: digit runs, long hex, UUIDs', () => {
    expect(pattern('https://spse.inaproc.id/jakarta/')).toBe('/');
    expect(pattern('https://spse.inaproc.id/jakarta')).toBe('/');
    expect(pattern('https://spse.inaproc.id/jakarta/login/penyedia')).toBe('/login/penyedia');
    expect(pattern('https://spse.inaproc.id/jakarta/lelang/10123456/pengumumanlelang')).toBe('/lelang/*/pengumumanlelang');
    expect(pattern('https://spse.inaproc.id/kemkes/lelang/998/pengumumanlelang')).toBe('/lelang/*/pengumumanlelang');
    expect(pattern('https://spse.inaproc.id/jakarta/nontender/pl2024x17/view')).toBe('/nontender/pl*x*/view');
    expect(pattern('https://spse.inaproc.id/jakarta/dok/3f2a9c0b7e1d44aa9b10c2d3e4f5a6b7')).toBe('/dok/*');
    expect(pattern('https://spse.inaproc.id/jakarta/x/123e4567-e89b-12d3-a456-426614174000/y')).toBe('/x/*/y');
    // a word of hex letters is a word, not an id
    expect(pattern('https://spse.inaproc.id/jakarta/deadbeefcafe')).toBe('/deadbeefcafe');
    // case, trailing slash, matrix parameters and the query do not matter
    expect(pattern('https://spse.inaproc.id/jakarta/Login/Penyedia/;jsessionid=ABC123?x=1&token=9f8e7d6c5b4a3210#top')).toBe('/login/penyedia');
  });

  it('is the same for the same kind of page at an LPSE whichever tender it shows, and keeps pages apart', () => {
    expect(pattern('https://lpse.jatengprov.go.id/eproc4/lelang/1/pengumumanlelang')).toBe(pattern('https://lpse.jatengprov.go.id/eproc4/lelang/777/pengumumanlelang'));
    expect(pattern('https://lpse.jatengprov.go.id/eproc4/login')).not.toBe(pattern('https://lpse.jatengprov.go.id/eproc4/loginpass'));
  });

  it('keeps the page Tapestry names in the query on SPSE 3.x, generalised', () => {
    expect(pattern('https://lpse.kepahiangkab.go.id/eproc/app?service=page/LoginPage&sp=S123')).toBe('/app?service=page/loginpage');
    expect(pattern('https://lpse.kepahiangkab.go.id/eproc/app?page=lelang.Pengumuman&service=direct/1/Home/$DirectLink&sp=S4')).toBe('/app?service=direct/*/home/$directlink&page=lelang.pengumuman');
    expect(pattern('https://lpse.kepahiangkab.go.id/eproc/app?service=page/LoginPage')).not.toBe(pattern('https://lpse.kepahiangkab.go.id/eproc/app?service=page/Home'));
  });

  it('fits the schema for any address: printable ASCII, bounded', () => {
    const p = pattern(`https://spse.inaproc.id/jakarta/${'é'.repeat(50)}/${'a'.repeat(400)}`);
    expect(p).toMatch(/^\/[\x21-\x7e]*$/);
    expect(p.length).toBeLessThanOrEqual(300);
  });
});

function deps(): RouterDeps & { saved: Map<number, TabStatus>; refreshed: number } {
  const saved = new Map<number, TabStatus>();
  const flags = new Set<string>();
  const tabs: TabStore = { get: async (id) => saved.get(id) ?? null, set: async (id, s) => void saved.set(id, s) };
  let n = 0;
  const d = {
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    tabs,
    session: { has: async (k: string) => flags.has(k), add: async (k: string) => void flags.add(k) },
    db: openRegistry,
    now: () => 1_764_560_000_000,
    newId: () => `id${++n}`,
    version: '0.1.0',
    browser: 'Chrome',
    saved,
    refreshed: 0,
    refreshTabs: async () => void d.refreshed++,
  };
  return d;
}

const JKT = { base: 'https://spse.inaproc.id/jakarta', origin: 'https://spse.inaproc.id', basePath: '/jakarta', generation: '4.5', slug: 'jakarta', https: true };
const recognised = (url: string, page: unknown = { kind: 'login', step: 'user-id' }) => ({ type: 'page/recognised', recognition: { url, site: JKT, page, loginForm: true } });
const from = (url: string) => ({ id: 'ext', url, tab: { id: 7 }, frameId: 0 });
const options = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const advice = async (d: RouterDeps, url: string, page?: unknown) => ((await route(recognised(url, page), from(url), d)) as { ok: true; value: { pageKind: string; nextAction: string | null; text: Record<string, string>; contact?: unknown } }).value;

describe('router: "Ini tidak tepat"', () => {
  it('dismiss → the same kind of page at that LPSE is quiet (its kind still told); other pages, kinds and LPSEs are not; undo brings it back', async () => {
    const d = deps();
    const url = 'https://spse.inaproc.id/jakarta/login/penyedia';
    expect((await advice(d, url)).nextAction).toBe('log-in');
    const reply = await route({ type: 'assistant/dismiss', pageKind: 'login', nextAction: 'log-in' }, from(`${url}?x=1`), d);
    expect(reply).toEqual({
      ok: true,
      value: { dismissed: true, lpseKey: 'https://spse.inaproc.id/jakarta', lpseName: 'LPSE Provinsi Daerah Khusus Ibukota Jakarta', pattern: '/login/penyedia', version: '0.1.0', browser: 'Chrome' },
    });
    expect(dismissReplySchema.safeParse((reply as { value: unknown }).value).success).toBe(true);
    expect(d.refreshed).toBe(1); // open SPSE tabs ask again

    const quiet = await advice(d, url);
    expect(quiet).toMatchObject({ pageKind: 'login', nextAction: null, text: {} });
    expect(d.saved.get(7)).toMatchObject({ pageKind: 'login', nextAction: null });
    expect((await advice(d, 'https://spse.inaproc.id/jakarta/Login/Penyedia/')).nextAction).toBeNull();
    // another page kind at the same address, another page, another LPSE: advice as before
    expect((await advice(d, url, { kind: 'login-failed', step: 'user-id', error: 'User ID salah' })).nextAction).toBe('check-credentials');
    expect((await advice(d, 'https://spse.inaproc.id/jakarta/loginpass', { kind: 'login', step: 'password' })).nextAction).toBe('log-in');
    expect((await advice(d, 'https://spse.inaproc.id/kemkes/login/penyedia')).nextAction).toBe('log-in');

    const list = await route({ type: 'dismissed/list' }, options, d);
    expect(list).toEqual({
      ok: true,
      value: { dismissed: [{ lpseKey: 'https://spse.inaproc.id/jakarta', lpseName: 'LPSE Provinsi Daerah Khusus Ibukota Jakarta', pattern: '/login/penyedia', pageKind: 'login', nextAction: 'log-in', at: 1_764_560_000_000 }] },
    });
    expect(await route({ type: 'dismissed/undo', lpseKey: 'https://spse.inaproc.id/jakarta', pattern: '/login/penyedia', pageKind: 'login' }, options, d)).toEqual({ ok: true, value: { restored: true } });
    expect(d.refreshed).toBe(2); // and again after the undo
    expect((await advice(d, url)).nextAction).toBe('log-in');
    expect(await route({ type: 'dismissed/undo', lpseKey: 'https://spse.inaproc.id/jakarta', pattern: '/login/penyedia', pageKind: 'login' }, options, d)).toEqual({ ok: true, value: { restored: false } });
  });

  it('a dismissed contact-lpse page gets no contact panel either', async () => {
    const d = deps();
    const url = 'https://spse.inaproc.id/jakarta/home';
    const notice = { kind: 'admin-notice', notice: 'Akun Anda perlu verifikasi ulang. Silakan hubungi LPSE.' };
    const first = await advice(d, url, notice);
    expect(first.nextAction).toBe('contact-lpse');
    expect(first.contact).toBeDefined();
    await route({ type: 'assistant/dismiss', pageKind: 'admin-notice', nextAction: 'contact-lpse' }, from(url), d);
    const quiet = await advice(d, url, notice);
    expect(quiet.nextAction).toBeNull();
    expect(quiet.contact).toBeUndefined();
  });

  it('takes the LPSE and the pattern from the sender, never from the payload; list and undo are for extension pages only', async () => {
    const d = deps();
    expect(await route({ type: 'assistant/dismiss', pageKind: 'login', nextAction: 'log-in', lpseKey: 'https://spse.inaproc.id/kemkes' }, from('https://spse.inaproc.id/jakarta/login'), d)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/invalid message/),
    });
    expect(await route({ type: 'assistant/dismiss', pageKind: 'login', nextAction: 'log-in' }, { id: 'ext', url: 'https://webmail.example.co.id/login', tab: { id: 7 } }, d)).toMatchObject({ ok: false, error: expect.stringMatching(/not SPSE-shaped/) });
    expect(await route({ type: 'assistant/dismiss', pageKind: 'login', nextAction: 'log-in' }, { ...from('https://spse.inaproc.id/jakarta/login'), frameId: 2 }, d)).toMatchObject({ ok: false, error: expect.stringMatching(/top frame/) });
    expect(await route({ type: 'assistant/dismiss', pageKind: 'pwned', nextAction: 'log-in' }, from('https://spse.inaproc.id/jakarta/login'), d)).toMatchObject({ ok: false });
    expect(await route({ type: 'dismissed/list' }, from('https://spse.inaproc.id/jakarta/login'), d)).toMatchObject({ ok: false, error: expect.stringMatching(/extension pages/) });
    expect(await route({ type: 'dismissed/undo', lpseKey: 'https://spse.inaproc.id/jakarta', pattern: '/login', pageKind: 'login' }, from('https://spse.inaproc.id/jakarta/login'), d)).toMatchObject({ ok: false });
    expect((await readSettings(await openRegistry())).dismissed).toEqual([]);
    // a look-alike's warning can be dismissed too, remembered under its own address
    const fake = 'https://lpse-jakarta.net/eproc4/login';
    expect(await route({ type: 'assistant/dismiss', pageKind: 'login', nextAction: 'suspicious-site' }, from(fake), d)).toMatchObject({ ok: true, value: { lpseKey: 'https://lpse-jakarta.net/eproc4', lpseName: 'https://lpse-jakarta.net/eproc4', pattern: '/login' } });
  });
});

describe('settings: dismissals', () => {
  const entry = (i: number) => ({ lpseKey: 'https://spse.inaproc.id/jakarta', pattern: `/p${'x'.repeat(i % 5)}/${i}`, pageKind: 'login' as const, nextAction: 'log-in' as const, at: i });

  it('settings and exports made before dismissals still read (no dismissals); every entry is validated', () => {
    expect(settingsSchema.parse({ lang: 'en', confirmedBases: [], collapsed: [] })).toEqual({ lang: 'en', confirmedBases: [], collapsed: [], dismissed: [] });
    const old = { format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt: 1, settings: { lang: 'id', confirmedBases: [], collapsed: [] }, lpses: [], penyedia: [], accounts: [], problems: [], observations: [] };
    expect(parseImport(old)).toMatchObject({ ok: true, file: { settings: { dismissed: [] } } });
    for (const bad of [
      { ...entry(1), pattern: 'login' },
      { ...entry(1), pattern: '/with space' },
      { ...entry(1), pageKind: 'pwned' },
      { ...entry(1), lpseKey: 'https://spse.inaproc.id' },
      { ...entry(1), at: -1 },
      { ...entry(1), text: 'page text' },
    ])
      expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, dismissed: [bad] }).success, JSON.stringify(bad)).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, dismissed: Array.from({ length: MAX_DISMISSALS + 1 }, (_, i) => entry(i)) }).success).toBe(false);
  });

  it('is bounded (the oldest dropped), once per page, and survives export → import; erase forgets it', async () => {
    const db = await openRegistry();
    for (let i = 0; i < MAX_DISMISSALS + 5; i++) await addDismissal(db, entry(i));
    await addDismissal(db, { ...entry(MAX_DISMISSALS + 4), at: 9999 }); // the same page again: one entry, the newest
    const { dismissed } = await readSettings(db);
    expect(dismissed).toHaveLength(MAX_DISMISSALS);
    expect(dismissed[0]!.at).toBe(5);
    expect(dismissed.at(-1)!.at).toBe(9999);
    await writeSettings(db, { lang: 'en' }); // other settings leave it alone
    const file = await exportRegistry(db, 1);
    expect(file.settings.dismissed).toHaveLength(MAX_DISMISSALS);
    const parsed = parseImport(JSON.parse(JSON.stringify(file)));
    expect(parsed.ok).toBe(true);
    await importRegistry(db, { ...file, settings: { ...file.settings, dismissed: file.settings.dismissed.slice(0, 3) } });
    expect((await readSettings(db)).dismissed).toHaveLength(3);
    const d = deps();
    await route({ type: 'registry/erase' }, options, d);
    expect((await readSettings(await openRegistry())).dismissed).toEqual([]);
  });
});

describe('misdetection report', () => {
  const SENTINEL_VALUE = 'SENTINEL-UID-4411';
  const SENTINEL_TEXT = 'Kalimat rahasia halaman ini';
  const { document: doc } = parseHtml(`<!doctype html><html><body>
    <h1>${SENTINEL_TEXT}</h1>
    <div class="alert alert-danger">User ID ${SENTINEL_VALUE} salah</div>
    <form id="formLogin"><input name="txtUserId" value="${SENTINEL_VALUE}"><input type="password" name="txtPassword" value="rahasia-123">
    <textarea name="catatan">${SENTINEL_TEXT}</textarea><button>LOGIN</button></form></body></html>`, 'https://spse.inaproc.id/jakarta/login/penyedia');
  const dismissal: DismissReply = { dismissed: true, lpseKey: 'https://spse.inaproc.id/jakarta', lpseName: 'LPSE Provinsi Daerah Khusus Ibukota Jakarta', pattern: '/login/penyedia', version: '0.1.0', browser: 'Firefox' };
  const recognition = { url: `https://spse.inaproc.id/jakarta/login/penyedia?u=${SENTINEL_VALUE}`, page: { kind: 'login-failed' as const, step: 'user-id' as const, error: `User ID ${SENTINEL_VALUE} salah` }, loginForm: true, loginEntry: false };
  const report = misdetectionReport({ dismissal, pageKind: 'login-failed', nextAction: 'check-credentials', recognition, skeleton: skeletonOf(doc), intro: 'Laporan salah deteksi SPSE Assist', at: Date.UTC(2026, 11, 1, 18, 0) });

  it('says what SPSE Assist made of the page: LPSE, pattern, kind, step, action, signal ids, version; then the skeleton', () => {
    expect(report.split('\n').slice(0, 11)).toEqual([
      REPORT_HEADER,
      '# Laporan salah deteksi SPSE Assist',
      'lpse: LPSE Provinsi Daerah Khusus Ibukota Jakarta <https://spse.inaproc.id/jakarta>',
      'pattern: /login/penyedia',
      'page-kind: login-failed',
      'login-step: user-id',
      'next-action: check-credentials',
      'signals: kind:login-failed step:user-id login-form',
      'extension: 0.1.0 (Firefox)',
      'time: 2026-12-01T18:00:00.000Z',
      '',
    ]);
    expect(report).toContain('# spse-assist skeleton v1');
    expect(report).toContain('input[name=txtUserId]');
  });

  it('carries no field value, no password, no page text, not the address', () => {
    for (const secret of [SENTINEL_VALUE, 'rahasia-123', SENTINEL_TEXT, '?u=']) expect(report, secret).not.toContain(secret);
  });

  it('takes richer evidence ids when recognition reports them (one function builds the list)', () => {
    expect(signalIdsOf({ page: { kind: 'other' }, evidence: ['identity:name-version', 'kind:other', 'bad id with spaces'] })).toEqual(['kind:other', 'identity:name-version']);
    expect(signalIdsOf(undefined)).toEqual([]);
  });

  it('the protocol’s reply schema takes a dismissal and refuses a malformed one', () => {
    expect(dismissReplySchema.safeParse(dismissal).success).toBe(true);
    for (const v of [{ ...dismissal, extra: 1 }, { ...dismissal, pattern: 'x' }, { ...dismissal, lpseKey: 'javascript:1' }, { ...dismissal, dismissed: 'yes' }, null, []])
      expect(dismissReplySchema.safeParse(v).success, JSON.stringify(v)).toBe(false);
  });
});
