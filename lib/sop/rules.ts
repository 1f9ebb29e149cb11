/**
 * The SOP's rules (docs/sop.md, "Rules the product derives"): from what is known and what the page
 * shows, the next action, its parameters, and what to remember. Pure: no browser, no database, no clock
 * (time and ids are given), so a table-driven test walks every row.
 * Rules beyond sop.md are in lib/sop/RULES.md (R1…), tagged where they apply.
 */
import type { Account, Attempt, Learned, Penyedia, Problem, Source } from '../schemas';
import type { LoginStep, PageResult } from '../page/recognition/page-kinds';
import type { NextAction } from './actions';

/** What the registry knows that matters at this LPSE, for this tab. */
export interface Known {
  lpseKey: string;
  lpseName?: string;
  /** Names of other LPSEs, to name a home LPSE in advice. */
  lpseNames: Record<string, string>;
  /** Where the penyedia last opened an LPSE (its recorded base), to link to it; else its key is its address. */
  lpseAddresses?: Record<string, string>;
  penyedia: Penyedia[];
  accounts: Account[];
  /** Problems at this LPSE that are not solved. */
  problemsHere: Problem[];
  /** This tab's login attempt, if one is open and fresh. */
  attempt?: Attempt;
  /** `ready` was said at this LPSE in this browser session. */
  readySaid: boolean;
}

/** What the SOP is told: a page seen, or a User ID submitted at SPSE's User ID step. */
export type Observation =
  | {
      type: 'page';
      page: PageResult;
      /** genuine LPSE address over HTTPS */
      genuine: boolean;
      /** a login form is on the page, shown or not */
      loginForm?: boolean;
      /** the page is the LPSE's public home (its base path) and shows SPSE's own LOGIN control */
      loginEntry?: boolean;
    }
  | { type: 'user-id-submitted'; userId: string };

export interface ActionParams {
  /** The User ID to use (and to offer to fill) here. */
  userId?: string;
  /** Several penyedia are known and the page does not tell which: ask. */
  candidates?: { penyediaId: string; label?: string; userId?: string }[];
  mode?: 'local' | 'roaming';
  /** The LPSE where the account is registered (to activate there, or to name it). */
  homeLpse?: { key: string; name?: string };
  replacementUserId?: string;
  notice?: string;
  problemId?: string;
  /** The same User ID was seen as local at more than one LPSE: the penyedia must say which is right. */
  conflict?: boolean;
  /** Which step of SPSE's login the page is (`home`: the public home, before LOGIN): what to do next names it. */
  step?: LoginStep | 'home' | 'activation-form';
  /** Why a login failed, as far as SPSE's error text and what is known tell. */
  reason?: FailureReason;
  /** The primary button opens SPSE's login at this LPSE address (the home LPSE, or here) and fills `userId`. */
  go?: { url: string; userId?: string };
  /** The penyedia's accounts when the User ID Default is needed and not known: ask which one it is. */
  askDefault?: string[];
}

/** Failed logins told apart (RULES.md R15): the error SPSE shows is the same for most causes. */
export type FailureReason = 'password' | 'captcha' | 'otp' | 'not-default' | 'unknown';

/** What to remember (the registry writes it with the observation). */
export type Changes = Learned;

export interface Decision {
  nextAction: NextAction | null;
  params: ActionParams;
  changes: Changes;
}

export interface Env {
  now: number;
  tabId: number;
  newId: () => string;
}

/** Login attempts older than this are closed (R3): a login, not the rest of the day. */
export const ATTEMPT_TTL_MS = 15 * 60 * 1000;

const keyOf = (userId: string) => userId.toLowerCase();
const none = (): Changes => ({ accounts: [], penyedia: [], problems: [] });

export function decide(known: Known, event: Observation, env: Env): Decision {
  if (event.type === 'user-id-submitted') return userIdSubmitted(known, event.userId, env);
  const { page, genuine } = event;
  // A page that looks like SPSE on an address that is not a genuine LPSE, or not over HTTPS: warn,
  // offer nothing, learn nothing (a look-alike must never plant an account or a "replacement"). A listing
  // page without any login form is left alone: nothing there asks for a password.
  if (!genuine) return { nextAction: page.kind === 'other' && !event.loginForm ? null : 'suspicious-site', params: {}, changes: none() };

  const ctx = new Rulebook(known, env);
  switch (page.kind) {
    case 'login':
      return ctx.login(page.step);
    case 'login-failed':
      return ctx.loginFailed(page.step, page.error);
    case 'activation':
      return ctx.activation();
    case 'non-active':
      return ctx.nonActive(page.replacementUserId);
    case 'admin-notice':
      return ctx.adminNotice(page.notice);
    case 'logged-in':
      return ctx.loggedIn(page.userId, page.role === 'penyedia');
    case 'other':
      // The LPSE's public home: the journey's first click is SPSE's LOGIN (R16).
      return event.loginEntry ? ctx.login('home') : ctx.quiet();
  }
}

function userIdSubmitted(known: Known, userId: string, env: Env): Decision {
  const attempt: Attempt = { tabId: env.tabId, lpseKey: known.lpseKey, userId, startedAt: known.attempt?.startedAt ?? env.now, updatedAt: env.now };
  return { nextAction: null, params: {}, changes: { ...none(), attempt } };
}

/** The SOP's rows, applied to what is known at this LPSE and tab (one instance per decision). */
class Rulebook {
  readonly changes: Changes = none();
  constructor(
    readonly known: Known,
    readonly env: Env,
  ) {}

  private source(from: Source['from']): Source {
    return { from, lpseKey: this.known.lpseKey, at: this.env.now };
  }
  private lpse(key: string) {
    const name = key === this.known.lpseKey ? this.known.lpseName : this.known.lpseNames[key];
    return name ? { key, name } : { key };
  }
  private account(userId: string | undefined): Account | undefined {
    return userId ? this.known.accounts.find((a) => a.key === keyOf(userId)) : undefined;
  }
  private accountsOf(penyediaId: string): Account[] {
    return this.known.accounts.filter((a) => a.penyediaId === penyediaId && !a.retired);
  }
  /** LPSEs where a penyedia is registered: every registration of their active accounts. */
  private registrations(penyediaId: string): string[] {
    return [...new Set(this.accountsOf(penyediaId).flatMap((a) => a.registeredAt))];
  }
  private attemptUserId(): string | undefined {
    const a = this.known.attempt;
    return a && a.lpseKey === this.known.lpseKey && this.env.now - a.updatedAt <= ATTEMPT_TTL_MS ? a.userId : undefined;
  }
  /** An open problem at this LPSE decides before anything else (SOP steps 6 and 7). */
  private problemAdvice(): Decision | undefined {
    const p = this.known.problemsHere.find((x) => x.state !== 'solved');
    if (!p) return undefined;
    return p.state === 'reported'
      ? this.advise('wait-for-lpse', { problemId: p.id, notice: p.notice })
      : this.advise('contact-lpse', { problemId: p.id, notice: p.notice });
  }
  private advise(nextAction: NextAction | null, params: ActionParams = {}): Decision {
    return { nextAction, params, changes: this.changes };
  }
  /** Creates (in the changes) an account for a User ID met on a genuine page, in a penyedia of its own unless given. */
  private ensureAccount(userId: string, from: Source['from'], penyediaId?: string): Account {
    const existing = this.account(userId) ?? this.changes.accounts.find((a) => a.key === keyOf(userId));
    if (existing) return existing;
    let pid = penyediaId;
    if (!pid) {
      const p: Penyedia = { id: this.env.newId(), createdAt: this.env.now };
      this.changes.penyedia.push(p);
      pid = p.id;
    }
    const account: Account = {
      key: keyOf(userId),
      userId,
      penyediaId: pid,
      registeredAt: [],
      activation: 'unknown',
      retired: false,
      lastLogin: {},
      sources: [this.source(from)],
    };
    return account;
  }
  private put(account: Account) {
    this.changes.accounts = [...this.changes.accounts.filter((a) => a.key !== account.key), account];
  }
  private closeAttempt() {
    if (this.known.attempt) this.changes.attempt = null;
  }

  // ── SOP rows ─────────────────────────────────────────────────────────────────────────────────────────

  quiet(): Decision {
    return this.problemAdvice() ?? this.advise(null);
  }

  /** Step 1 / 3 / 8: which account to log in with here, at this step of SPSE's login. */
  login(step: LoginStep | 'home'): Decision {
    const problem = this.problemAdvice();
    if (problem) return problem;
    const typed = this.account(this.attemptUserId());
    const penyediaIds = typed ? [typed.penyediaId] : [...new Set(this.known.accounts.filter((a) => !a.retired).map((a) => a.penyediaId))];
    if (penyediaIds.length === 0) return this.advise('log-in', { step }); // step 1: nothing known yet
    if (penyediaIds.length > 1) {
      // Never offer one penyedia's User ID at another's login: ask which penyedia is logging in.
      const candidates = penyediaIds.map((id) => {
        const p = this.known.penyedia.find((x) => x.id === id);
        const userId = p?.defaultUserId ?? this.accountsOf(id)[0]?.userId;
        return { penyediaId: id, ...(p?.label && { label: p.label }), ...(userId && { userId }) };
      });
      return this.advise('log-in', { candidates, step });
    }
    const d = this.adviceFor(penyediaIds[0]!);
    return { ...d, params: { ...d.params, step } };
  }

  /** The LPSE's address to open (the one the penyedia last used for it, else its spse.inaproc.id key). */
  private addressOf(key: string): string {
    const base = this.known.lpseAddresses?.[key] ?? key;
    return base.endsWith('/') ? base : `${base}/`;
  }

  /** Activation comes first, at the LPSE where the account is registered (SOP step 4), with the way there. */
  private activateAtHome(account: Account): Decision {
    const home = account.registeredAt[0];
    if (!home || home === this.known.lpseKey) return this.advise('activate', { userId: account.userId, ...(home && { homeLpse: this.lpse(home) }) });
    return this.advise('activate', { userId: account.userId, homeLpse: this.lpse(home), go: { url: this.addressOf(home), userId: account.userId } });
  }

  private adviceFor(penyediaId: string): Decision {
    const here = this.known.lpseKey;
    const accounts = this.accountsOf(penyediaId);
    const penyedia = this.known.penyedia.find((p) => p.id === penyediaId);
    const local = accounts.filter((a) => a.registeredAt.includes(here));
    const conflict = local.some((a) => a.registeredAt.length > 1);
    if (local.length === 1 && !conflict) return this.advise('log-in', { userId: local[0]!.userId, mode: 'local' }); // step 1/8: login lokal
    if (conflict) return this.advise('log-in', { conflict: true, mode: 'local' });
    const registrations = this.registrations(penyediaId);
    // Registered at several LPSEs: roaming needs the User ID Default (step 3); not known yet → ask (R17).
    if (registrations.length > 1 || (penyedia?.defaultUserId && accounts.length > 1)) {
      if (penyedia?.defaultUserId) {
        const def = this.account(penyedia.defaultUserId);
        if (def && def.activation !== 'activated' && def.activation !== 'unknown') return this.activateAtHome(def);
        return this.advise('use-default-user-id', { mode: 'roaming', userId: penyedia.defaultUserId });
      }
      return this.advise('use-default-user-id', { mode: 'roaming', askDefault: accounts.map((a) => a.userId).slice(0, 20) });
    }
    const only = accounts.find((a) => a.registeredAt.length === 1) ?? accounts[0];
    if (!only) return this.advise('log-in');
    const home = only.registeredAt[0];
    // Not activated yet: activation comes first, at the LPSE where the account is registered (step 4).
    if (only.activation === 'not-activated' || only.activation === 'in-progress') return this.activateAtHome(only);
    if (!home) return this.advise('log-in', { userId: only.userId });
    return this.advise('log-in-roaming', { userId: only.userId, mode: 'roaming', homeLpse: this.lpse(home) }); // step 3
  }

  /**
   * A failed login, told apart (R15) by SPSE's error text and what is known: the code or captcha, the
   * password at home, a non-default User ID roaming, an account not activated roaming, or unknown (check both).
   */
  loginFailed(step: LoginStep, error: string): Decision {
    const typed = this.account(this.attemptUserId());
    this.closeAttempt();
    const problem = this.problemAdvice();
    if (problem) return problem;
    const low = error.toLowerCase();
    if (step === 'otp') return this.advise('check-credentials', { reason: 'otp', step });
    if (/kode keamanan|captcha|kode verifikasi|security code/.test(low) && !/password|kata sandi/.test(low)) return this.advise('check-credentials', { reason: 'captcha', step });
    if (typed) {
      const here = this.known.lpseKey;
      const roaming = typed.registeredAt.length > 0 && !typed.registeredAt.includes(here);
      // A non-default account never roams (SOP step 3): that is certain, its activation is not.
      const penyedia = this.known.penyedia.find((p) => p.id === typed.penyediaId);
      if (roaming && penyedia?.defaultUserId && keyOf(penyedia.defaultUserId) !== typed.key)
        // A form with the User ID field (4.x, 3.x, the User ID step) takes the Default right there; SPSE 4.5's
        // password step goes back through the login.
        return this.advise('check-credentials', {
          reason: 'not-default',
          userId: penyedia.defaultUserId,
          mode: 'roaming',
          step,
          ...(step !== 'one-form' && step !== 'user-id' && { go: { url: this.addressOf(here), userId: penyedia.defaultUserId } }),
        });
      if (roaming && typed.activation !== 'activated') return this.activateAtHome(typed);
      const others = this.accountsOf(typed.penyediaId);
      if (roaming && others.length > 1) return this.advise('check-credentials', { reason: 'not-default', mode: 'roaming', step, askDefault: others.map((a) => a.userId).slice(0, 20) });
      if (!roaming && typed.registeredAt.includes(here)) return this.advise('check-credentials', { reason: 'password', step });
      // Known to be unactivated, home unknown: activation first, where it is registered.
      if (typed.activation === 'not-activated') return this.advise('activate', { userId: typed.userId });
    }
    return this.advise('check-credentials', { reason: 'unknown', step });
  }

  /** Step 2/4: the activation page; the account is registered here and its activation is under way. */
  activation(): Decision {
    const userId = this.attemptUserId();
    this.closeAttempt();
    if (userId) {
      const acc = this.ensureAccount(userId, 'activation-page');
      const here = this.known.lpseKey;
      this.put({
        ...acc,
        registeredAt: acc.registeredAt.includes(here) ? acc.registeredAt : [...acc.registeredAt, here].slice(-20),
        activation: acc.activation === 'activated' ? 'activated' : 'in-progress',
        sources: [...acc.sources, this.source('activation-page')].slice(-50),
      });
      return this.advise('activate', { userId, step: 'activation-form' });
    }
    return this.advise('activate', { step: 'activation-form' });
  }

  /**
   * Step 5: the local account is deactivated; use the account the page names, then activate it. The
   * replacement belongs where the replaced account is registered, never to the LPSE this page was met at
   * while roaming (R18).
   */
  nonActive(replacementUserId: string | undefined): Decision {
    const userId = this.attemptUserId();
    this.closeAttempt();
    const old = userId ? this.ensureAccount(userId, 'non-active-page') : undefined;
    if (!replacementUserId) {
      // No replacement named: only the LPSE can help (RULES.md R7).
      const existing = this.known.problemsHere.find((p) => p.kind === 'non-active-without-replacement' && p.state !== 'solved');
      if (existing) return this.problemAdvice()!;
      const problem: Problem = {
        id: this.env.newId(),
        lpseKey: this.known.lpseKey,
        kind: 'non-active-without-replacement',
        notice: 'User ID tidak aktif, tanpa akun pengganti',
        ...(userId && { userId }),
        state: 'open',
        openedAt: this.env.now,
      };
      this.changes.problems.push(problem);
      return this.advise('contact-lpse', { problemId: problem.id, notice: problem.notice });
    }
    const replacement = this.ensureAccount(replacementUserId, 'non-active-page', old?.penyediaId);
    const homes = old?.registeredAt ?? [];
    this.put({
      ...replacement,
      registeredAt: [...new Set([...replacement.registeredAt, ...homes])].slice(-20),
      activation: replacement.activation === 'unknown' ? 'not-activated' : replacement.activation,
      retired: false,
    });
    if (old && old.key !== replacement.key) this.put({ ...old, retired: true, replacedBy: replacementUserId, sources: [...old.sources, this.source('non-active-page')].slice(-50) });
    // Log in again with the replacement where it belongs: the replaced account's LPSE, else here.
    const home = homes[0] ?? this.known.lpseKey;
    return this.advise('use-replacement-account', {
      replacementUserId,
      ...(home !== this.known.lpseKey && { homeLpse: this.lpse(home) }),
      go: { url: this.addressOf(home), userId: replacementUserId },
    });
  }

  /** Step 6 (and 7 once reported): a notice only the LPSE can resolve. */
  adminNotice(notice: string): Decision {
    const userId = this.attemptUserId();
    this.closeAttempt();
    const open = this.known.problemsHere.find((p) => p.kind === 'admin-notice' && p.state !== 'solved' && p.notice === notice);
    if (open) return open.state === 'reported' ? this.advise('wait-for-lpse', { problemId: open.id, notice }) : this.advise('contact-lpse', { problemId: open.id, notice });
    const problem: Problem = { id: this.env.newId(), lpseKey: this.known.lpseKey, kind: 'admin-notice', notice, ...(userId && { userId }), state: 'open', openedAt: this.env.now };
    this.changes.problems.push(problem);
    return this.advise('contact-lpse', { problemId: problem.id, notice });
  }

  /** Step 8: logged in as penyedia. Roaming success proves the account is activated. */
  loggedIn(pageUserId: string | undefined, penyedia: boolean): Decision {
    const userId = this.attemptUserId() ?? pageUserId;
    this.closeAttempt();
    if (userId && penyedia) {
      const acc = this.ensureAccount(userId, 'logged-in-page');
      const here = this.known.lpseKey;
      const mode = acc.registeredAt.length === 0 ? 'unknown' : acc.registeredAt.includes(here) ? 'local' : 'roaming';
      this.put({
        ...acc,
        activation: mode === 'roaming' ? 'activated' : acc.activation,
        lastLogin: { ...acc.lastLogin, [here]: { at: this.env.now, mode } },
        sources: [...acc.sources, this.source('logged-in-page')].slice(-50),
      });
    }
    const problem = this.problemAdvice();
    if (problem) return problem;
    if (!penyedia) return this.advise(null);
    // `ready` is said once per LPSE per browser session, then kept quiet.
    if (this.known.readySaid) return this.advise(null);
    this.changes.readySaid = true;
    return this.advise('ready');
  }
}
