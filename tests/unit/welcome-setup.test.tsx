// @vitest-environment happy-dom
// The welcome page's setup in happy-dom with WXT's fake browser: a small in-memory background answers its
// protocol messages (the directory search is the real one). What "Simpan" sends, when the User ID Default
// is asked, "Lewati", the checks before saving; and the same fields in Settings (activation saved at once).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/Options';
import { Welcome } from '@/components/Welcome';
import { accountsOf, statementsOf } from '@/components/WelcomeSetup';
import { t } from '@/lib/i18n';
import { anyRequestSchema, type AnyRequest } from '@/lib/protocol';
import type { Account } from '@/lib/schemas';
import { searchDirectory } from '@/lib/worker/directory';

const BTG = 'https://spse.inaproc.id/batangkab';
const KMK = 'https://spse.inaproc.id/kemkes';

let lang: 'id' | 'en';
let known: Account[];
let sent: AnyRequest[];
let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  lang = 'id';
  known = [];
  sent = [];
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async () => true),
    request: vi.fn(async () => true),
    onAdded: { addListener: vi.fn(), removeListener: vi.fn() },
    onRemoved: { addListener: vi.fn(), removeListener: vi.fn() },
  });
  fakeBrowser.runtime.openOptionsPage = vi.fn(async () => {});
  // A tiny background: every request must fit the protocol.
  const answer = (raw: unknown): unknown => {
    const parsed = anyRequestSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'invalid message' };
    const m = parsed.data;
    sent.push(m);
    switch (m.type) {
      case 'settings/get':
        return { ok: true, value: { lang, confirmedBases: [], collapsed: [] } };
      case 'registry/view':
        return { ok: true, value: { lpses: [], penyedia: [{ id: 'p1', createdAt: 1 }], accounts: known, problems: [], attempts: [], observations: [], quarantine: [] } };
      case 'directory/search':
        return { ok: true, value: { results: searchDirectory(m.query) } };
      case 'dismissed/list':
        return { ok: true, value: { dismissed: [] } };
      case 'sync/set':
        return { ok: true, value: { enabled: m.enabled, refused: 0, merged: { taken: 0, sent: 3, at: 1 } } };
      case 'penyedia/state': {
        const penyediaId = m.penyediaId ?? 'p-new';
        const account = { key: m.userId.toLowerCase(), userId: m.userId, penyediaId, registeredAt: m.registeredAt ?? [], activation: m.activation ?? 'unknown', retired: false, lastLogin: {}, sources: [] };
        return { ok: true, value: { account, penyedia: { id: penyediaId, createdAt: 1, ...(m.isDefault && { defaultUserId: m.userId }) } } };
      }
      default:
        return { ok: false, error: `unexpected ${m.type}` };
    }
  };
  fakeBrowser.runtime.onMessage.addListener(((raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    void Promise.resolve(answer(raw)).then(sendResponse);
    return true;
  }) as never);
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const $$ = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
const statements = () => sent.filter((m) => m.type === 'penyedia/state');

/** Lets Preact render what an event changed (a person's next key or click comes after that, too). */
const settle = () => new Promise((r) => setTimeout(r, 0));
async function type(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}
/** The n-th account of the form (1-based, as its legend says). */
const row = (n: number) => $$('fieldset.setup-account')[n - 1]!;

async function pickLpse(n: number, query: string, key: string) {
  await type(row(n).querySelector<HTMLInputElement>('input.lpse-search')!, query);
  await vi.waitFor(() => expect(row(n).querySelector(`.results li[data-lpse-key="${key}"] button.add-lpse`)).not.toBeNull());
  row(n).querySelector<HTMLButtonElement>(`.results li[data-lpse-key="${key}"] button.add-lpse`)!.click();
  await vi.waitFor(() => expect(row(n).querySelector(`.chosen[data-lpse-key="${key}"]`)).not.toBeNull());
}
async function typeUserId(n: number, userId: string) {
  await type(row(n).querySelector<HTMLInputElement>('input[name="userId"]')!, userId);
}
async function answerActivation(n: number, value: 'activated' | 'not-activated' | 'unknown') {
  row(n).querySelector<HTMLInputElement>(`input[type=radio][value="${value}"]`)!.click();
  await vi.waitFor(() => expect(row(n).querySelector<HTMLInputElement>(`input[type=radio][value="${value}"]`)!.checked).toBe(true));
}
async function addRow() {
  const before = $$('fieldset.setup-account').length;
  $<HTMLButtonElement>('#setup-add')!.click();
  await vi.waitFor(() => expect($$('fieldset.setup-account')).toHaveLength(before + 1));
}
async function welcome() {
  render(<Welcome />, root);
  await vi.waitFor(() => expect($('#setup-form')).not.toBeNull());
}
const status = () => $('#setup-status')!.textContent;

describe('welcome setup (happy-dom, fake browser)', () => {
  it('two LPSEs: Simpan sends one statement per account, in one penyedia, with the Default and the answers; then says what was saved', async () => {
    await welcome();
    expect($('#setup h2')!.textContent).toBe(t('id', 'setup_title'));
    await pickLpse(1, 'batang', BTG);
    expect(row(1).querySelector('.chosen')!.textContent).toContain('Kabupaten Batang');
    // After the pick, the focus is on the User ID of that LPSE (keyboard users keep their place).
    expect(document.activeElement).toBe(row(1).querySelector('input[name="userId"]'));
    await typeUserId(1, 'MITRAKARYA.BTG');
    await addRow();
    expect(document.activeElement).toBe(row(2).querySelector('input.lpse-search'));
    await pickLpse(2, 'kemkes', KMK);
    expect($('#setup-default')).toBeNull(); // one User ID typed so far
    await typeUserId(2, 'MITRAKARYA');
    await answerActivation(2, 'activated');
    await vi.waitFor(() => expect($('#setup-default')).not.toBeNull());
    expect($$('#setup-default input[type=radio]').map((r) => (r as HTMLInputElement).value)).toEqual(['MITRAKARYA.BTG', 'MITRAKARYA']);
    expect($('#setup-default legend')!.textContent).toBe('Yang mana User ID Default Anda?');
    $<HTMLInputElement>('#setup-default input[value="MITRAKARYA"]')!.click();
    await settle();
    expect(statements()).toEqual([]); // nothing before "Simpan"

    $<HTMLButtonElement>('#setup-save')!.click();
    await vi.waitFor(() => expect(status()).toBe('Tersimpan: 2 akun.'));
    expect(statements()).toEqual([
      { type: 'penyedia/state', userId: 'MITRAKARYA.BTG', registeredAt: [BTG], activation: 'unknown' },
      { type: 'penyedia/state', userId: 'MITRAKARYA', registeredAt: [KMK], activation: 'activated', isDefault: true, penyediaId: 'p-new' },
    ]);
    expect($('#setup-form')).toBeNull();
    const saved = $$('#setup-saved li').map((li) => li.textContent);
    expect(saved[0]).toContain('MITRAKARYA.BTG');
    expect(saved[0]).toContain('LPSE Kabupaten Batang');
    expect(saved[0]).toContain(t('id', 'popup_activation_unknown'));
    expect(saved[1]).toContain('Kementrian Kesehatan');
    expect(saved[1]).toContain(t('id', 'popup_activated'));
    expect($('#setup-saved-default')!.textContent).toBe('User ID Default: MITRAKARYA');
  });

  it('the Default is asked only with two accounts or more; one account is saved without it', async () => {
    await welcome();
    await pickLpse(1, 'kemkes', KMK);
    await typeUserId(1, 'SENTOSA01');
    await answerActivation(1, 'not-activated');
    // The same User ID at a second LPSE is still one account: no Default to choose.
    await addRow();
    await pickLpse(2, 'batang', BTG);
    await typeUserId(2, 'sentosa01');
    expect($('#setup-default')).toBeNull();
    await typeUserId(2, 'SENTOSA02');
    await vi.waitFor(() => expect($('#setup-default')).not.toBeNull());
    // Removing the second account: the question goes again.
    row(2).querySelector<HTMLButtonElement>('button.remove-row')!.click();
    await vi.waitFor(() => expect($('#setup-default')).toBeNull());
    expect(document.activeElement).toBe($('#setup-add'));

    $<HTMLButtonElement>('#setup-save')!.click();
    await vi.waitFor(() => expect(status()).toBe('Tersimpan: 1 akun.'));
    expect(statements()).toEqual([{ type: 'penyedia/state', userId: 'SENTOSA01', registeredAt: [KMK], activation: 'not-activated' }]);
    expect($('#setup-saved-default')).toBeNull();
  });

  it('"Sinkronkan lewat akun browser" is offered unticked, explained in one sentence; unticked, Simpan leaves sync off', async () => {
    await welcome();
    const box = $<HTMLInputElement>('#setup-sync')!;
    expect(box.checked).toBe(false);
    expect($(`#${box.getAttribute('aria-describedby')}`)?.textContent).toContain('tanpa kata sandi');
    await pickLpse(1, 'kemkes', KMK);
    await typeUserId(1, 'SENTOSA01');
    $<HTMLButtonElement>('#setup-save')!.click();
    await vi.waitFor(() => expect(status()).toBe('Tersimpan: 1 akun.'));
    expect(sent.some((m) => m.type === 'sync/set')).toBe(false);
  });

  it('ticked, Simpan turns sync on after stating the accounts', async () => {
    await welcome();
    await pickLpse(1, 'kemkes', KMK);
    await typeUserId(1, 'SENTOSA01');
    $<HTMLInputElement>('#setup-sync')!.click();
    await settle();
    $<HTMLButtonElement>('#setup-save')!.click();
    await vi.waitFor(() => expect(status()).toBe('Tersimpan: 1 akun.'));
    expect(sent.map((m) => m.type).filter((t) => t === 'penyedia/state' || t === 'sync/set')).toEqual(['penyedia/state', 'sync/set']);
  });

  it('"Lewati" saves nothing and says it can be done later in Pengaturan', async () => {
    await welcome();
    await pickLpse(1, 'kemkes', KMK);
    await typeUserId(1, 'MITRAKARYA');
    $<HTMLButtonElement>('#setup-skip')!.click();
    await vi.waitFor(() => expect(status()).toBe('Dilewati. Anda dapat melakukannya nanti di Pengaturan.'));
    expect($('#setup-form')).toBeNull();
    expect(statements()).toEqual([]);
    $<HTMLButtonElement>('#setup button')!.click();
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalled();
  });

  it('checks before saving: an LPSE picked and a User ID SPSE could have, each error tied to its field', async () => {
    await welcome();
    $<HTMLButtonElement>('#setup-save')!.click();
    await vi.waitFor(() => expect(status()).toBe(t('id', 'setup_invalid')));
    expect($('#setup-status')!.getAttribute('data-kind')).toBe('error');
    const search = row(1).querySelector<HTMLInputElement>('input.lpse-search')!;
    const userId = row(1).querySelector<HTMLInputElement>('input[name="userId"]')!;
    expect(search.getAttribute('aria-invalid')).toBe('true');
    expect($(`#${search.getAttribute('aria-describedby')}`)!.textContent).toBe(t('id', 'setup_lpse_missing'));
    expect(userId.getAttribute('aria-invalid')).toBe('true');
    expect($(`#${userId.getAttribute('aria-describedby')}`)!.textContent).toBe(t('id', 'accounts_user_id_missing'));
    await vi.waitFor(() => expect(document.activeElement).toBe(search));

    await pickLpse(1, 'batang', BTG);
    await typeUserId(1, 'bukan user id!');
    $<HTMLButtonElement>('#setup-save')!.click();
    await vi.waitFor(() => expect(row(1).querySelector('input[name="userId"]')!.getAttribute('aria-invalid')).toBe('true'));
    expect(row(1).querySelector('.error')!.textContent).toBe(t('id', 'options_user_id_invalid'));
    expect(row(1).querySelector('input.lpse-search')).toBeNull(); // the LPSE is chosen: no error left there
    expect(statements()).toEqual([]);

    await typeUserId(1, 'MITRAKARYA.BTG');
    await vi.waitFor(() => expect(row(1).querySelector('.error')).toBeNull());
    $<HTMLButtonElement>('#setup-save')!.click();
    await vi.waitFor(() => expect(statements()).toEqual([{ type: 'penyedia/state', userId: 'MITRAKARYA.BTG', registeredAt: [BTG], activation: 'unknown' }]));
  });

  it('labels every field, puts every group under a legend, and has one polite status line', async () => {
    await welcome();
    await addRow();
    await pickLpse(1, 'kemkes', KMK);
    await typeUserId(1, 'MITRAKARYA');
    await typeUserId(2, 'MITRAKARYA.BTG');
    await vi.waitFor(() => expect($('#setup-default')).not.toBeNull());
    for (const el of root.querySelectorAll('#setup input')) {
      const id = el.getAttribute('id');
      expect(id, el.outerHTML).toBeTruthy();
      expect(root.querySelector(`label[for="${id}"]`), el.outerHTML).not.toBeNull();
    }
    expect($$('#setup fieldset').length).toBe(5); // two accounts, their two activation questions, the Default
    for (const fs of $$('#setup fieldset')) expect(fs.querySelector(':scope > legend')?.textContent?.trim()).toBeTruthy();
    expect(root.querySelectorAll('#setup [role="status"][aria-live="polite"]')).toHaveLength(1);
    // Every button says what it does, also to a screen reader (the LPSE's change and the removals by name).
    expect(row(1).querySelector('button.change-lpse')!.getAttribute('aria-label')).toContain('Kementrian Kesehatan');
    expect(row(2).querySelector('button.remove-row')!.getAttribute('aria-label')).toBe('Hapus akun 2');
  });

  it('in English when the language option is English', async () => {
    lang = 'en';
    render(<Welcome />, root);
    await vi.waitFor(() => expect($('#setup h2')?.textContent).toBe(t('en', 'setup_title')));
    expect($('#setup-save')!.textContent).toBe('Save');
    expect($('#setup-skip')!.textContent).toBe('Skip');
    expect(row(1).querySelector('legend')!.textContent).toBe('Account 1');
  });

  it('not offered once SPSE Assist knows the penyedia\'s accounts: Settings is where they change', async () => {
    known = [{ key: 'mitrakarya', userId: 'MITRAKARYA', penyediaId: 'p1', registeredAt: [KMK], activation: 'activated', retired: false, lastLogin: {}, sources: [] }];
    render(<Welcome />, root);
    await vi.waitFor(() => expect($('#setup[data-phase="known"]')).not.toBeNull());
    expect($('#setup-form')).toBeNull();
    expect($('#setup')!.textContent).toContain('MITRAKARYA');
  });
});

describe('accountsOf, statementsOf', () => {
  const lpse = (key: string) => ({ key, name: key });
  it('one account per User ID (case-insensitive), registered at each of its LPSEs, the surest answer kept', () => {
    expect(
      accountsOf([
        { lpse: lpse(BTG), userId: ' MITRAKARYA ', activation: 'unknown' },
        { lpse: lpse(KMK), userId: 'mitrakarya', activation: 'activated' },
        { lpse: lpse(KMK), userId: 'LAIN', activation: 'not-activated' },
      ]),
    ).toEqual([
      { userId: 'MITRAKARYA', registeredAt: [BTG, KMK], activation: 'activated' },
      { userId: 'LAIN', registeredAt: [KMK], activation: 'not-activated' },
    ]);
  });
  it('the Default marked only with two accounts or more', () => {
    const one = [{ userId: 'A', registeredAt: [BTG], activation: 'unknown' as const }];
    expect(statementsOf(one, 'A')).toEqual([{ type: 'penyedia/state', userId: 'A', registeredAt: [BTG], activation: 'unknown' }]);
    const two = [...one, { userId: 'B', registeredAt: [KMK], activation: 'activated' as const }];
    expect(statementsOf(two, 'b').map((s) => 'isDefault' in s)).toEqual([false, true]);
    expect(statementsOf(two, undefined).map((s) => 'isDefault' in s)).toEqual([false, false]);
  });
});

describe('Settings: the same fields, saved at once', () => {
  it('each account\'s activation can be answered in Settings, and is sent as the penyedia\'s statement', async () => {
    known = [{ key: 'mitrakarya', userId: 'MITRAKARYA', penyediaId: 'p1', registeredAt: [KMK], activation: 'in-progress', retired: false, lastLogin: {}, sources: [] }];
    render(<Options />, root);
    await vi.waitFor(() => expect($('li.account[data-user-id="MITRAKARYA"] fieldset.activation-choice')).not.toBeNull());
    const choice = $('li.account[data-user-id="MITRAKARYA"] fieldset.activation-choice')!;
    expect(choice.querySelector('legend')!.textContent).toBe('MITRAKARYA sudah diaktivasi untuk ADP?');
    // An activation under way shows as "Belum".
    expect(choice.querySelector<HTMLInputElement>('input[value="not-activated"]')!.checked).toBe(true);
    choice.querySelector<HTMLInputElement>('input[value="activated"]')!.click();
    await vi.waitFor(() => expect(statements()).toEqual([{ type: 'penyedia/state', userId: 'MITRAKARYA', activation: 'activated' }]));
    await vi.waitFor(() => expect($('#status')!.textContent).toBe('Tersimpan.'));
  });
});
