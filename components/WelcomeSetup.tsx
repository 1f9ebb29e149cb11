/**
 * The welcome page's short setup ("knowing the penyedia from the first day"): the LPSEs where
 * the penyedia is registered, the User ID at each, whether it is activated for ADP, and — with two accounts
 * or more — which one is the User ID Default. One form: "Simpan" states it all through `penyedia/state`
 * (as Settings does, with the same fields: AccountsEditor), "Lewati" saves nothing. Offered while SPSE
 * Assist knows no account of the penyedia; afterwards Settings is where it is changed.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import type { Account } from '@/lib/schemas';
import { ActivationChoice, DefaultChoice, LpsePicker, UserIdField, userIdProblem, type ActivationAnswer, type LpseHit } from './AccountsEditor';
import { call } from '../lib/ui/call';

/** One line of the form: an LPSE, the User ID there, and its activation. */
export interface SetupRow {
  n: number;
  lpse: { key: string; name: string } | null;
  userId: string;
  activation: ActivationAnswer;
}

/** One account as it will be stated: a User ID, where it is registered, the penyedia's answer on activation. */
export interface SetupAccount {
  userId: string;
  registeredAt: string[];
  activation: ActivationAnswer;
}

/** The same User ID on two lines is one account registered at both; "sudah" over "belum" over "tidak tahu". */
export function accountsOf(rows: Pick<SetupRow, 'lpse' | 'userId' | 'activation'>[]): SetupAccount[] {
  const rank: Record<ActivationAnswer, number> = { unknown: 0, 'not-activated': 1, activated: 2 };
  const byKey = new Map<string, SetupAccount>();
  for (const r of rows) {
    const userId = r.userId.trim();
    if (!userId) continue;
    const key = userId.toLowerCase();
    const a = byKey.get(key) ?? { userId, registeredAt: [], activation: 'unknown' as ActivationAnswer };
    if (r.lpse && !a.registeredAt.includes(r.lpse.key)) a.registeredAt.push(r.lpse.key);
    if (rank[r.activation] > rank[a.activation]) a.activation = r.activation;
    byKey.set(key, a);
  }
  return [...byKey.values()];
}

/**
 * The `penyedia/state` statements for the setup, in order, the Default (asked with two accounts or more)
 * marked on its own account. Sent one after the other, the first one's penyedia given to the others.
 */
export function statementsOf(accounts: SetupAccount[], defaultUserId: string | undefined) {
  return accounts.map((a) => ({
    type: 'penyedia/state' as const,
    userId: a.userId,
    registeredAt: a.registeredAt,
    activation: a.activation,
    ...(accounts.length > 1 && defaultUserId?.toLowerCase() === a.userId.toLowerCase() && { isDefault: true }),
  }));
}

interface Errors {
  lpse: Partial<Record<number, MessageKey>>;
  userId: Partial<Record<number, MessageKey>>;
}

function check(rows: SetupRow[]): Errors {
  const errors: Errors = { lpse: {}, userId: {} };
  for (const r of rows) {
    if (!r.lpse) errors.lpse[r.n] = 'setup_lpse_missing';
    const problem = userIdProblem(r.userId);
    if (problem) errors.userId[r.n] = problem;
  }
  return errors;
}

type Phase = { kind: 'loading' } | { kind: 'form' } | { kind: 'known'; userIds: string[] } | { kind: 'saved'; accounts: SetupAccount[]; defaultUserId?: string; names: Record<string, string> } | { kind: 'skipped' };

const ANSWER_TEXT: Record<ActivationAnswer, MessageKey> = {
  activated: 'popup_activated',
  'not-activated': 'popup_not_activated',
  unknown: 'popup_activation_unknown',
};

export function WelcomeSetup({ lang }: { lang: Lang }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const next = useRef(1);
  const newRow = (): SetupRow => ({ n: next.current++, lpse: null, userId: '', activation: 'unknown' });
  const [rows, setRows] = useState<SetupRow[]>(() => [newRow()]);
  const [defaultUserId, setDefault] = useState<string | undefined>();
  const [errors, setErrors] = useState<Errors | null>(null);
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'error'; n: number } | null>(null);
  const [busy, setBusy] = useState(false);
  // "Sinkronkan lewat akun browser": off unless the penyedia ticks it.
  const [syncOn, setSyncOn] = useState(false);
  // Where the focus goes after the form changes (keyboard users keep their place).
  const focusNext = useRef<string | null>(null);
  const say = (text: string, kind: 'ok' | 'error' = 'ok') => setStatus((s) => ({ text, kind, n: (s?.n ?? 0) + 1 }));

  useEffect(() => {
    call({ type: 'registry/view' })
      .then((v) => {
        const accounts = ((v as { accounts?: Account[] }).accounts ?? []).filter((a) => !a.retired);
        setPhase(accounts.length ? { kind: 'known', userIds: accounts.map((a) => a.userId) } : { kind: 'form' });
      })
      .catch(() => setPhase({ kind: 'form' }));
  }, []);

  useLayoutEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const update = (n: number, change: Partial<SetupRow>) => setRows((rs) => rs.map((r) => (r.n === n ? { ...r, ...change } : r)));
  /** A field changed: its error goes (the others stay until the next "Simpan"). */
  const clear = (field: keyof Errors, n: number) => setErrors((e) => e && { ...e, [field]: { ...e[field], [n]: undefined } });
  const accounts = accountsOf(rows);
  const validIds = accounts.filter((a) => !userIdProblem(a.userId)).map((a) => a.userId);
  const askDefault = validIds.length >= 2;
  const chosenDefault = askDefault && defaultUserId && validIds.some((u) => u.toLowerCase() === defaultUserId.toLowerCase()) ? defaultUserId : undefined;
  const openSettings = () => void browser.runtime.openOptionsPage();

  const save = async (e: Event) => {
    e.preventDefault();
    const found = check(rows);
    const first = rows.find((r) => found.lpse[r.n] || found.userId[r.n]);
    if (first) {
      setErrors(found);
      say(t(lang, 'setup_invalid'), 'error');
      focusNext.current = found.lpse[first.n] ? `setup-lpse-${first.n}` : `setup-user-id-${first.n}`;
      return;
    }
    setErrors(null);
    setBusy(true);
    const names = Object.fromEntries(rows.flatMap((r) => (r.lpse ? [[r.lpse.key, r.lpse.name]] : [])));
    try {
      // Every account in one penyedia: the first statement's (new, or the account's own if already known).
      const [head, ...rest] = statementsOf(accounts, chosenDefault);
      const { penyedia } = await call(head!);
      for (const st of rest) await call({ ...st, penyediaId: penyedia.id });
      if (syncOn) await call({ type: 'sync/set', enabled: true });
      setPhase({ kind: 'saved', accounts, ...(chosenDefault && { defaultUserId: chosenDefault }), names });
      say(t(lang, accounts.length === 1 ? 'setup_saved_one' : 'setup_saved', accounts.length));
    } catch (err) {
      say(t(lang, 'options_error', err instanceof Error ? err.message : String(err)), 'error');
    } finally {
      setBusy(false);
    }
  };

  const skip = () => {
    setPhase({ kind: 'skipped' });
    say(t(lang, 'setup_skipped'));
  };

  return (
    <section id="setup" class="card setup" aria-labelledby="setup-title" data-phase={phase.kind}>
      <h2 id="setup-title">{t(lang, 'setup_title')}</h2>
      {phase.kind === 'form' && (
        <form id="setup-form" noValidate onSubmit={save}>
          <p>{t(lang, 'setup_intro')}</p>
          {rows.map((r, i) => (
            <fieldset class="setup-account" key={r.n} data-row={r.n}>
              <legend>{t(lang, 'setup_account_legend', i + 1)}</legend>
              {r.lpse ? (
                <p class="chosen" data-lpse-key={r.lpse.key}>
                  <span class="muted">{t(lang, 'setup_lpse')}:</span> <strong>{r.lpse.name}</strong>{' '}
                  <button
                    type="button"
                    class="secondary change-lpse"
                    id={`setup-change-lpse-${r.n}`}
                    aria-label={t(lang, 'setup_change_lpse_named', r.lpse.name)}
                    onClick={() => {
                      focusNext.current = `setup-lpse-${r.n}`;
                      update(r.n, { lpse: null });
                    }}
                  >
                    {t(lang, 'setup_change_lpse')}
                  </button>
                </p>
              ) : (
                <LpsePicker
                  lang={lang}
                  id={`setup-lpse-${r.n}`}
                  label={t(lang, 'setup_search_lpse')}
                  addLabel={(h: LpseHit) => t(lang, 'setup_pick_lpse', h.name)}
                  error={errors?.lpse[r.n] && t(lang, errors.lpse[r.n]!)}
                  onError={(reason) => say(t(lang, 'options_error', reason), 'error')}
                  onPick={(h) => {
                    focusNext.current = `setup-user-id-${r.n}`;
                    update(r.n, { lpse: { key: h.key, name: h.name } });
                    clear('lpse', r.n);
                  }}
                />
              )}
              <UserIdField
                id={`setup-user-id-${r.n}`}
                label={r.lpse ? t(lang, 'setup_user_id_at', r.lpse.name) : t(lang, 'setup_user_id')}
                value={r.userId}
                error={errors?.userId[r.n] && t(lang, errors.userId[r.n]!)}
                onInput={(userId) => {
                  update(r.n, { userId });
                  clear('userId', r.n);
                }}
              />
              <ActivationChoice lang={lang} id={`setup-activation-${r.n}`} legend={t(lang, 'setup_activation')} value={r.activation} onChange={(activation) => update(r.n, { activation })} />
              {rows.length > 1 && (
                <button
                  type="button"
                  class="secondary remove-row"
                  aria-label={t(lang, 'setup_remove_named', i + 1)}
                  onClick={() => {
                    focusNext.current = 'setup-add';
                    setRows((rs) => rs.filter((x) => x.n !== r.n));
                  }}
                >
                  {t(lang, 'options_remove')}
                </button>
              )}
            </fieldset>
          ))}
          <p>
            <button
              type="button"
              class="secondary"
              id="setup-add"
              onClick={() => {
                const row = newRow();
                focusNext.current = `setup-lpse-${row.n}`;
                setRows((rs) => [...rs, row]);
              }}
            >
              {t(lang, 'setup_add_another')}
            </button>
          </p>
          {askDefault && (
            <DefaultChoice id="setup-default" legend={t(lang, 'setup_default')} userIds={validIds} checked={chosenDefault} onChange={setDefault}>
              <p class="muted">{t(lang, 'setup_default_explain')}</p>
            </DefaultChoice>
          )}
          <div class="choice">
            <input type="checkbox" id="setup-sync" aria-describedby="setup-sync-explain" checked={syncOn} onChange={(e) => setSyncOn((e.target as HTMLInputElement).checked)} />
            <label for="setup-sync">{t(lang, 'setup_sync')}</label>
          </div>
          <p class="muted" id="setup-sync-explain">
            {t(lang, 'sync_explain')}
          </p>
          <div class="buttons">
            <button type="submit" id="setup-save" disabled={busy}>
              {t(lang, 'options_save')}
            </button>
            <button type="button" class="secondary" id="setup-skip" onClick={skip}>
              {t(lang, 'setup_skip')}
            </button>
          </div>
        </form>
      )}
      {phase.kind === 'saved' && (
        <div id="setup-saved">
          <h3>{t(lang, 'setup_saved_title')}</h3>
          <ul>
            {phase.accounts.map((a) => (
              <li key={a.userId} data-user-id={a.userId}>
                <strong>{a.userId}</strong> · {a.registeredAt.map((k) => phase.names[k] ?? k).join(', ')} · {t(lang, ANSWER_TEXT[a.activation])}
              </li>
            ))}
          </ul>
          {phase.defaultUserId && <p id="setup-saved-default">{t(lang, 'setup_saved_default', phase.defaultUserId)}</p>}
          <p>
            {t(lang, 'setup_later')}{' '}
            <button type="button" class="secondary" onClick={openSettings}>
              {t(lang, 'popup_settings')}
            </button>
          </p>
        </div>
      )}
      {phase.kind === 'skipped' && (
        <p>
          <button type="button" class="secondary" onClick={openSettings}>
            {t(lang, 'popup_settings')}
          </button>
        </p>
      )}
      {phase.kind === 'known' && (
        <p>
          {t(lang, 'setup_known', phase.userIds.join(', '))}{' '}
          <button type="button" class="secondary" onClick={openSettings}>
            {t(lang, 'popup_settings')}
          </button>
        </p>
      )}
      {/* The setup's one polite live region: saved, skipped, or what to check. */}
      <p id="setup-status" class={status?.kind === 'error' ? 'status error' : 'status'} role="status" aria-live="polite" data-kind={status?.kind ?? ''} data-n={status?.n ?? 0}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
