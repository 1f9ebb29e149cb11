/**
 * The SOP's rules (docs/sop.md, "Rules the product derives"): from what is known and what the page
 * shows, the next action, its parameters, and what to remember. Pure: no browser, no database, no clock
 * (time and ids are given), so a table-driven test walks every row.
 * Rules beyond sop.md are written down in docs/rules.md.
 */
import type { Account, Attempt, Penyedia, Problem, Source } from '../registry/schemas';
import type { PageResult } from '../spse/page-kinds';
import type { NextAction } from './actions';

/** What the registry knows that matters at this LPSE, for this tab. */
export interface Known {
  lpseKey: string;
  lpseName?: string;
  /** Names of other LPSEs, to name a home LPSE in advice. */
  lpseNames: Record<string, string>;
  penyedia: Penyedia[];
  accounts: Account[];
  /** Problems at this LPSE that are not solved. */
  problemsHere: Problem[];
  /** This tab's login attempt, if one is open and fresh. */
  attempt?: Attempt;
  /** `ready` was said at this LPSE in this browser session. */
  readySaid: boolean;
}

export type Event =
  | {
      type: 'page';
      page: PageResult;
      /** genuine LPSE address over HTTPS */
      genuine: boolean;
      /** a login form is on the page, shown or not */
      loginForm?: boolean;
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
}

export interface Changes {
  accounts: Account[];
  penyedia: Penyedia[];
  problems: Problem[];
  /** Open or update this tab's attempt; `null` closes it. */
  attempt?: Attempt | null;
  readySaid?: boolean;
}

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

/** Login attempts older than this are closed (issue 4). */
export const ATTEMPT_TTL_MS = 15 * 60 * 1000;

const keyOf = (userId: string) => userId.toLowerCase();
const none = (): Changes => ({ accounts: [], penyedia: [], problems: [] });

export function decide(known: Known, event: Event, env: Env): Decision {
  if (event.type === 'user-id-submitted') return userIdSubmitted(known, event.userId, env);
  const { page, genuine } = event;
  // A page that looks like SPSE on an address that is not a genuine LPSE, or not over HTTPS: warn,
  // offer nothing, learn nothing (a look-alike must never plant an account or a "replacement"). A listing
  // page without any login form is left alone: nothing there asks for a password.
  if (!genuine) return { nextAction: page.kind === 'other' && !event.loginForm ? null : 'suspicious-site', params: {}, changes: none() };

  const ctx = new Context(known, env);
  switch (page.kind) {
    case 'login':
      return ctx.login();
    case 'login-failed':
      return ctx.loginFailed();
    case 'activation':
      return ctx.activation();
    case 'non-active':
      return ctx.nonActive(page.replacementUserId);
    case 'admin-notice':
      return ctx.adminNotice(page.notice);
    case 'logged-in':
      return ctx.loggedIn(page.userId, page.role === 'penyedia');
    case 'other':
      return ctx.quiet();
  }
}

function userIdSubmitted(known: Known, userId: string, env: Env): Decision {
  const attempt: Attempt = { tabId: env.tabId, lpseKey: known.lpseKey, userId, startedAt: known.attempt?.startedAt ?? env.now, updatedAt: env.now };
  return { nextAction: null, params: {}, changes: { ...none(), attempt } };
}

class Context {
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
      ? this.done('wait-for-lpse', { problemId: p.id, notice: p.notice })
      : this.done('contact-lpse', { problemId: p.id, notice: p.notice });
  }
  private done(nextAction: NextAction | null, params: ActionParams = {}): Decision {
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
    return this.problemAdvice() ?? this.done(null);
  }

  /** Step 1 / 3 / 8: which account to log in with here. */
  login(): Decision {
    const problem = this.problemAdvice();
    if (problem) return problem;
    const typed = this.account(this.attemptUserId());
    const penyediaIds = typed ? [typed.penyediaId] : [...new Set(this.known.accounts.filter((a) => !a.retired).map((a) => a.penyediaId))];
    if (penyediaIds.length === 0) return this.done('log-in'); // step 1: nothing known yet
    if (penyediaIds.length > 1) {
      // Never offer one penyedia's User ID at another's login: ask which penyedia is logging in.
      const candidates = penyediaIds.map((id) => {
        const p = this.known.penyedia.find((x) => x.id === id);
        const userId = p?.defaultUserId ?? this.accountsOf(id)[0]?.userId;
        return { penyediaId: id, ...(p?.label && { label: p.label }), ...(userId && { userId }) };
      });
      return this.done('log-in', { candidates });
    }
    return this.adviceFor(penyediaIds[0]!);
  }

  private adviceFor(penyediaId: string): Decision {
    const here = this.known.lpseKey;
    const accounts = this.accountsOf(penyediaId);
    const penyedia = this.known.penyedia.find((p) => p.id === penyediaId);
    const local = accounts.filter((a) => a.registeredAt.includes(here));
    const conflict = local.some((a) => a.registeredAt.length > 1);
    if (local.length === 1 && !conflict) return this.done('log-in', { userId: local[0]!.userId, mode: 'local' }); // step 1/8: login lokal
    if (conflict) return this.done('log-in', { conflict: true, mode: 'local' });
    const registrations = this.registrations(penyediaId);
    // Registered at several LPSEs: roaming needs the User ID Default (step 3).
    if (registrations.length > 1 || (penyedia?.defaultUserId && accounts.length > 1)) {
      return this.done('use-default-user-id', { mode: 'roaming', ...(penyedia?.defaultUserId && { userId: penyedia.defaultUserId }) });
    }
    const only = accounts.find((a) => a.registeredAt.length === 1) ?? accounts[0];
    if (!only) return this.done('log-in');
    const home = only.registeredAt[0];
    // Not activated yet: activation comes first, at the LPSE where the account is registered (step 4).
    if (only.activation === 'not-activated' || only.activation === 'in-progress')
      return this.done('activate', { userId: only.userId, ...(home && { homeLpse: this.lpse(home) }) });
    if (!home) return this.done('log-in', { userId: only.userId });
    return this.done('log-in-roaming', { userId: only.userId, mode: 'roaming', homeLpse: this.lpse(home) }); // step 3
  }

  /** A failed login: check the User ID; roaming before activation means: activate at home first. */
  loginFailed(): Decision {
    const typed = this.account(this.attemptUserId());
    this.closeAttempt();
    const problem = this.problemAdvice();
    if (problem) return problem;
    if (typed) {
      const here = this.known.lpseKey;
      const roaming = typed.registeredAt.length > 0 && !typed.registeredAt.includes(here);
      const home = typed.registeredAt[0];
      if (roaming && typed.activation !== 'activated')
        return this.done('activate', { userId: typed.userId, ...(home && { homeLpse: this.lpse(home) }) });
      const penyedia = this.known.penyedia.find((p) => p.id === typed.penyediaId);
      if (roaming && penyedia?.defaultUserId && keyOf(penyedia.defaultUserId) !== typed.key)
        return this.done('check-credentials', { userId: penyedia.defaultUserId, mode: 'roaming' });
    }
    return this.done('check-credentials');
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
      return this.done('activate', { userId });
    }
    return this.done('activate');
  }

  /** Step 5: the local account is deactivated; use the account the page names, then activate it. */
  nonActive(replacementUserId: string | undefined): Decision {
    const userId = this.attemptUserId();
    this.closeAttempt();
    const old = userId ? this.ensureAccount(userId, 'non-active-page') : undefined;
    if (!replacementUserId) {
      // No replacement named: only the LPSE can help (our rule: treated as an admin notice, docs/rules.md).
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
      return this.done('contact-lpse', { problemId: problem.id, notice: problem.notice });
    }
    const replacement = this.ensureAccount(replacementUserId, 'non-active-page', old?.penyediaId);
    this.put({
      ...replacement,
      registeredAt: replacement.registeredAt.includes(this.known.lpseKey) ? replacement.registeredAt : [...replacement.registeredAt, this.known.lpseKey],
      activation: replacement.activation === 'unknown' ? 'not-activated' : replacement.activation,
      retired: false,
    });
    if (old && old.key !== replacement.key) this.put({ ...old, retired: true, replacedBy: replacementUserId, sources: [...old.sources, this.source('non-active-page')].slice(-50) });
    return this.done('use-replacement-account', { replacementUserId });
  }

  /** Step 6 (and 7 once reported): a notice only the LPSE can resolve. */
  adminNotice(notice: string): Decision {
    const userId = this.attemptUserId();
    this.closeAttempt();
    const open = this.known.problemsHere.find((p) => p.kind === 'admin-notice' && p.state !== 'solved' && p.notice === notice);
    if (open) return open.state === 'reported' ? this.done('wait-for-lpse', { problemId: open.id, notice }) : this.done('contact-lpse', { problemId: open.id, notice });
    const problem: Problem = { id: this.env.newId(), lpseKey: this.known.lpseKey, kind: 'admin-notice', notice, ...(userId && { userId }), state: 'open', openedAt: this.env.now };
    this.changes.problems.push(problem);
    return this.done('contact-lpse', { problemId: problem.id, notice });
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
    if (!penyedia) return this.done(null);
    // `ready` is said once per LPSE per browser session, then kept quiet.
    if (this.known.readySaid) return this.done(null);
    this.changes.readySaid = true;
    return this.done('ready');
  }
}
