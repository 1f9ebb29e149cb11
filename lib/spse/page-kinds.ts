import { examples } from './examples';
import type { PageSnapshot } from './snapshot';
import { signals } from './signals';
import { hasPhrase, hasRoleWord } from './text';

/** Page kinds exactly as shared/docs/sop.md defines them (stable ids). */
export const PAGE_KINDS = ['login', 'login-failed', 'activation', 'non-active', 'admin-notice', 'logged-in', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export const LOGIN_STEPS = ['chooser', 'user-id', 'password', 'otp', 'one-form'] as const;
export type LoginStep = (typeof LOGIN_STEPS)[number];
export type Role = 'penyedia' | 'non-penyedia' | 'unknown';

export type PageResult =
  | { kind: 'login'; step: LoginStep }
  | { kind: 'login-failed'; step: LoginStep; error: string }
  | { kind: 'activation' }
  | { kind: 'non-active'; replacementUserId?: string }
  | { kind: 'admin-notice'; notice: string }
  | { kind: 'logged-in'; role: Role; userId?: string }
  | { kind: 'other' };

const L = signals.login;
const has = (s: PageSnapshot, names: readonly string[]) => s.fields.some((f) => names.includes(f.name));
const anyPhrase = (texts: readonly string[], phrases: readonly string[]) =>
  texts.some((t) => {
    const low = t.toLowerCase();
    return phrases.some((p) => hasPhrase(low, p));
  });

/** Is this an SPSE page by its own markup (spse-pages.md §3.7)? */
export function hasSpseMarkers(s: PageSnapshot): boolean {
  return s.markers.length > 0;
}

// ── Signals: what a page shows, each on its own (several may hold at once) ──────────────────────────────

/** Which login step the page's own form is, if any. */
export function loginStep(s: PageSnapshot): LoginStep | undefined {
  const userId = has(s, L.userIdFields) || s.fields.some((f) => f.type === 'text' && L.genericUserFieldPattern.test(f.name));
  const password = has(s, L.passwordFields) || s.fields.some((f) => f.type === 'password');
  if (userId && password) return 'one-form';
  if (password) return 'password';
  if (has(s, L.userIdFields)) return 'user-id';
  const otpField = s.fields.some((f) => L.otpFieldPattern.test(f.name));
  const codeField = s.fields.some((f) => f.type === 'text' || f.type === 'number' || f.type === 'tel');
  if (otpField || (codeField && anyPhrase(s.prominent, L.otpTexts))) return 'otp';
  if (isLoadedChooser(s)) return 'chooser';
  return undefined;
}

/** Only a loaded chooser (PENYEDIA and NON PENYEDIA buttons) is a login step; the empty modal shell is not. */
function isLoadedChooser(s: PageSnapshot): boolean {
  const penyedia = s.chooserButtons.some((b) => hasRoleWord(b, L.chooserPenyedia));
  const nonPenyedia = s.chooserButtons.some((b) => hasPhrase(b.replace(/-/g, ' '), L.chooserNonPenyedia));
  return penyedia && nonPenyedia;
}

function loginError(s: PageSnapshot): string | undefined {
  return s.alerts.find((a) => a.length > 2);
}

const nonActiveSignal = (s: PageSnapshot) => anyPhrase(s.prominent, signals.nonActive.texts);
const activationSignal = (s: PageSnapshot) => anyPhrase([s.title, ...s.prominent], signals.activation.texts);

function adminNoticeText(s: PageSnapshot): string | undefined {
  const A = signals.adminNotice;
  return s.prominent.find(
    (t) => anyPhrase([t], A.texts) || (anyPhrase([t], A.contactWords) && anyPhrase([t], A.contactTargets) && !/^hubungi kami$/i.test(t)),
  );
}

function replacementUserId(s: PageSnapshot): string | undefined {
  for (const t of s.prominent) {
    const m = signals.nonActive.replacementPattern.exec(t);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function role(s: PageSnapshot): Role {
  const line = s.userLine ? `${s.userLine.text} ${s.userLine.title.toLowerCase()}` : '';
  const N = signals.loggedIn;
  if (line) {
    if (N.penyediaWords.some((w) => hasRoleWord(line, w))) return 'penyedia';
    if (N.nonPenyediaWords.some((w) => hasPhrase(line, w)) || /\bnip\b|\d{18}/.test(line)) return 'non-penyedia';
  }
  if (s.menu.some((m) => hasPhrase(m, 'daftar paket'))) return 'non-penyedia'; // [V] §3.6 non-penyedia menu
  return 'unknown';
}

/** `[USERID] - NIP` in the user line's title: the User ID is the part before " - ". */
function userIdShown(s: PageSnapshot): string | undefined {
  const id = s.userLine?.title.split(' - ')[0]?.trim();
  return id && /^[A-Za-z0-9._@-]{3,64}$/.test(id) ? id : undefined;
}

// ── One predicate per kind. Exactly one holds for any SPSE page: the precedence of sop.md is built in
// (login-failed over login; activation, non-active and admin-notice over logged-in; everything over other).
// Each kind's examples (tests/fixtures/pages/) sit beside it; they are stripped from the production build.

export const isLoginFailed = (s: PageSnapshot) => loginStep(s) !== undefined && loginError(s) !== undefined;
examples('login-failed', ['reconstructed/spse45-loginpass-failed-password.html', 'reconstructed/spse4x-login-failed.html', 'reconstructed/spse3x-login-failed.html']);

export const isLogin = (s: PageSnapshot) => loginStep(s) !== undefined && loginError(s) === undefined;
examples('login', ['reconstructed/spse45-home-chooser-loaded.html', 'reconstructed/spse45-login-user-id.html', 'reconstructed/spse45-loginpass.html', 'reconstructed/spse4x-login-one-form.html', 'reconstructed/spse3x-login-penyedia.html']);

export const isNonActive = (s: PageSnapshot) => loginStep(s) === undefined && nonActiveSignal(s);
examples('non-active', ['reconstructed/spse45-non-active-replacement.html', 'reconstructed/spse45-non-active-no-replacement.html']);

export const isActivation = (s: PageSnapshot) => loginStep(s) === undefined && !nonActiveSignal(s) && activationSignal(s);
examples('activation', ['reconstructed/spse45-activation.html', 'reconstructed/spse4x-activation.html', 'reconstructed/spse3x-activation.html']);

export const isAdminNotice = (s: PageSnapshot) =>
  loginStep(s) === undefined && !nonActiveSignal(s) && !activationSignal(s) && adminNoticeText(s) !== undefined;
examples('admin-notice', ['reconstructed/spse45-admin-notice.html', 'reconstructed/spse4x-admin-notice.html']);

export const isLoggedIn = (s: PageSnapshot) =>
  loginStep(s) === undefined && !nonActiveSignal(s) && !activationSignal(s) && adminNoticeText(s) === undefined && s.logout;
examples('logged-in', ['real:asisten-pokja__jadwal_debug__EXCERPT.html', 'reconstructed/spse45-logged-in-penyedia.html']);

export const isOther = (s: PageSnapshot) => !isLoginFailed(s) && !isLogin(s) && !isNonActive(s) && !isActivation(s) && !isAdminNotice(s) && !isLoggedIn(s);
examples('other', ['real:pyproc__darurat_pemenang.html', 'real:herpiko_spse35__lelang-1.html', 'reconstructed/spse45-home-modal-shell.html', 'reconstructed/spse45-berita-mentions-adp.html']);

/** Every kind has its predicate: a kind added to PAGE_KINDS without one is a compile error. */
export const PREDICATES: Record<PageKind, (s: PageSnapshot) => boolean> = {
  'login-failed': isLoginFailed,
  login: isLogin,
  'non-active': isNonActive,
  activation: isActivation,
  'admin-notice': isAdminNotice,
  'logged-in': isLoggedIn,
  other: isOther,
};

/** One kind per page, with what the page says of it. */
export function classifySnapshot(s: PageSnapshot): PageResult {
  const step = loginStep(s);
  if (step) {
    const error = loginError(s);
    return error ? { kind: 'login-failed', step, error } : { kind: 'login', step };
  }
  if (nonActiveSignal(s)) {
    const replacement = replacementUserId(s);
    return replacement ? { kind: 'non-active', replacementUserId: replacement } : { kind: 'non-active' };
  }
  if (activationSignal(s)) return { kind: 'activation' };
  const notice = adminNoticeText(s);
  if (notice) return { kind: 'admin-notice', notice };
  if (s.logout) {
    const userId = userIdShown(s);
    return userId ? { kind: 'logged-in', role: role(s), userId } : { kind: 'logged-in', role: role(s) };
  }
  return { kind: 'other' };
}
