import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { contactTexts } from '@/lib/background/compose';
import { quoteNotice, type ContactInfo } from '@/lib/contact';
import { actionTitle, t, type Lang } from '@/lib/i18n';
import type { TabStatus } from '@/lib/protocol';
import type { Reply } from '@/lib/protocol';

type Summary = Reply<'popup/summary'>;
import type { Account } from '@/lib/registry/schemas';
import { call } from './call';
import { ContactPanel } from './ContactPanel';
import { useSpseAccess } from './HostAccess';
import { useLang } from './useLang';


interface Data {
  tabId?: number;
  status: TabStatus | null;
  registry: Summary | null;
}

const dateFmt = (lang: Lang) => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function Popup() {
  const lang = useLang();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState('');
  const [contact, setContact] = useState<ContactInfo | null>(null);
  const [access] = useSpseAccess();
  useEffect(() => {
    (async () => {
      // `popup.html?tab=<id>` shows that tab (the popup opened as a page, e.g. from a test or a shortcut).
      const asked = Number(new URLSearchParams(location.search).get('tab'));
      const [tab] = Number.isInteger(asked) && asked > 0 ? [{ id: asked }] : await browser.tabs.query({ active: true, currentWindow: true });
      const [status, registry] = await Promise.all([
        tab?.id !== undefined ? call({ type: 'tab/status', tabId: tab.id }).then((r) => r.status) : null,
        call({ type: 'popup/summary' }),
      ]);
      setData({ ...(tab?.id !== undefined && { tabId: tab.id }), status, registry });
    })().catch((e: unknown) => setError(String(e)));
  }, []);
  const openContact = async () => {
    if (data?.tabId === undefined) return;
    const r = await call({ type: 'contact/info', tabId: data.tabId });
    setContact(r.contact);
  };
  const status = data?.status;
  const nameOf = (key: string) => data?.registry?.names[key] ?? key;
  return (
    <main class="popup" lang={lang} aria-busy={!data && !error} data-access={access}>
      <header class="bar">
        <h1>{t(lang, 'popup_title')}</h1>
        <button type="button" class="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t(lang, 'popup_settings')}
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {access === 'missing' && (
        <p id="access-missing" role="alert">
          {t(lang, 'popup_access_missing')}{' '}
          <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') })}>
            {t(lang, 'popup_access_fix')}
          </button>
        </p>
      )}
      <section id="tab-status" aria-live="polite">
        {data && !status && <p>{t(lang, 'popup_no_spse')}</p>}
        {status && (
          <dl>
            <dt>{t(lang, 'popup_lpse')}</dt>
            <dd data-lpse-key={status.lpseKey}>
              {status.lpseName ?? status.lpseKey}
              <br />
              <small>{status.lpseKey}</small>
            </dd>
            <dt>{t(lang, 'popup_next')}</dt>
            <dd data-next-action={status.nextAction ?? ''}>{status.nextAction ? actionTitle(lang, status.nextAction) : t(lang, 'popup_nothing')}</dd>
          </dl>
        )}
        {status && (
          <button type="button" onClick={() => void openContact()} aria-expanded={!!contact}>
            {t(lang, 'ui_contact_lpse')}
          </button>
        )}
        {contact && (
          <ContactPanel
            contact={contact}
            text={contactTexts(lang, contact.lpseName, contact.userId)}
            onState={async (s) => {
              if (contact.problemId) await call({ type: 'problem/set-state', id: contact.problemId, state: s });
            }}
          />
        )}
      </section>
      {data?.registry && <AggregationStatus lang={lang} registry={data.registry} nameOf={nameOf} />}
      <LpseSearch lang={lang} />
      {status && data?.tabId !== undefined && <Misdetection lang={lang} tabId={data.tabId} />}
    </main>
  );
}

/** "Laporkan salah deteksi": the current page's sanitised skeleton, to copy into a ticket. */
function Misdetection({ lang, tabId }: { lang: Lang; tabId: number }) {
  const [skeleton, setSkeleton] = useState('');
  const take = async () => {
    const [r] = await browser.scripting.executeScript({ target: { tabId }, files: ['/skeleton.js'] });
    setSkeleton(typeof r?.result === 'string' ? r.result : '');
  };
  return (
    <section id="misdetection">
      <button type="button" class="secondary" onClick={() => void take().catch(() => setSkeleton(''))}>
        {t(lang, 'popup_report')}
      </button>
      {skeleton && <textarea readOnly rows={6} aria-label={t(lang, 'popup_report')} value={skeleton} style="width:100%;box-sizing:border-box;font:11px/1.3 ui-monospace,monospace" />}
    </section>
  );
}

function activationLabel(lang: Lang, a: Account): string {
  return t(lang, a.activation === 'activated' ? 'popup_activated' : a.activation === 'not-activated' ? 'popup_not_activated' : a.activation === 'in-progress' ? 'popup_activation_in_progress' : 'popup_activation_unknown');
}

function AggregationStatus({ lang, registry, nameOf }: { lang: Lang; registry: Summary; nameOf: (k: string) => string }) {
  const fmt = dateFmt(lang);
  const accounts = registry.accounts.filter((a) => !a.retired);
  const open = registry.problems.filter((p) => p.state !== 'solved');
  return (
    <section id="aggregation" aria-labelledby="aggregation-title">
      <h2 id="aggregation-title">{t(lang, 'popup_status')}</h2>
      {accounts.length === 0 && open.length === 0 && <p>{t(lang, 'popup_nothing_known')}</p>}
      {registry.penyedia.map((p) => {
        const mine = accounts.filter((a) => a.penyediaId === p.id);
        if (mine.length === 0) return null;
        const registered = [...new Set(mine.flatMap((a) => a.registeredAt))];
        const roaming = mine.flatMap((a) => Object.entries(a.lastLogin).filter(([, l]) => l.mode === 'roaming').map(([k, l]) => [k, l.at] as const));
        return (
          <article class="penyedia" key={p.id} data-penyedia={p.id}>
            {p.label && <h3>{p.label}</h3>}
            <ul class="accounts">
              {mine.map((a) => (
                <li key={a.key} data-user-id={a.userId} data-activation={a.activation}>
                  <strong>{a.userId}</strong> — {activationLabel(lang, a)}
                </li>
              ))}
            </ul>
            <dl>
              <dt>{t(lang, 'popup_default')}</dt>
              <dd data-default>{p.defaultUserId ?? t(lang, 'popup_default_unknown')}</dd>
              <dt>{t(lang, 'popup_registered')}</dt>
              <dd>{registered.length ? registered.map(nameOf).join(', ') : t(lang, 'popup_none')}</dd>
              <dt>{t(lang, 'popup_roaming')}</dt>
              <dd>{roaming.length ? roaming.map(([k, at]) => `${nameOf(k)} (${t(lang, 'popup_last_login', fmt.format(at))})`).join(', ') : t(lang, 'popup_none')}</dd>
            </dl>
          </article>
        );
      })}
      <h3>{t(lang, 'popup_problems')}</h3>
      {open.length === 0 ? (
        <p>{t(lang, 'popup_none')}</p>
      ) : (
        <ul id="problems">
          {open.map((p) => (
            <li key={p.id} data-problem-state={p.state}>
              {/* Quoted as the message quotes it: the User ID redacted (it is included only where ticked). */}
              <strong>{nameOf(p.lpseKey)}</strong>: {quoteNotice(p.notice, p.userId, t(lang, 'msg_user_id_redacted'), false).slice(0, 200)} ({t(lang, p.state === 'reported' ? 'contact_state_reported' : 'action_contact_lpse_title')})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LpseSearch({ lang }: { lang: Lang }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ key: string; name: string; agencies: string[] }[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) return setResults([]);
    const timer = setTimeout(() => {
      call({ type: 'directory/search', query: query.slice(0, 100) }).then((r) => setResults(r.results), () => setResults([]));
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);
  return (
    <section id="lpse-search">
      <h2>
        <label for="lpse-query">{t(lang, 'popup_search')}</label>
      </h2>
      <input id="lpse-query" type="search" value={query} placeholder={t(lang, 'popup_search_placeholder')} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      <ul aria-live="polite">
        {results.map((r) => (
          <li key={r.key}>
            <a href={`${r.key}/`} target="_blank" rel="noopener noreferrer" title={r.agencies.join(', ')}>
              {r.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
