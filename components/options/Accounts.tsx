/**
 * Sections 1 and 2: where each User ID is registered (LPSEs picked from the directory), whether it is
 * activated for ADP, grouped per penyedia (a profile may serve several: a consultant), and each penyedia's
 * User ID Default. Every change is saved at once; the fields are the welcome page's too (AccountsEditor).
 */
import { useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import type { Account, Penyedia } from '@/lib/schemas';
import { ActivationChoice, answerOf, DefaultChoice, idPart, LpsePicker, UserIdField, userIdProblem } from '../AccountsEditor';
import { shortLpseKey } from '@/lib/spse/hosts';
import { call, saveAndSay, type OptionsContext } from './shared';

interface Group {
  id: string;
  name: string;
  penyedia: Penyedia | undefined;
  accounts: Account[];
}

function groupsOf(ctx: OptionsContext): Group[] {
  const ids = [...new Set([...ctx.view.penyedia.map((p) => p.id), ...ctx.view.accounts.map((a) => a.penyediaId)])];
  const groups = ids.map((id, i) => {
    const penyedia = ctx.view.penyedia.find((p) => p.id === id);
    return { id, name: penyedia?.label || t(ctx.lang, 'options_penyedia_unnamed', i + 1), penyedia, accounts: ctx.view.accounts.filter((a) => a.penyediaId === id) };
  });
  return groups.filter((g) => g.accounts.length > 0);
}

const ACTIVATION_KEY: Record<Account['activation'], MessageKey> = {
  activated: 'popup_activated',
  'not-activated': 'popup_not_activated',
  'in-progress': 'popup_activation_in_progress',
  unknown: 'popup_activation_unknown',
};

export function Registered({ ctx }: { ctx: OptionsContext }) {
  const { lang } = ctx;
  const groups = groupsOf(ctx);
  // LPSE names: those the registry knows, and those the directory gave while searching.
  const found = useRef(new Map<string, string>());
  const nameOf = (key: string) => ctx.view.lpses.find((l) => l.key === key)?.name ?? found.current.get(key) ?? shortLpseKey(key);

  const save = (request: Parameters<typeof call<'penyedia/state'>>[0]) => saveAndSay(ctx, () => call(request));

  return (
    <fieldset id="registered">
      <legend>
        <h2>{t(lang, 'options_registered')}</h2>
      </legend>
      <p>{t(lang, 'options_registered_explain')}</p>
      <AddUserId ctx={ctx} groups={groups} save={save} />
      {groups.length === 0 ? (
        <p>{t(lang, 'options_no_accounts')}</p>
      ) : (
        groups.map((g) => (
          <section class="penyedia" key={g.id} data-penyedia-id={g.id} aria-label={g.name}>
            <h3>{g.name}</h3>
            <PenyediaLabel ctx={ctx} group={g} save={save} />
            <ul class="accounts">
              {g.accounts.map((a) => (
                <li class="account" key={a.key} data-user-id={a.userId}>
                  <p>
                    <strong>{a.userId}</strong> · {t(lang, ACTIVATION_KEY[a.activation])}
                    {a.replacedBy && <> · {t(lang, 'options_replaced_by', a.replacedBy)}</>}{' '}
                    <button
                      type="button"
                      class="secondary forget"
                      onClick={async () => {
                        await call({ type: 'penyedia/forget', userId: a.userId });
                        await ctx.reload();
                      }}
                    >
                      {t(lang, 'options_forget_user_id', a.userId)}
                    </button>
                  </p>
                  <p class="sub">{t(lang, 'options_registered_at')}</p>
                  {a.registeredAt.length === 0 ? (
                    <p class="muted">{t(lang, 'options_registered_none')}</p>
                  ) : (
                    <ul class="lpses">
                      {a.registeredAt.map((key) => (
                        <li key={key} data-lpse-key={key}>
                          <span>{nameOf(key)}</span> <span class="muted">{key}</span>{' '}
                          <button
                            type="button"
                            class="remove-lpse"
                            aria-label={t(lang, 'options_remove_named', nameOf(key))}
                            onClick={() => save({ type: 'penyedia/state', userId: a.userId, registeredAt: a.registeredAt.filter((k) => k !== key) })}
                          >
                            {t(lang, 'options_remove')}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                  <LpsePicker
                    lang={lang}
                    id={`search-${idPart(a.userId)}`}
                    label={t(lang, 'options_search_lpse', a.userId)}
                    addLabel={(h) => t(lang, 'options_add_lpse_to', h.name, a.userId)}
                    exclude={a.registeredAt}
                    onError={(reason) => ctx.say(t(lang, 'options_error', reason), 'error')}
                    onPick={(h) => {
                      found.current.set(h.key, h.name);
                      void save({ type: 'penyedia/state', userId: a.userId, registeredAt: [...a.registeredAt, h.key] });
                    }}
                  />
                  <ActivationChoice
                    lang={lang}
                    id={`activation-${idPart(a.key)}`}
                    legend={t(lang, 'accounts_activation_of', a.userId)}
                    value={answerOf(a.activation)}
                    onChange={(activation) => void save({ type: 'penyedia/state', userId: a.userId, activation })}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </fieldset>
  );
}

function AddUserId({ ctx, groups, save }: { ctx: OptionsContext; groups: Group[]; save: (r: Parameters<typeof call<'penyedia/state'>>[0]) => Promise<boolean> }) {
  const { lang } = ctx;
  const [userId, setUserId] = useState('');
  const [penyediaId, setPenyediaId] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const value = userId.trim();
    const wrong = userIdProblem(value);
    setProblem(wrong);
    if (wrong) {
      ctx.say(t(lang, wrong), 'error');
      return;
    }
    const known = groups.some((g) => g.id === penyediaId);
    if (await save({ type: 'penyedia/state', userId: value, ...(known && { penyediaId }) })) setUserId('');
  };
  return (
    <form class="add-user-id" onSubmit={submit}>
      <h3>{t(lang, 'options_add_user_id')}</h3>
      <UserIdField id="add-user-id" label={t(lang, 'options_user_id')} value={userId} error={problem && t(lang, problem)} onInput={setUserId} />
      {groups.length > 0 && (
        <div class="row">
          <label for="add-user-id-penyedia">{t(lang, 'options_penyedia_for')}</label>
          <select id="add-user-id-penyedia" value={penyediaId} onChange={(e) => setPenyediaId((e.target as HTMLSelectElement).value)}>
            <option value="">{t(lang, 'options_penyedia_new')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" id="add-user-id-submit">
        {t(lang, 'options_add_user_id')}
      </button>
    </form>
  );
}

function PenyediaLabel({ ctx, group, save }: { ctx: OptionsContext; group: Group; save: (r: Parameters<typeof call<'penyedia/state'>>[0]) => Promise<boolean> }) {
  const [label, setLabel] = useState(group.penyedia?.label ?? '');
  const id = `label-${group.id}`;
  const first = group.accounts[0]!;
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ type: 'penyedia/state', userId: first.userId, penyediaId: group.id, label: label.trim().slice(0, 200) });
      }}
    >
      <label for={id}>{t(ctx.lang, 'options_penyedia_label')}</label>
      <input id={id} maxLength={200} value={label} onInput={(e) => setLabel((e.target as HTMLInputElement).value)} />
      <button type="submit">{t(ctx.lang, 'options_save')}</button>
    </form>
  );
}

export function DefaultUserIds({ ctx }: { ctx: OptionsContext }) {
  const { lang } = ctx;
  const groups = groupsOf(ctx);
  const choose = (userId: string, penyediaId: string) => saveAndSay(ctx, () => call({ type: 'penyedia/state', userId, penyediaId, isDefault: true }));
  return (
    <fieldset id="default">
      <legend>
        <h2>{t(lang, 'options_default')}</h2>
      </legend>
      <p>{t(lang, 'options_default_explain')}</p>
      {groups.length === 0 && <p>{t(lang, 'options_no_accounts')}</p>}
      {groups.map((g) => (
        <DefaultChoice
          key={g.id}
          id={`default-${idPart(g.id)}`}
          attrs={{ 'data-penyedia-id': g.id }}
          legend={t(lang, 'options_default_for', g.name)}
          userIds={g.accounts.map((a) => a.userId)}
          checked={g.penyedia?.defaultUserId}
          onChange={(userId) => void choose(userId, g.id)}
        >
          {!g.penyedia?.defaultUserId && <p class="muted">{t(lang, 'options_default_none')}</p>}
        </DefaultChoice>
      ))}
    </fieldset>
  );
}
