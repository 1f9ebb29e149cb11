/**
 * Simulated LPSEs and scripted penyedia accounts.
 *
 * The accounts follow the branches of the SOP (docs/sop.md, "SOP Aggregasi Penyedia",
 * SOP-LPSE.BTG-002). Everything here is fictitious test data.
 */

export type Generation = '4.5' | '4.x' | '3.x';

export interface SimulatedLpse {
  key: string;
  name: string;
  /** origin + base path, no trailing slash (e.g. https://spse.inaproc.id/jakarta) */
  baseUrl: string;
  generation: Generation;
}

export interface SimulatedAccount {
  userId: string;
  password: string;
  penyedia: string;
  /** baseUrls of the LPSEs where this User ID is registered ("login lokal" there) */
  homeLpses: string[];
  branch: string;
  description: string;
}

/** Helpdesk block of an LPSE (fictitious; `.example` addresses, 555 numbers). */
export interface HelpdeskContact {
  unit: string;
  phone: string;
  whatsapp: string;
  email: string;
  address: string;
}

export interface LpseDef extends SimulatedLpse {
  host: string;
  /** base path on the host, e.g. "/jakarta", "/eproc4", "/eproc" */
  basePath: string;
  /** time-zone label shown in the footer clock */
  tz: 'WIB' | 'WITA' | 'WIT';
  helpdesk: HelpdeskContact;
}

export const PASSWORD = 'rahasia-123';
export const OTP_CODE = '246810';

function lpse(
  key: string,
  name: string,
  baseUrl: string,
  generation: Generation,
  helpdesk: HelpdeskContact,
): LpseDef {
  const u = new URL(baseUrl);
  return { key, name, baseUrl, generation, host: u.hostname, basePath: u.pathname, tz: 'WIB', helpdesk };
}

export const LPSES: LpseDef[] = [
  lpse('jakarta', 'LPSE Provinsi Daerah Khusus Ibukota Jakarta', 'https://spse.inaproc.id/jakarta', '4.5', {
    unit: 'Bidang Layanan dan Dukungan LPSE Provinsi DKI Jakarta',
    phone: '(021) 555 0101 ext. 21',
    whatsapp: '0812 5550 0101',
    email: 'helpdesk@jakarta.lpse.example',
    address: 'Gedung Blok G Lantai 8, Jl. Medan Merdeka Selatan, Jakarta Pusat',
  }),
  lpse('kemkes', 'LPSE Kementrian Kesehatan Republik Indonesia', 'https://spse.inaproc.id/kemkes', '4.5', {
    unit: 'Helpdesk LPSE Kementerian Kesehatan',
    phone: '(021) 555 0202',
    whatsapp: '0812 5550 0202',
    email: 'helpdesk@kemkes.lpse.example',
    address: 'Gedung Adhyatma, Jl. H.R. Rasuna Said Blok X-5, Jakarta Selatan',
  }),
  lpse('batangkab', 'LPSE Kabupaten Batang', 'https://spse.inaproc.id/batangkab', '4.5', {
    unit: 'Bidang Layanan dan Dukungan LPSE Kabupaten Batang',
    phone: '(0285) 555 0303',
    whatsapp: '0812 5550 0303',
    email: 'helpdesk@batangkab.lpse.example',
    address: 'Jl. Dr. Sutomo No. 1, Batang, Jawa Tengah',
  }),
  lpse('jatengprov', 'LPSE Provinsi Jawa Tengah', 'https://lpse.jatengprov.go.id/eproc4', '4.x', {
    unit: 'Helpdesk LPSE Provinsi Jawa Tengah',
    phone: '(024) 555 0404',
    whatsapp: '0812 5550 0404',
    email: 'helpdesk@jatengprov.lpse.example',
    address: 'Jl. Pahlawan No. 9, Semarang',
  }),
  lpse('kepahiangkab', 'LPSE Kabupaten Kepahiang', 'https://lpse.kepahiangkab.go.id/eproc', '3.x', {
    unit: 'Helpdesk LPSE Kabupaten Kepahiang',
    phone: '(0732) 555 0505',
    whatsapp: '0812 5550 0505',
    email: 'helpdesk@kepahiangkab.lpse.example',
    address: 'Komplek Perkantoran Pemkab Kepahiang, Bengkulu',
  }),
];

export const LIST_URL = 'https://spse.inaproc.id/';
export const PLN_LOGIN_URL = 'https://eproc.pln.co.id/eproc/login';
/**
 * The same company's vendor login whose footer names LKPP and calls itself "Sistem Pengadaan Secara
 * Elektronik", as real company portals do (docs/spse-pages.md §10; issue 14): still not SPSE.
 */
export const PLN_LKPP_LOGIN_URL = 'https://eproc.pln.co.id/eproc/vendor/login';
export const WEBMAIL_LOGIN_URL = 'https://webmail.example.co.id/login';
export const NON_SPSE_PAGES = [PLN_LOGIN_URL, WEBMAIL_LOGIN_URL];

export const PORTAL_HOST = 'spse.inaproc.id';
export const PLN_HOST = 'eproc.pln.co.id';
export const WEBMAIL_HOST = 'webmail.example.co.id';

/**
 * Look-alike hosts (phishing copies): each serves a copy of a real LPSE's site under the same base path, over
 * HTTPS with the simulator's certificate, as a fake LPSE would. None of them is in the LPSE directory.
 */
export const LOOKALIKES: { host: string; copyOf: string; note: string }[] = [
  { host: 'lpse-jakarta.net', copyOf: 'lpse.jatengprov.go.id', note: 'a look-alike domain' },
  { host: 'spse.inaproc.id.example.com', copyOf: 'lpse.jatengprov.go.id', note: 'the real host as a subdomain of another' },
  // lpse.jatengprоv.go.id with a Cyrillic "о": the browser sends its punycode form
  { host: 'lpse.xn--jatengprv-72h.go.id', copyOf: 'lpse.jatengprov.go.id', note: 'a homoglyph (Cyrillic о) of lpse.jatengprov.go.id' },
];

/** Every host name the simulator answers for (and puts in the certificate). */
export const SIMULATED_HOSTS: string[] = [
  ...new Set([PORTAL_HOST, ...LPSES.map((l) => l.host), PLN_HOST, WEBMAIL_HOST, ...LOOKALIKES.map((x) => x.host)]),
];

const B = (key: string): string => {
  const l = LPSES.find((x) => x.key === key);
  if (!l) throw new Error(`unknown LPSE ${key}`);
  return l.baseUrl;
};

/** What an account is, for the login logic. */
export type AccountStatus =
  | 'activated' // ADP activated
  | 'not-activated'
  | 'non-active' // local account deactivated, replaced by `replacement`
  | 'admin-notice'; // the LPSE admin stops login with a notice

export interface AccountDef extends SimulatedAccount {
  status: AccountStatus;
  /** company registered at several LPSEs: true for the User ID Default, false for the other User IDs */
  isDefault?: boolean;
  /** User ID named on the non-active page */
  replacement?: string;
  /** 2FA (SPSE 4.5 only) */
  otp?: boolean;
  npwp: string;
  email: string;
}

function acct(a: Omit<AccountDef, 'password'>): AccountDef {
  return { ...a, password: PASSWORD };
}

export const ACCOUNTS: AccountDef[] = [
  acct({
    userId: 'SENTOSA01',
    penyedia: 'PT Sentosa Abadi Konstruksi',
    homeLpses: [B('jakarta')],
    branch: 'activated-single',
    status: 'activated',
    npwp: '01.234.567.8-011.000',
    email: 'tender@sentosa-abadi.example',
    description:
      'SOP step 3: activated, registered at one LPSE (jakarta). Local login and roaming login everywhere -> logged-in penyedia home.',
  }),
  acct({
    userId: 'MITRAKARYA',
    penyedia: 'CV Mitra Karya Mandiri',
    homeLpses: [B('kemkes')],
    branch: 'user-id-default',
    status: 'activated',
    isDefault: true,
    npwp: '02.345.678.9-012.000',
    email: 'admin@mitrakarya.example',
    description:
      'SOP step 3: the User ID Default of a company registered at several LPSEs (home kemkes; the company also holds MITRAKARYA.BTG, MITRAKARYA.JTG, MITRAKARYA.KPH). Logs in everywhere -> logged-in home.',
  }),
  acct({
    userId: 'MITRAKARYA.BTG',
    penyedia: 'CV Mitra Karya Mandiri',
    homeLpses: [B('batangkab')],
    branch: 'non-default',
    status: 'activated',
    isDefault: false,
    npwp: '02.345.678.9-012.000',
    email: 'admin@mitrakarya.example',
    description:
      'SOP step 3: a second, non-default User ID of CV Mitra Karya Mandiri (home batangkab, SPSE 4.5). Local login works; roaming with it fails with a login error (must use MITRAKARYA).',
  }),
  acct({
    userId: 'MITRAKARYA.JTG',
    penyedia: 'CV Mitra Karya Mandiri',
    homeLpses: [B('jatengprov')],
    branch: 'non-default',
    status: 'activated',
    isDefault: false,
    npwp: '02.345.678.9-012.000',
    email: 'admin@mitrakarya.example',
    description:
      'Same as MITRAKARYA.BTG but registered at jatengprov (SPSE 4.x): local login works there, roaming fails.',
  }),
  acct({
    userId: 'MITRAKARYA.KPH',
    penyedia: 'CV Mitra Karya Mandiri',
    homeLpses: [B('kepahiangkab')],
    branch: 'non-default',
    status: 'activated',
    isDefault: false,
    npwp: '02.345.678.9-012.000',
    email: 'admin@mitrakarya.example',
    description:
      'Same as MITRAKARYA.BTG but registered at kepahiangkab (SPSE 3.x): local login works there, roaming fails.',
  }),
  acct({
    userId: 'BERKAHJAYA',
    penyedia: 'CV Berkah Jaya Utama',
    homeLpses: [B('batangkab')],
    branch: 'not-activated',
    status: 'not-activated',
    npwp: '03.456.789.0-013.000',
    email: 'berkahjaya@mail.example',
    description:
      'SOP step 4: not activated, home batangkab (SPSE 4.5). Local login -> ADP activation page on the home page; roaming -> login error. After completing the activation it logs in everywhere.',
  }),
  acct({
    userId: 'CAHAYATIMUR',
    penyedia: 'PT Cahaya Timur Semarang',
    homeLpses: [B('jatengprov')],
    branch: 'not-activated',
    status: 'not-activated',
    npwp: '04.567.890.1-014.000',
    email: 'cahayatimur@mail.example',
    description: 'SOP step 4 on SPSE 4.x: not activated, home jatengprov. Local -> activation page; roaming -> login error.',
  }),
  acct({
    userId: 'BUKITRAYA',
    penyedia: 'CV Bukit Raya Kepahiang',
    homeLpses: [B('kepahiangkab')],
    branch: 'not-activated',
    status: 'not-activated',
    npwp: '05.678.901.2-015.000',
    email: 'bukitraya@mail.example',
    description:
      'SOP step 4 on SPSE 3.x: not activated, home kepahiangkab. Local -> activation page; roaming -> login error.',
  }),
  acct({
    userId: 'LESTARI.BTG',
    penyedia: 'CV Lestari Abadi',
    homeLpses: [B('batangkab')],
    branch: 'non-active',
    status: 'non-active',
    replacement: 'LESTARIABADI',
    npwp: '06.789.012.3-016.000',
    email: 'lestari@mail.example',
    description:
      'SOP step 5: local account deactivated. Login anywhere (correct password) -> "Akses Ditolak! User ID … sudah tidak aktif" page naming the replacement User ID LESTARIABADI.',
  }),
  acct({
    userId: 'LESTARIABADI',
    penyedia: 'CV Lestari Abadi',
    homeLpses: [B('batangkab')],
    branch: 'replacement',
    status: 'not-activated',
    npwp: '06.789.012.3-016.000',
    email: 'lestari@mail.example',
    description:
      'SOP step 5: the replacement account named by LESTARI.BTG, not yet activated (home batangkab). Local -> activation page; roaming -> login error until activated.',
  }),
  acct({
    userId: 'NUSANTARA88',
    penyedia: 'PT Nusantara Prima Delapan',
    homeLpses: [B('jakarta')],
    branch: 'admin-notice',
    status: 'admin-notice',
    npwp: '07.890.123.4-017.000',
    email: 'nusantara88@mail.example',
    description:
      'SOP step 6: login anywhere (correct password) -> a notice from the admin of the LPSE being visited asking to contact its helpdesk (contacts shown).',
  }),
  acct({
    userId: 'DIGITALOTP',
    penyedia: 'PT Solusi Digital Aman',
    homeLpses: [B('kemkes')],
    branch: '2fa',
    status: 'activated',
    otp: true,
    npwp: '08.901.234.5-018.000',
    email: 'it@solusidigital.example',
    description: `Activated, single LPSE (kemkes), with 2FA: on SPSE 4.5 sites the password step is followed by a "Security Code" step (code ${OTP_CODE}); on 4.x/3.x sites there is no 2FA step.`,
  }),
];

export function findAccount(userId: string): AccountDef | undefined {
  const u = userId.trim().toUpperCase();
  return ACCOUNTS.find((a) => a.userId === u);
}

/** Mutable per-simulator state: activation can be completed in the simulator. */
export class AccountState {
  private activated = new Map<string, boolean>();
  constructor() {
    this.reset();
  }
  reset(): void {
    this.activated.clear();
    for (const a of ACCOUNTS) this.activated.set(a.userId, a.status === 'activated');
  }
  isActivated(a: AccountDef): boolean {
    return this.activated.get(a.userId) === true;
  }
  activate(a: AccountDef): void {
    this.activated.set(a.userId, true);
  }
}

export type LoginOutcome =
  | { kind: 'bad-credentials' }
  | { kind: 'logged-in'; account: AccountDef; local: boolean }
  | { kind: 'activation'; account: AccountDef }
  | { kind: 'non-active'; account: AccountDef; replacement: string }
  | { kind: 'admin-notice'; account: AccountDef };

/**
 * The login rules (SOP): decides what a penyedia login at `lpse` leads to.
 * Unknown User ID, wrong password and every failed roaming look the same: a login error.
 */
export function decideLogin(
  state: AccountState,
  lpseDef: LpseDef,
  userId: string,
  password: string,
): LoginOutcome {
  const account = findAccount(userId);
  if (!account || password !== account.password) return { kind: 'bad-credentials' };
  const local = account.homeLpses.includes(lpseDef.baseUrl);
  switch (account.status) {
    case 'non-active':
      return { kind: 'non-active', account, replacement: account.replacement ?? '' };
    case 'admin-notice':
      return { kind: 'admin-notice', account };
    default:
      break;
  }
  if (!state.isActivated(account)) {
    return local ? { kind: 'activation', account } : { kind: 'bad-credentials' };
  }
  if (account.isDefault === false && !local) return { kind: 'bad-credentials' };
  return { kind: 'logged-in', account, local };
}
