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

/** Which login step the page's own form is, if any. */
export function loginStep(s: PageSnapshot): LoginStep | undefined {
  const userId = has(s, L.userIdFields) || s.fields.some((f) => f.type === 'text' && L.genericUserFieldPattern.test(f.name));
  const password = has(s, L.passwordFields) || s.fields.some((f) => f.type === 'password');
  if (userId && password) return 'one-form';
  if (password) return 'password';
  if (has(s, L.userIdFields)) return 'user-id';
  const otpField = s.fields.some((f) => f.type !== 'hidden' && L.otpFieldPattern.test(f.name));
  if (otpField || (s.fields.some((f) => f.type === 'text' || f.type === 'number' || f.type === 'tel') && anyPhrase(s.prominent, L.otpTexts)))
    return 'otp';
  if (isLoadedChooser(s)) return 'chooser';
  return undefined;
}

/** Only a loaded chooser (PENYEDIA and NON PENYEDIA buttons) is a login step; the empty modal shell is not. */
function isLoadedChooser(s: PageSnapshot): boolean {
  const penyedia = s.chooserButtons.some((b) => hasRoleWord(b, L.chooserPenyedia));
  const nonPenyedia = s.chooserButtons.some((b) => hasPhrase(b.replace(/-/g, ' '), L.chooserNonPenyedia));
  return penyedia && nonPenyedia;
}

export function isLogin(s: PageSnapshot): boolean {
  return loginStep(s) !== undefined;
}

export function loginError(s: PageSnapshot): string | undefined {
  return s.alerts.find((a) => a.length > 2);
}

export function isLoginFailed(s: PageSnapshot): boolean {
  return isLogin(s) && loginError(s) !== undefined;
}

export function isActivation(s: PageSnapshot): boolean {
  return anyPhrase([s.title, ...s.prominent], signals.activation.texts);
}

export function isNonActive(s: PageSnapshot): boolean {
  return anyPhrase([...s.prominent], signals.nonActive.texts);
}

export function replacementUserId(s: PageSnapshot): string | undefined {
  for (const t of s.prominent) {
    const m = signals.nonActive.replacementPattern.exec(t);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

export function adminNoticeText(s: PageSnapshot): string | undefined {
  const A = signals.adminNotice;
  return s.prominent.find(
    (t) => anyPhrase([t], A.texts) || (anyPhrase([t], A.contactWords) && anyPhrase([t], A.contactTargets) && !/^hubungi kami$/i.test(t)),
  );
}

export function isAdminNotice(s: PageSnapshot): boolean {
  return adminNoticeText(s) !== undefined;
}

export function isLoggedIn(s: PageSnapshot): boolean {
  return s.logout;
}

export function role(s: PageSnapshot): Role {
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
export function userIdShown(s: PageSnapshot): string | undefined {
  const id = s.userLine?.title.split(' - ')[0]?.trim();
  return id && /^[A-Za-z0-9._@-]{3,64}$/.test(id) ? id : undefined;
}

/**
 * One kind per page. The more specific wins (sop.md): login-failed over login; activation, non-active and
 * admin-notice over logged-in; everything over other.
 */
export function classifySnapshot(s: PageSnapshot): PageResult {
  const step = loginStep(s);
  if (step) {
    const error = loginError(s);
    return error ? { kind: 'login-failed', step, error } : { kind: 'login', step };
  }
  if (isNonActive(s)) {
    const replacement = replacementUserId(s);
    return replacement ? { kind: 'non-active', replacementUserId: replacement } : { kind: 'non-active' };
  }
  if (isActivation(s)) return { kind: 'activation' };
  const notice = adminNoticeText(s);
  if (notice) return { kind: 'admin-notice', notice };
  if (isLoggedIn(s)) {
    const userId = userIdShown(s);
    return userId ? { kind: 'logged-in', role: role(s), userId } : { kind: 'logged-in', role: role(s) };
  }
  return { kind: 'other' };
}
