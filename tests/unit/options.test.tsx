// @vitest-environment happy-dom
// The options page in happy-dom with WXT's fake browser: a small in-memory background answers its
// protocol messages. Also the page's pure helpers (confirmed addresses, import checks, file name).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/Options';
import { checkImport, exportFileName } from '@/components/options/Data';
import { confirmedBase } from '@/components/options/Settings';
import { t } from '@/lib/i18n';
import { anyRequestSchema } from '@/lib/protocol';
import { EXPORT_FORMAT, SCHEMA_VERSION } from '@/lib/schemas';

describe('confirmedBase', () => {
  it('accepts https://host/<one segment> only, normalised', () => {
    expect(confirmedBase('https://lpse.x.go.id/eproc4')).toBe('https://lpse.x.go.id/eproc4');
    expect(confirmedBase('  https://LPSE.X.go.id/eproc4/ ')).toBe('https://lpse.x.go.id/eproc4');
    for (const bad of ['http://lpse.x.go.id/eproc4', 'https://lpse.x.go.id', 'https://lpse.x.go.id/', 'https://lpse.x.go.id/eproc4/login', 'https://u:p@lpse.x.go.id/eproc4', 'https://lpse.x.go.id/eproc4?a=1', 'https://lpse.x.go.id/eproc4#x', 'javascript:alert(1)', 'lpse.x.go.id/eproc4', ''])
      expect(confirmedBase(bad), bad).toBeNull();
  });
});

describe('checkImport', () => {
  const valid = { format: EXPORT_FORMAT, version: SCHEMA_VERSION, exportedAt: 1, settings: { lang: 'id', confirmedBases: [], collapsed: [] }, lpses: [], penyedia: [], accounts: [], problems: [], observations: [] };
  it('explains each refusal in the chosen language', () => {
    expect(checkImport('id', '{nope')).toEqual({ ok: false, reason: t('id', 'options_import_reason_json') });
    expect(checkImport('en', '[]')).toEqual({ ok: false, reason: t('en', 'options_import_reason_format') });
    expect(checkImport('id', JSON.stringify({ ...valid, version: 1 }))).toEqual({ ok: false, reason: t('id', 'options_import_reason_version', '1', SCHEMA_VERSION) });
    const bad = checkImport('en', JSON.stringify({ ...valid, accounts: [{}] }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toContain('accounts.0');
    expect(checkImport('id', JSON.stringify(valid))).toMatchObject({ ok: true, file: { version: SCHEMA_VERSION } });
  });
  it('names the file spse-assist-<date>.json', () => {
    expect(exportFileName(new Date(2025, 0, 9))).toBe('spse-assist-2025-01-09.json');
  });
});

describe('Options page (happy-dom, fake browser)', () => {
  const HOSTILE = '<img src=x onerror="window.__pwned=1">LPSE Jahat';
  let settings: { lang: 'id' | 'en'; confirmedBases: string[]; collapsed: string[] };
  let sent: unknown[];
  let root: HTMLElement;
  let hidden: { lpseKey: string; lpseName: string; pattern: string; pageKind: 'login' | 'other'; nextAction: 'log-in' | null; at: number }[];

  beforeEach(() => {
    fakeBrowser.reset();
    settings = { lang: 'id', confirmedBases: [], collapsed: [] };
    sent = [];
    hidden = [
      { lpseKey: 'https://spse.inaproc.id/jakarta', lpseName: 'LPSE Provinsi Daerah Khusus Ibukota Jakarta', pattern: '/login/penyedia', pageKind: 'login', nextAction: 'log-in', at: Date.UTC(2026, 10, 30, 3, 0) },
      { lpseKey: 'https://spse.inaproc.id/jahat', lpseName: HOSTILE, pattern: '/lelang/*/pengumuman', pageKind: 'other', nextAction: null, at: Date.UTC(2026, 11, 1, 3, 0) },
    ];
    Object.assign(fakeBrowser.permissions, {
      contains: vi.fn(async () => false),
      request: vi.fn(async () => true),
      remove: vi.fn(async () => true),
      onAdded: { addListener: vi.fn(), removeListener: vi.fn() },
      onRemoved: { addListener: vi.fn(), removeListener: vi.fn() },
    });
    // A tiny background: every request must fit the protocol.
    const answer = (raw: unknown): Promise<unknown> => {
      const parsed = anyRequestSchema.safeParse(raw);
      if (!parsed.success) return Promise.resolve({ ok: false, error: 'invalid message' });
      const m = parsed.data;
      sent.push(m);
      switch (m.type) {
        case 'registry/view':
          return Promise.resolve({
            ok: true,
            value: {
              lpses: [{ key: 'https://spse.inaproc.id/jahat', bases: [], name: HOSTILE, generation: '4.5', lastVisit: 1 }],
              penyedia: [{ id: 'p1', label: HOSTILE, createdAt: 1 }],
              accounts: [{ key: 'sentosa01', userId: 'SENTOSA01', penyediaId: 'p1', registeredAt: ['https://spse.inaproc.id/jahat'], activation: 'activated', retired: false, lastLogin: {}, sources: [] }],
              problems: [],
              attempts: [],
              observations: [],
              quarantine: [],
            },
          });
        case 'settings/get':
          return Promise.resolve({ ok: true, value: settings });
        case 'dismissed/list':
          return Promise.resolve({ ok: true, value: { dismissed: hidden } });
        case 'dismissed/undo': {
          const before = hidden.length;
          hidden = hidden.filter((h) => !(h.lpseKey === m.lpseKey && h.pattern === m.pattern && h.pageKind === m.pageKind));
          return Promise.resolve({ ok: true, value: { restored: hidden.length < before } });
        }
        case 'settings/set':
          settings = { ...settings, ...(m.lang && { lang: m.lang }), ...(m.confirmedBases && { confirmedBases: m.confirmedBases }) };
          return Promise.resolve({ ok: true, value: settings });
        default:
          return Promise.resolve({ ok: false, error: `unexpected ${m.type}` });
      }
    };
    // The fake browser answers sendMessage through sendResponse (a listener returning true).
    fakeBrowser.runtime.onMessage.addListener(((raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      void answer(raw).then(sendResponse);
      return true;
    }) as never);
    root = document.createElement('div');
    document.body.appendChild(root);
    render(<Options />, root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const ready = () => vi.waitFor(() => expect(root.querySelector('#add-user-id')).not.toBeNull());

  it('renders page data as text, never as HTML', async () => {
    await ready();
    await vi.waitFor(() => expect(root.textContent).toContain(HOSTILE));
    expect(root.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('labels every field, groups every section under a legend, and has one polite status line', async () => {
    await ready();
    for (const el of root.querySelectorAll('input, select, textarea')) {
      const id = el.getAttribute('id');
      expect(id, el.outerHTML).toBeTruthy();
      expect(root.querySelector(`label[for="${id}"]`), el.outerHTML).not.toBeNull();
    }
    for (const fs of root.querySelectorAll('fieldset')) expect(fs.querySelector(':scope > legend')?.textContent?.trim()).toBeTruthy();
    expect(root.querySelectorAll('[aria-live="polite"][role="status"]')).toHaveLength(1);
  });

  it('switches its own text to English through settings/set', async () => {
    await ready();
    expect(root.querySelector('h1')?.textContent).toBe(t('id', 'options_title'));
    (root.querySelector('#lang-en') as HTMLInputElement).click();
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(t('en', 'options_title')));
    expect(sent).toContainEqual({ type: 'settings/set', lang: 'en' });
    expect(document.documentElement.lang).toBe('en');
    await vi.waitFor(() => expect(root.querySelector('#status')?.textContent).toBe(t('en', 'options_saved')));
  });

  it('lists the hidden pages (newest first, as text) with "Tampilkan lagi", which undoes one and moves focus on', async () => {
    await ready();
    const rows = () => [...root.querySelectorAll('#hidden tbody tr')];
    await vi.waitFor(() => expect(rows()).toHaveLength(2));
    expect(root.querySelector('#hidden legend')?.textContent).toBe('Halaman yang disembunyikan');
    expect([...root.querySelectorAll('#hidden th[scope="col"]')]).toHaveLength(5);
    expect(rows()[0]!.textContent).toContain(HOSTILE); // newest first, a name as text
    expect(root.querySelector('#hidden img')).toBeNull();
    expect(rows()[1]!.textContent).toContain('/login/penyedia');
    expect(rows()[1]!.textContent).toContain(t('id', 'action_log_in_title'));
    const undo = rows()[1]!.querySelector('button')!;
    expect(undo.textContent).toBe('Tampilkan lagi');
    expect(undo.getAttribute('aria-label')).toBe(t('id', 'options_hidden_undo_named', 'LPSE Provinsi Daerah Khusus Ibukota Jakarta', '/login/penyedia'));
    undo.click();
    await vi.waitFor(() => expect(rows()).toHaveLength(1));
    expect(sent).toContainEqual({ type: 'dismissed/undo', lpseKey: 'https://spse.inaproc.id/jakarta', pattern: '/login/penyedia', pageKind: 'login' });
    await vi.waitFor(() => expect(root.querySelector('#status')?.textContent).toBe(t('id', 'options_hidden_restored')));
    // the last row's button went: focus is on the row left
    await vi.waitFor(() => expect(document.activeElement).toBe(rows()[0]!.querySelector('button')));
    rows()[0]!.querySelector('button')!.click();
    await vi.waitFor(() => expect(root.querySelector('#hidden')?.textContent).toContain(t('id', 'options_hidden_none')));
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('hidden-explain'));
  });
});
