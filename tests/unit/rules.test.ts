// Table-driven: every row of docs/sop.md's rules, and the cases a penyedia really meets.
import { describe, expect, it } from 'vitest';
import type { Account, Penyedia, Problem } from '@/lib/schemas';
import { decide, type Observation, type Known } from '@/lib/sop/rules';
import type { PageResult } from '@/lib/page/recognition/page-kinds';

const JKT = 'https://spse.inaproc.id/jakarta';
const KMK = 'https://spse.inaproc.id/kemkes';
const BTG = 'https://spse.inaproc.id/batangkab';
const NOW = 1_700_000_000_000;

function account(userId: string, penyediaId: string, over: Partial<Account> = {}): Account {
  return { key: userId.toLowerCase(), userId, penyediaId, registeredAt: [], activation: 'unknown', retired: false, lastLogin: {}, sources: [], ...over };
}
const penyedia = (id: string, over: Partial<Penyedia> = {}): Penyedia => ({ id, createdAt: 1, ...over });
function known(over: Partial<Known> = {}): Known {
  return { lpseKey: JKT, lpseName: 'LPSE Jakarta', lpseNames: { [KMK]: 'LPSE Kemkes', [BTG]: 'LPSE Batang', [JKT]: 'LPSE Jakarta' }, penyedia: [], accounts: [], problemsHere: [], readySaid: false, ...over };
}
const page = (p: PageResult, genuine = true): Observation => ({ type: 'page', page: p, genuine });
const LOGIN: PageResult = { kind: 'login', step: 'user-id' };
const attempt = (userId: string, lpseKey = JKT) => ({ tabId: 1, lpseKey, userId, startedAt: NOW - 1000, updatedAt: NOW - 1000 });
let n = 0;
const env = () => ({ now: NOW, tabId: 1, newId: () => `id${++n}` });
const run = (k: Known, e: Observation) => decide(k, e, env());

// One penyedia registered at Kemkes only, activated.
const single = { penyedia: [penyedia('p1')], accounts: [account('SENTOSA01', 'p1', { registeredAt: [KMK], activation: 'activated' })] };
// One penyedia registered at Kemkes and Batang, with a User ID Default.
const several = {
  penyedia: [penyedia('p2', { defaultUserId: 'MITRAKARYA' })],
  accounts: [account('MITRAKARYA', 'p2', { registeredAt: [KMK], activation: 'activated' }), account('MITRAKARYA.BTG', 'p2', { registeredAt: [BTG] })],
};

describe('sop.md rows', () => {
  it.each<[string, Known, Observation, string | null, Record<string, unknown>]>([
    ['1: login, nothing known yet → log in', known(), page(LOGIN), 'log-in', {}],
    ['1/8: login where the penyedia is registered → login lokal with that account', known({ ...single, lpseKey: KMK }), page(LOGIN), 'log-in', { userId: 'SENTOSA01', mode: 'local' }],
    ['3: activated, registered at one LPSE, another LPSE → roaming with that account', known(single), page(LOGIN), 'log-in-roaming', { userId: 'SENTOSA01', homeLpse: { key: KMK, name: 'LPSE Kemkes' } }],
    ['3: registered at several LPSEs → use the User ID Default here', known(several), page(LOGIN), 'use-default-user-id', { userId: 'MITRAKARYA', mode: 'roaming' }],
    ['2/4: activation page → activate here', known(), page({ kind: 'activation' }), 'activate', {}],
    ['5: non-active page naming U′ → use U′, then activate it', known(), page({ kind: 'non-active', replacementUserId: 'LESTARIABADI' }), 'use-replacement-account', { replacementUserId: 'LESTARIABADI' }],
    ['6: admin notice → contact the LPSE, quoting the notice', known(), page({ kind: 'admin-notice', notice: 'Hubungi admin LPSE' }), 'contact-lpse', { notice: 'Hubungi admin LPSE' }],
    ['8: logged in as penyedia → ready (once per LPSE per session)', known(), page({ kind: 'logged-in', role: 'penyedia' }), 'ready', {}],
    ['—: login failed → check the User ID', known(), page({ kind: 'login-failed', step: 'password', error: 'Password salah' }), 'check-credentials', {}],
    ['—: SPSE-looking page on an address that is not a genuine LPSE → suspicious-site', known(single), page(LOGIN, false), 'suspicious-site', {}],
    ['other SPSE page, nothing open → nothing to say', known(single), page({ kind: 'other' }), null, {}],
    ['logged in as non-penyedia → nothing to say', known(), page({ kind: 'logged-in', role: 'non-penyedia' }), null, {}],
  ])('%s', (_row, k, e, action, params) => {
    const d = run(k, e);
    expect(d.nextAction).toBe(action);
    expect(d.params).toMatchObject(params);
  });

  it('7: a problem reported to this LPSE and not solved → wait for the LPSE, on any of its pages', () => {
    const p: Problem = { id: 'x', lpseKey: JKT, kind: 'admin-notice', notice: 'N', state: 'reported', openedAt: 1, reportedAt: 2 };
    for (const e of [page(LOGIN), page({ kind: 'other' }), page({ kind: 'logged-in', role: 'penyedia' }), page({ kind: 'admin-notice', notice: 'N' })])
      expect(run(known({ problemsHere: [p] }), e).nextAction).toBe('wait-for-lpse');
  });
  it('6 remembered: the notice opens a problem at this LPSE with its text', () => {
    const d = run(known({ attempt: attempt('NUSANTARA88') }), page({ kind: 'admin-notice', notice: 'Data perlu verifikasi ulang' }));
    expect(d.changes.problems).toEqual([expect.objectContaining({ lpseKey: JKT, kind: 'admin-notice', notice: 'Data perlu verifikasi ulang', state: 'open', userId: 'NUSANTARA88' })]);
  });
  it('8: ready is said once per LPSE per browser session, then kept quiet', () => {
    const first = run(known(), page({ kind: 'logged-in', role: 'penyedia' }));
    expect(first.changes.readySaid).toBe(true);
    expect(run(known({ readySaid: true }), page({ kind: 'logged-in', role: 'penyedia' })).nextAction).toBeNull();
  });
});

describe('cases a penyedia meets', () => {
  it('a first visit knowing nothing learns nothing but the LPSE (no account invented)', () => {
    const d = run(known(), page(LOGIN));
    expect(d.changes).toEqual({ accounts: [], penyedia: [], problems: [] });
  });

  it('activation at the home LPSE, then roaming elsewhere', () => {
    // At Batang the penyedia typed BERKAHJAYA and met the activation page: registered there, activation under way.
    const a = run(known({ lpseKey: BTG, attempt: attempt('BERKAHJAYA', BTG) }), page({ kind: 'activation' }));
    expect(a.nextAction).toBe('activate');
    const acc = a.changes.accounts[0]!;
    expect(acc).toMatchObject({ userId: 'BERKAHJAYA', registeredAt: [BTG], activation: 'in-progress' });
    expect(a.changes.attempt).toBeNull();
    // Before activation is known to be done, Jakarta's login says: activate first, at Batang.
    const state = { penyedia: a.changes.penyedia, accounts: a.changes.accounts };
    expect(run(known(state), page(LOGIN))).toMatchObject({ nextAction: 'activate', params: { homeLpse: { key: BTG, name: 'LPSE Batang' } } });
    // Once activated (a roaming login succeeded, or the penyedia said so), roaming is offered with that account.
    const activated = { ...state, accounts: [{ ...acc, activation: 'activated' as const }] };
    expect(run(known(activated), page(LOGIN))).toMatchObject({ nextAction: 'log-in-roaming', params: { userId: 'BERKAHJAYA' } });
  });

  it('a successful roaming login proves activation and is remembered with its mode', () => {
    const k = known({ penyedia: [penyedia('p1')], accounts: [account('SENTOSA01', 'p1', { registeredAt: [KMK] })], attempt: attempt('SENTOSA01') });
    const d = run(k, page({ kind: 'logged-in', role: 'penyedia' }));
    expect(d.changes.accounts[0]).toMatchObject({ activation: 'activated', lastLogin: { [JKT]: { at: NOW, mode: 'roaming' } } });
  });

  it('registered at two LPSEs: the User ID Default is required when roaming, even before it is known', () => {
    const noDefault = { penyedia: [penyedia('p2')], accounts: several.accounts };
    expect(run(known(noDefault), page(LOGIN))).toMatchObject({ nextAction: 'use-default-user-id', params: { mode: 'roaming' } });
    expect(run(known(noDefault), page(LOGIN)).params.userId).toBeUndefined();
    // at one of its own LPSEs, the local account is the one
    expect(run(known({ ...several, lpseKey: BTG }), page(LOGIN))).toMatchObject({ nextAction: 'log-in', params: { userId: 'MITRAKARYA.BTG', mode: 'local' } });
  });

  it('a login failure while roaming with the wrong User ID → check credentials, pointing at the User ID Default', () => {
    const d = run(known({ ...several, accounts: several.accounts.map((a) => ({ ...a, activation: 'activated' as const })), attempt: attempt('MITRAKARYA.BTG') }), page({ kind: 'login-failed', step: 'password', error: 'Login gagal' }));
    expect(d).toMatchObject({ nextAction: 'check-credentials', params: { userId: 'MITRAKARYA', mode: 'roaming' } });
    expect(d.changes.attempt).toBeNull();
  });

  it('a failed roaming login before activation → activate at the home LPSE first', () => {
    const k = known({ penyedia: [penyedia('p3')], accounts: [account('BERKAHJAYA', 'p3', { registeredAt: [BTG], activation: 'in-progress' })], attempt: attempt('BERKAHJAYA') });
    expect(run(k, page({ kind: 'login-failed', step: 'password', error: 'Login gagal' }))).toMatchObject({ nextAction: 'activate', params: { userId: 'BERKAHJAYA', homeLpse: { key: BTG } } });
  });

  it('a non-active page naming a replacement, then activation of that account', () => {
    const k = known({ lpseKey: BTG, penyedia: [penyedia('p4')], accounts: [account('LESTARI.BTG', 'p4', { registeredAt: [BTG] })], attempt: attempt('LESTARI.BTG', BTG) });
    const d = run(k, page({ kind: 'non-active', replacementUserId: 'LESTARIABADI' }));
    expect(d.nextAction).toBe('use-replacement-account');
    const byId = Object.fromEntries(d.changes.accounts.map((a) => [a.userId, a]));
    expect(byId['LESTARI.BTG']).toMatchObject({ retired: true, replacedBy: 'LESTARIABADI', penyediaId: 'p4' });
    expect(byId['LESTARIABADI']).toMatchObject({ retired: false, penyediaId: 'p4', registeredAt: [BTG], activation: 'not-activated' });
    // next: logging in with LESTARIABADI meets the activation page
    const next = known({ lpseKey: BTG, penyedia: k.penyedia, accounts: d.changes.accounts, attempt: attempt('LESTARIABADI', BTG) });
    expect(run(next, page({ kind: 'activation' }))).toMatchObject({ nextAction: 'activate', changes: { accounts: [expect.objectContaining({ userId: 'LESTARIABADI', activation: 'in-progress' })] } });
  });

  it('a non-active page with no replacement → contact the LPSE (a problem is opened)', () => {
    const d = run(known({ attempt: attempt('OLDID') }), page({ kind: 'non-active' }));
    expect(d).toMatchObject({ nextAction: 'contact-lpse', changes: { problems: [expect.objectContaining({ kind: 'non-active-without-replacement', state: 'open' })] } });
  });

  it('an admin notice, reported, then solved', () => {
    const d = run(known(), page({ kind: 'admin-notice', notice: 'Akun diblokir' }));
    const p = d.changes.problems[0]!;
    expect(run(known({ problemsHere: [p] }), page({ kind: 'admin-notice', notice: 'Akun diblokir' }))).toMatchObject({ nextAction: 'contact-lpse', changes: { problems: [] } });
    const reported = { ...p, state: 'reported' as const, reportedAt: NOW };
    expect(run(known({ problemsHere: [reported] }), page(LOGIN)).nextAction).toBe('wait-for-lpse');
    // solved problems are not "here" any more (the registry passes only unsolved ones): back to the SOP
    expect(run(known(), page(LOGIN)).nextAction).toBe('log-in');
  });

  it('conflicting information: a User ID seen as local at two LPSEs → no fill offered, the penyedia decides', () => {
    const k = known({ penyedia: [penyedia('p5')], accounts: [account('DUAL', 'p5', { registeredAt: [JKT, KMK] })] });
    const d = run(k, page(LOGIN));
    expect(d).toMatchObject({ nextAction: 'log-in', params: { conflict: true } });
    expect(d.params.userId).toBeUndefined();
  });

  it('several penyedia in one profile: never offer one penyedia’s User ID at another’s login — ask which', () => {
    const k = known({ penyedia: [penyedia('p1', { label: 'PT Sentosa' }), penyedia('p2', { defaultUserId: 'MITRAKARYA' })], accounts: [...single.accounts, ...several.accounts] });
    const d = run(k, page(LOGIN));
    expect(d.nextAction).toBe('log-in');
    expect(d.params.userId).toBeUndefined();
    expect(d.params.candidates).toEqual([
      { penyediaId: 'p1', label: 'PT Sentosa', userId: 'SENTOSA01' },
      { penyediaId: 'p2', userId: 'MITRAKARYA' },
    ]);
    // once the page tells (the User ID typed at its step), the advice is that penyedia's own
    expect(run({ ...k, attempt: attempt('MITRAKARYA.BTG') }, page(LOGIN))).toMatchObject({ nextAction: 'use-default-user-id', params: { userId: 'MITRAKARYA' } });
  });

  it('a look-alike learns nothing: no account, no replacement, no problem', () => {
    for (const p of [{ kind: 'non-active', replacementUserId: 'EVIL' }, { kind: 'admin-notice', notice: 'x' }, { kind: 'logged-in', role: 'penyedia', userId: 'X' }, { kind: 'activation' }] as PageResult[]) {
      const d = run(known({ attempt: attempt('SENTOSA01') }), page(p, false));
      expect(d.nextAction).toBe('suspicious-site');
      expect(d.changes).toEqual({ accounts: [], penyedia: [], problems: [] });
    }
  });

  it('the typed User ID opens (or refreshes) the tab’s login attempt; an attempt older than 15 minutes is ignored', () => {
    const d = decide(known(), { type: 'user-id-submitted', userId: 'SENTOSA01' }, env());
    expect(d.changes.attempt).toEqual({ tabId: 1, lpseKey: JKT, userId: 'SENTOSA01', startedAt: NOW, updatedAt: NOW });
    const stale = { ...attempt('SENTOSA01'), updatedAt: NOW - 16 * 60 * 1000 };
    const r = run(known({ attempt: stale }), page({ kind: 'logged-in', role: 'penyedia' }));
    expect(r.changes.accounts).toEqual([]);
  });
});

describe('the journey through SPSE’s login (RULES.md R6, R15–R18)', () => {
  const failed = (error = 'Login gagal! User ID atau Password yang Anda masukkan salah.', step: 'password' | 'one-form' | 'otp' = 'password'): Observation => page({ kind: 'login-failed', step, error });

  it('R16: the public home with SPSE’s LOGIN starts the login; without the control, or elsewhere, nothing', () => {
    expect(run(known(), { type: 'page', page: { kind: 'other' }, genuine: true, loginEntry: true })).toMatchObject({ nextAction: 'log-in', params: { step: 'home' } });
    expect(run(known(), { type: 'page', page: { kind: 'other' }, genuine: true }).nextAction).toBeNull();
    // what is known decides the home's advice too: roaming with the Default
    expect(run(known(several), { type: 'page', page: { kind: 'other' }, genuine: true, loginEntry: true })).toMatchObject({ nextAction: 'use-default-user-id', params: { step: 'home', userId: 'MITRAKARYA' } });
  });

  it('every login step is named in the parameters', () => {
    for (const step of ['chooser', 'user-id', 'password', 'otp', 'one-form'] as const) expect(run(known(), page({ kind: 'login', step })).params.step).toBe(step);
  });

  it('R15: a wrong code, a wrong 2FA code, the password at home, unknown: told apart', () => {
    expect(run(known(), failed('Kode keamanan (captcha) harus diisi.')).params.reason).toBe('captcha');
    expect(run(known(), failed('Security Code tidak valid. Silakan ulangi.', 'otp')).params.reason).toBe('otp');
    expect(run(known({ ...single, lpseKey: KMK, attempt: attempt('SENTOSA01', KMK) }), failed()).params).toMatchObject({ reason: 'password' });
    expect(run(known(), failed())).toMatchObject({ nextAction: 'check-credentials', params: { reason: 'unknown' } });
  });

  it('R15/R18: a non-default account roaming → the Default, through SPSE’s login from the password step; filled on a one-form page', () => {
    const k = known({ ...several, attempt: attempt('MITRAKARYA.BTG') });
    expect(run(k, failed())).toMatchObject({ nextAction: 'check-credentials', params: { reason: 'not-default', userId: 'MITRAKARYA', go: { url: `${JKT}/`, userId: 'MITRAKARYA' } } });
    const oneForm = run(k, failed(undefined, 'one-form'));
    expect(oneForm.params).toMatchObject({ reason: 'not-default', userId: 'MITRAKARYA' });
    expect(oneForm.params.go).toBeUndefined();
  });

  it('R15/R18: an account not activated, roaming → activate at home, the way there at its recorded address', () => {
    const k = known({
      penyedia: [penyedia('p3')],
      accounts: [account('BERKAHJAYA', 'p3', { registeredAt: [BTG] })],
      lpseAddresses: { [BTG]: 'https://lpse.batangkab.go.id/eproc4' },
      attempt: attempt('BERKAHJAYA'),
    });
    expect(run(k, failed())).toMatchObject({ nextAction: 'activate', params: { userId: 'BERKAHJAYA', homeLpse: { key: BTG, name: 'LPSE Batang' }, go: { url: 'https://lpse.batangkab.go.id/eproc4/', userId: 'BERKAHJAYA' } } });
  });

  it('R17: several registrations, no Default known → ask which account it is', () => {
    const k = known({ penyedia: [penyedia('p2')], accounts: [account('MITRAKARYA', 'p2', { registeredAt: [KMK] }), account('MITRAKARYA.BTG', 'p2', { registeredAt: [BTG] })] });
    expect(run(k, page(LOGIN))).toMatchObject({ nextAction: 'use-default-user-id', params: { askDefault: ['MITRAKARYA', 'MITRAKARYA.BTG'] } });
  });

  it('R6: a replacement met while roaming is registered where the replaced account is, and the way is to that LPSE', () => {
    const k = known({ penyedia: [penyedia('p4')], accounts: [account('LESTARI.BTG', 'p4', { registeredAt: [BTG] })], attempt: attempt('LESTARI.BTG') });
    const d = run(k, page({ kind: 'non-active', replacementUserId: 'LESTARIABADI' }));
    expect(d.changes.accounts.find((a) => a.userId === 'LESTARIABADI')?.registeredAt).toEqual([BTG]);
    expect(d.params).toMatchObject({ replacementUserId: 'LESTARIABADI', homeLpse: { key: BTG }, go: { url: `${BTG}/`, userId: 'LESTARIABADI' } });
    // nothing known of the replaced account: nowhere, and the way is this LPSE's login
    const fresh = run(known({ attempt: attempt('LESTARI.BTG') }), page({ kind: 'non-active', replacementUserId: 'LESTARIABADI' }));
    expect(fresh.changes.accounts.find((a) => a.userId === 'LESTARIABADI')?.registeredAt).toEqual([]);
    expect(fresh.params.go).toEqual({ url: `${JKT}/`, userId: 'LESTARIABADI' });
  });

  it('activation steps belong to the activation form only', () => {
    expect(run(known(), page({ kind: 'activation' })).params.step).toBe('activation-form');
  });
});
