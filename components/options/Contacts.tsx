/** Section 6: the LPSE helpdesk contacts the penyedia knows, for an LPSE of the registry. */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { CHANNEL_KINDS } from '@/lib/contact';
import type { LpseRecord } from '@/lib/schemas';
import { call, saveAndSay, type OptionsContext } from './shared';

type Contact = NonNullable<LpseRecord['contacts']>[number];
const KINDS = CHANNEL_KINDS;
const kindKey = (k: Contact['kind']) => `options_contact_kind_${k}` as MessageKey;

export function Contacts({ ctx }: { ctx: OptionsContext }) {
  const { lang } = ctx;
  // lpse/contacts takes HTTPS keys only (a genuine LPSE's key always is one).
  const lpses = ctx.view.lpses.filter((l) => l.key.startsWith('https://'));
  const [key, setKey] = useState('');
  const [draft, setDraft] = useState<Contact[]>([]);
  const pick = (k: string) => {
    setKey(k);
    setDraft([...(lpses.find((l) => l.key === k)?.contacts ?? [])]);
  };
  const update = (i: number, change: Partial<Contact>) => setDraft(draft.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const save = async (e: Event) => {
    e.preventDefault();
    const contacts = draft.map((c) => ({ kind: c.kind, value: c.value.trim().slice(0, 300) })).filter((c) => c.value);
    await saveAndSay(ctx, async () => {
      await call({ type: 'lpse/contacts', lpseKey: key, contacts });
      setDraft(contacts);
    });
  };
  return (
    <fieldset id="contacts">
      <legend>
        <h2>{t(lang, 'options_contacts')}</h2>
      </legend>
      <p>{t(lang, 'options_contacts_explain')}</p>
      {lpses.length === 0 ? (
        <p class="muted">{t(lang, 'options_contacts_no_lpse')}</p>
      ) : (
        <form onSubmit={save}>
          <div class="row">
            <label for="contacts-lpse">{t(lang, 'options_contacts_lpse')}</label>
            <select id="contacts-lpse" value={key} onChange={(e) => pick((e.target as HTMLSelectElement).value)}>
              <option value="" disabled>
                {t(lang, 'options_contacts_choose')}
              </option>
              {lpses.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.name ?? l.key}
                </option>
              ))}
            </select>
          </div>
          {key && (
            <>
              {draft.length === 0 && <p class="muted">{t(lang, 'options_contacts_empty')}</p>}
              <ul class="contact-rows">
                {draft.map((c, i) => (
                  <li key={i} class="row">
                    <label for={`contact-kind-${i}`}>{t(lang, 'options_contact_kind')}</label>
                    <select id={`contact-kind-${i}`} value={c.kind} onChange={(e) => update(i, { kind: (e.target as HTMLSelectElement).value as Contact['kind'] })}>
                      {KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(lang, kindKey(k))}
                        </option>
                      ))}
                    </select>
                    <label for={`contact-value-${i}`}>{t(lang, 'options_contact_value')}</label>
                    <input id={`contact-value-${i}`} maxLength={300} value={c.value} onInput={(e) => update(i, { value: (e.target as HTMLInputElement).value })} />
                    <button type="button" aria-label={t(lang, 'options_remove_named', c.value || t(lang, kindKey(c.kind)))} onClick={() => setDraft(draft.filter((_, j) => j !== i))}>
                      {t(lang, 'options_remove')}
                    </button>
                  </li>
                ))}
              </ul>
              <div class="buttons">
                <button type="button" disabled={draft.length >= 20} onClick={() => setDraft([...draft, { kind: 'email', value: '' }])}>
                  {t(lang, 'options_contact_add')}
                </button>
                <button type="submit">{t(lang, 'options_contacts_save')}</button>
              </div>
            </>
          )}
        </form>
      )}
    </fieldset>
  );
}
