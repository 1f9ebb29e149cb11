import { examples } from './examples';
import type { PageSnapshot } from './snapshot';
import { signals } from './signals';
import { hasPhrase, hasRoleWord, norm, phraseIndex, sentencesOf } from '../../spse/text';

import type { LoginStep, PageKind } from '../../spse/kinds';

/** Page kinds and login steps (stable ids) live in kinds.ts, apart from the rules. */
export { LOGIN_STEPS, PAGE_KINDS, type LoginStep, type PageKind } from '../../spse/kinds';
import { isUserId, type Role } from '../../spse/kinds';
export type { Role };

export type PageResult =
  | { kind: 'login'; step: LoginStep }
  | { kind: 'login-failed'; step: LoginStep; error: string }
  | { kind: 'activation' }
  | { kind: 'non-active'; replacementUserId?: string }
  /** `notice`: the notice's own sentences; `contactText`: its contact lines (where the helpdesk is learned). */
  | { kind: 'admin-notice'; notice: string; contactText?: string }
  | { kind: 'logged-in'; role: Role; userId?: string }
  | { kind: 'other' };

const L = signals.login;
const USER_ID_FIELDS: readonly string[] = L.userIdFields;
const PASSWORD_FIELDS: readonly string[] = L.passwordFields;
const anyPhrase = (texts: readonly string[], phrases: readonly string[]) =>
  texts.some((t) => {
    const low = t.toLowerCase();
    return phrases.some((p) => hasPhrase(low, p));
  });

// ── Signals: what a page shows, each on its own (several may hold at once) ──────────────────────────────

/** Which login step the page's own form is, if any. */
export function loginStep(s: PageSnapshot): LoginStep | undefined {
  // A User ID echoed read-only on the password step is not a field to fill.
  const editable = s.fields.filter((f) => !f.readonly);
  const userIdField = editable.some((f) => USER_ID_FIELDS.includes(f.name));
  const userId = userIdField || editable.some((f) => f.type === 'text' && L.genericUserFieldPattern.test(f.name));
  const password = editable.some((f) => PASSWORD_FIELDS.includes(f.name) || f.type === 'password');
  // Inside a session, password fields are a password change, not a login.
  if (s.logout && !userIdField && !editable.some((f) => PASSWORD_FIELDS.includes(f.name))) return undefined;
  if (userId && password) return 'one-form';
  if (password) return 'password';
  if (userIdField) return 'user-id';
  const otpField = s.fields.some((f) => L.otpFieldPattern.test(f.name));
  const codeField = s.fields.some((f) => f.type === 'text' || f.type === 'number' || f.type === 'tel');
  if (otpField || (codeField && anyPhrase(texts(s), L.otpTexts))) return 'otp';
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

const texts = (s: PageSnapshot) => s.prominent.map((p) => p.text);

/** A sentence that states (not asks, not supposes): where a page says what is the case. */
const isStatement = (sentence: string) => !/\?\s*$/.test(sentence) && !signals.nonActive.notStatements.some((w) => hasPhrase(sentence, w));

/** One sentence saying this account is no longer active: its subject, then its state (signals.ts nonActive). */
function saysDeactivated(sentence: string): boolean {
  const N = signals.nonActive;
  if (!isStatement(sentence)) return false;
  for (const subject of N.subjects) {
    const at = phraseIndex(sentence, subject);
    if (at < 0) continue;
    const rest = sentence.slice(at + subject.length, at + subject.length + 100);
    if (N.states.some((st) => hasPhrase(rest, st))) return true;
  }
  return false;
}

/**
 * Where the page says the account is no longer active: a heading or alert (the page's own title for it), or
 * a sentence of its main content that speaks to the penyedia or comes with a named replacement (a news item
 * about other accounts does neither).
 */
function nonActiveSource(s: PageSnapshot): 'heading' | 'main-content' | undefined {
  if (s.prominent.some((p) => sentencesOf(p.text).some(saysDeactivated))) return 'heading';
  const sentences = sentencesOf(s.readMainText()).filter(saysDeactivated);
  if (sentences.length === 0) return undefined;
  if (sentences.some((t) => signals.nonActive.addressed.some((w) => hasPhrase(t, w))) || replacementUserId(s)) return 'main-content';
  return undefined;
}
const nonActiveSignal = (s: PageSnapshot) => nonActiveSource(s) !== undefined;
const activationTexts = (s: PageSnapshot) => s.prominent.filter((p) => anyPhrase([p.text], signals.activation.texts));
/** A statement of the main content naming the activation (a heading moved into a paragraph). */
const activationInMain = (s: PageSnapshot) => sentencesOf(s.readMainText()).some((t) => isStatement(t) && signals.activation.texts.some((w) => hasPhrase(t, w)));
/** An activation page that says activation cannot be done: only the LPSE can help (→ admin-notice). */
const activationBlocked = (s: PageSnapshot) => activationTexts(s).some((p) => anyPhrase([p.readContext()], signals.activation.blockedTexts));
// The activation form appears on the penyedia's home after login ([S] spse-pages.md §1.3): without a
// session, a heading about activation is news or help, not the page.
const activationSignal = (s: PageSnapshot) =>
  inSession(s) && (anyPhrase([s.title], signals.activation.texts) || activationTexts(s).length > 0 || activationInMain(s)) && !activationBlocked(s);

function adminNoticeText(s: PageSnapshot): { text: string; contacts: string } | undefined {
  const A = signals.adminNotice;
  const blocked = activationBlocked(s) ? activationTexts(s)[0] : undefined;
  const hit =
    blocked ??
    s.prominent.find(
      // `p.readContext()` walks the block around the text: read last, and only for a heading that may be a notice's
      // (destructuring it would read it for every heading of every page).
      (p) =>
        anyPhrase([p.text], A.texts) ||
        (anyPhrase([p.text], A.contactWords) && anyPhrase([p.text], A.contactTargets) && !/^hubungi kami$/i.test(p.text)) ||
        (anyPhrase([p.text], A.headingWords) && anyPhrase([p.readContext()], A.contactWords) && anyPhrase([p.readContext()], A.contactTargets)),
    );
  if (!hit) {
    // A notice outside any heading or alert: a statement of the main content that names itself the admin's
    // notice ("Pemberitahuan dari Admin: …"); the notice is that line and the few after it.
    const lines = s.readMainText().split('\n');
    const at = lines.findIndex((l) => isStatement(norm(l)) && anyPhrase([l], A.texts));
    return at < 0 ? undefined : { text: lines.slice(at, at + 4).join(' ').slice(0, 800), contacts: '' };
  }
  // The notice is the block the heading or alert sits in (what the LPSE wrote), not the heading alone: its
  // own sentences, its contact block and link labels apart (lib/page/recognition/notice.ts).
  const notice = hit.readNotice();
  if (!notice) return { text: hit.readContext().length > hit.text.length ? hit.readContext() : hit.text, contacts: '' };
  return { text: notice.text || hit.text, contacts: notice.contacts };
}

function replacementUserId(s: PageSnapshot): string | undefined {
  const N = signals.nonActive;
  for (const t of [...s.prominent.map((p) => p.readContext()), s.readMainText()])
    for (const re of N.replacementPatterns) {
      // A sentence's full stop is not part of the User ID.
      const id = re.exec(t)?.[1]?.replace(/[._-]+$/, '');
      if (id && id.length >= 2 && !(N.notAUserId as readonly string[]).includes(id.toLowerCase())) return id;
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
  if (s.menu.some((m) => N.nonPenyediaMenu.some((w) => hasPhrase(m, w)))) return 'non-penyedia';
  if (s.menu.some((m) => N.penyediaMenu.some((w) => hasPhrase(m, w)))) return 'penyedia';
  // SPSE 3.x has no user line with a role: its penyedia home says so in its heading ("Beranda Rekanan") or
  // in its welcome line ("Selamat datang, PT … (Rekanan)").
  if (anyPhrase([s.title, ...texts(s)], N.penyediaHomeTexts)) return 'penyedia';
  return welcomeRole(s) ?? 'unknown';
}

/** The role a welcome line names after the name ("Selamat datang, PT … (Rekanan)"; "… - Pokja Pemilihan"). */
function welcomeRole(s: PageSnapshot): Role | undefined {
  const N = signals.loggedIn;
  for (const t of sentencesOf(s.readMainText())) {
    const at = phraseIndex(t, N.welcome);
    if (at < 0) continue;
    const rest = t.slice(at + N.welcome.length, at + N.welcome.length + 160);
    if (N.penyediaWords.some((w) => new RegExp(`(?:[(\\-–|:]|\\bsebagai)\\s*${w}\\b`).test(rest) && hasRoleWord(rest, w))) return 'penyedia';
    if (N.nonPenyediaWords.some((w) => hasPhrase(rest, w))) return 'non-penyedia';
  }
  return undefined;
}

/** A session: a logout link, or (SPSE 3.x, no logout link recognised) the penyedia home's heading or a welcome line that names a role. */
const inSession = (s: PageSnapshot) => s.logout || anyPhrase([s.title, ...texts(s)], signals.loggedIn.homeHeadings) || welcomeRole(s) !== undefined;

/** `[USERID] - NIP` in the user line's title: the User ID is the part before " - ". */
function userIdShown(s: PageSnapshot): string | undefined {
  // The verified shape is `[USERID] - NIP` with the brackets standing for the value; accept both.
  const id = s.userLine?.title.split(' - ')[0]?.trim().replace(/^\[(.*)\]$/, '$1');
  return id && isUserId(id) ? id : undefined;
}

// ── The rulebook: the page kinds in order, each with what the page must show for it and what it says of it.
// The first that matches is the page's kind, so the order is sop.md's precedence (login-failed over login;
// non-active, activation and admin-notice over logged-in; everything over other). Each kind's examples
// (tests/fixtures/pages/) sit beside it; they are stripped from the production build.

type Match = (s: PageSnapshot) => PageResult | undefined;

const matchLoginFailed: Match = (s) => {
  const step = loginStep(s);
  const error = step && loginError(s);
  return step && error ? { kind: 'login-failed', step, error } : undefined;
};
examples('login-failed', ['reconstructed/spse45-loginpass-failed-password.html', 'reconstructed/spse45-login-user-id-failed.html', 'reconstructed/spse4x-login-failed.html']);

const matchLogin: Match = (s) => {
  const step = loginStep(s);
  return step ? { kind: 'login', step } : undefined;
};
examples('login', ['reconstructed/spse45-home-chooser-loaded.html', 'reconstructed/spse45-login-user-id.html', 'reconstructed/spse45-loginpass.html', 'reconstructed/spse45-otp.html', 'reconstructed/spse4x-login-radio.html', 'reconstructed/spse3x-login-tapestry4.html']);

const matchNonActive: Match = (s) => {
  if (!nonActiveSignal(s)) return undefined;
  const replacement = replacementUserId(s);
  return replacement ? { kind: 'non-active', replacementUserId: replacement } : { kind: 'non-active' };
};
examples('non-active', ['reconstructed/spse45-non-active-replacement.html', 'reconstructed/spse45-non-active-no-replacement.html', 'reconstructed/spse3x-non-active-replacement.html']);

const matchActivation: Match = (s) => (activationSignal(s) ? { kind: 'activation' } : undefined);
examples('activation', ['reconstructed/spse45-activation.html', 'reconstructed/spse4x-activation.html', 'reconstructed/spse3x-activation.html']);

const matchAdminNotice: Match = (s) => {
  const notice = adminNoticeText(s);
  return notice ? { kind: 'admin-notice', notice: notice.text, ...(notice.contacts && { contactText: notice.contacts }) } : undefined;
};
examples('admin-notice', ['reconstructed/spse45-admin-notice.html', 'reconstructed/spse4x-admin-notice.html', 'reconstructed/spse3x-activation-not-possible.html']);

const matchLoggedIn: Match = (s) => {
  if (!inSession(s)) return undefined;
  const userId = userIdShown(s);
  return userId ? { kind: 'logged-in', role: role(s), userId } : { kind: 'logged-in', role: role(s) };
};
examples('logged-in', ['real:asisten-pokja__jadwal_debug__EXCERPT.html', 'reconstructed/spse45-logged-in-penyedia.html', 'reconstructed/spse45-logged-in-password-meter.html']);

const matchOther: Match = () => ({ kind: 'other' });
examples('other', ['real:pyproc__darurat_pemenang.html', 'real:herpiko_spse35__lelang-1.html', 'reconstructed/spse45-home-modal-shell.html', 'reconstructed/spse45-berita-mentions-adp.html']);

/** The rulebook, in its order: what ships and what the cross-negative test checks are one. */
export const RULEBOOK: readonly { kind: PageKind; match: Match }[] = [
  { kind: 'login-failed', match: matchLoginFailed },
  { kind: 'login', match: matchLogin },
  { kind: 'non-active', match: matchNonActive },
  { kind: 'activation', match: matchActivation },
  { kind: 'admin-notice', match: matchAdminNotice },
  { kind: 'logged-in', match: matchLoggedIn },
  { kind: 'other', match: matchOther },
];

/** One kind per page, with what the page says of it: the first rule of the rulebook that matches. */
export function classifySnapshot(s: PageSnapshot): PageResult {
  for (const rule of RULEBOOK) {
    const result = rule.match(s);
    if (result) return result;
  }
  return { kind: 'other' };
}

/** The exclusive predicate of each kind, from the rulebook (exactly one holds for any SPSE page). */
const isKind = (kind: PageKind) => (s: PageSnapshot) => classifySnapshot(s).kind === kind;
export const isLoginFailed = isKind('login-failed');
export const isLogin = isKind('login');
export const isNonActive = isKind('non-active');
export const isActivation = isKind('activation');
export const isAdminNotice = isKind('admin-notice');
export const isLoggedIn = isKind('logged-in');
export const isOther = isKind('other');

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

/** Which predicate chose the kind, and on what (stable ids, no page text): for `explain` (lib/page/recognition/explain.ts). */
export const PREDICATE_NAMES: Record<PageKind, string> = {
  'login-failed': 'isLoginFailed',
  login: 'isLogin',
  'non-active': 'isNonActive',
  activation: 'isActivation',
  'admin-notice': 'isAdminNotice',
  'logged-in': 'isLoggedIn',
  other: 'isOther',
};

export function kindReasons(s: PageSnapshot): string[] {
  const step = loginStep(s);
  if (step) return [`login-step:${step}`, ...(loginError(s) ? ['login-error-alert'] : [])];
  const nonActive = nonActiveSource(s);
  if (nonActive) return [`non-active:${nonActive}`, ...(replacementUserId(s) ? ['replacement-named'] : [])];
  if (activationSignal(s)) return [anyPhrase([s.title], signals.activation.texts) ? 'activation:title' : activationTexts(s).length ? 'activation:heading' : 'activation:main-content'];
  if (adminNoticeText(s)) return [activationBlocked(s) ? 'admin-notice:activation-blocked' : 'admin-notice:notice'];
  if (inSession(s)) return [s.logout ? 'session:logout' : welcomeRole(s) ? 'session:welcome-line' : 'session:home-heading', ...(s.userLine ? ['user-line'] : [])];
  return ['no-kind-signal'];
}
