import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { contactTexts } from '@/lib/ui-texts';
import { quoteNotice, type ContactInfo } from '@/lib/contact';
import { actionTitle, t, type Lang } from '@/lib/i18n';
import type { Reply, TabStatus } from '@/lib/protocol';
import type { Account } from '@/lib/schemas';
import { call } from '../lib/ui/call';
import { ContactPanel } from './ContactPanel';
import { useSpseAccess } from './HostAccess';
import { askLang, useLang } from './useLang';

type Summary = Reply<'popup/summary'>;

interface Tab {
  tabId?: number;
  status: TabStatus | null;
}

/** What the popup shows, asked of the background all at once. */
export interface PopupAsked {
  lang: Promise<Lang>;
  tab: Promise<Tab>;
  summary: Promise<Summary>;
}

/**
 * Asks everything the popup shows, in parallel (entrypoints/popup/main.tsx calls it before the first render:
 * from an effect the messages would wait for that render's paint, and the summary for the tab query).
 */
export function askPopup(): PopupAsked {
  // `popup.html?tab=<id>` shows that tab (the popup opened as a page, e.g. from a test or a shortcut).
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  const tabId = Number.isInteger(asked) && asked > 0 ? Promise.resolve(asked) : browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.id);
  const tab = tabId.then(async (id): Promise<Tab> => (id === undefined ? { status: null } : { tabId: id, status: (await call({ type: 'tab/status', tabId: id })).status }));
  return { lang: askLang(), tab, summary: call({ type: 'popup/summary' }) };
}

const dateFmt = (lang: Lang) => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function Popup({ asked: given }: { asked?: PopupAsked }) {
  const [asked] = useState(() => given ?? askPopup());
  const lang = useLang(asked.lang);
  const [tab, setTab] = useState<Tab | null>(null);
  const [registry, setRegistry] = useState<Summary | null>(null);
  const [error, setError] = useState('');
  const [contact, setContact] = useState<ContactInfo | null>(null);
  const [access] = useSpseAccess();
  useEffect(() => {
    const fail = (e: unknown) => setError(String(e));
    // Each part shows as soon as its reply is in (the aggregation need not wait for the tab), in the
    // penyedia's language (the language's reply is the lightest: no flash of the default's).
    Promise.all([asked.tab, asked.lang]).then(([t]) => setTab(t), fail);
    Promise.all([asked.summary, asked.lang]).then(([s]) => setRegistry(s), fail);
  }, []);
  const openContact = async () => {
    if (tab?.tabId === undefined) return;
    const r = await call({ type: 'contact/info', tabId: tab.tabId });
    setContact(r.contact);
  };
  const status = tab?.status;
  const nameOf = (key: string) => registry?.names[key] ?? key;
  return (
    <main class="popup" lang={lang} aria-busy={!(tab && registry) && !error} data-access={access}>
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
      <section id="tab-status" aria-labelledby="next-title" aria-live="polite">
        {/* The current tab's next step first, with its button. */}
        <h2 id="next-title">{t(lang, 'popup_next_first')}</h2>
        {tab && !status && <p>{t(lang, 'popup_no_spse')}</p>}
        {status && (
          <div class="next">
            <p class="next-action" data-next-action={status.nextAction ?? ''}>
              {status.nextAction ? actionTitle(lang, status.nextAction) : t(lang, 'popup_nothing')}
            </p>
            <p class="next-lpse" data-lpse-key={status.lpseKey}>
              <span class="sr-label">{t(lang, 'popup_lpse')}: </span>
              {status.lpseName ?? status.lpseKey} <small>{status.lpseKey}</small>
            </p>
            <div class="buttons">
              {status.nextAction && !contactFirst(status.nextAction) && tab?.tabId !== undefined && (
                <button type="button" id="go-tab" data-primary onClick={() => void showInTab(tab.tabId!)}>
                  {t(lang, 'popup_go_tab')}
                </button>
              )}
              <button type="button" id="open-contact" class={status.nextAction && contactFirst(status.nextAction) ? '' : 'secondary'} {...(status.nextAction && contactFirst(status.nextAction) && { 'data-primary': '' })} onClick={() => void openContact()} aria-expanded={!!contact}>
                {t(lang, 'ui_contact_lpse')}
              </button>
            </div>
          </div>
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
      {registry && <AggregationStatus lang={lang} registry={registry} nameOf={nameOf} />}
      <LpseSearch lang={lang} />
      {status && tab?.tabId !== undefined && <Misdetection lang={lang} tabId={tab.tabId} />}
    </main>
  );
}

/** Next actions whose step is talking to the LPSE: the contact panel is their button. */
const contactFirst = (a: string) => a === 'contact-lpse' || a === 'wait-for-lpse';

/** The step is shown, with its own button, by the assistant in the page: bring that tab forward. */
async function showInTab(tabId: number) {
  await browser.tabs.update(tabId, { active: true });
  window.close();
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

/** At most `max` characters, cut at a word and marked as cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).trimEnd()}…`;
}

type Adp = Account['activation'];
const BADGE: Record<Adp, { key: 'popup_badge_activated' | 'popup_badge_not_activated' | 'popup_badge_unknown' | 'popup_badge_in_progress'; mark: string }> = {
  activated: { key: 'popup_badge_activated', mark: '✓' },
  'not-activated': { key: 'popup_badge_not_activated', mark: '✗' },
  'in-progress': { key: 'popup_badge_in_progress', mark: '…' },
  unknown: { key: 'popup_badge_unknown', mark: '?' },
};

/** The ADP state as a badge with its text (the color only repeats what the text says). */
function Badge({ lang, state }: { lang: Lang; state: Adp }) {
  const b = BADGE[state];
  return (
    <span class="badge" data-state={state}>
      <span aria-hidden="true">{b.mark}</span> {t(lang, b.key)}
    </span>
  );
}

/** A penyedia's ADP state: its User ID Default's, else activated if any account is, not yet if all are not. */
export function penyediaAdp(accounts: Pick<Account, 'userId' | 'activation'>[], defaultUserId?: string): Adp {
  const def = defaultUserId && accounts.find((a) => a.userId.toLowerCase() === defaultUserId.toLowerCase());
  if (def) return def.activation;
  if (accounts.some((a) => a.activation === 'activated')) return 'activated';
  if (accounts.some((a) => a.activation === 'in-progress')) return 'in-progress';
  if (accounts.length && accounts.every((a) => a.activation === 'not-activated')) return 'not-activated';
  return 'unknown';
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
        const adp = penyediaAdp(mine, p.defaultUserId);
        const title = p.label || p.defaultUserId || mine[0]!.userId;
        return (
          <article class="penyedia" key={p.id} data-penyedia={p.id} data-adp={adp} aria-label={title}>
            <h3>
              {title} <Badge lang={lang} state={adp} />
            </h3>
            <dl>
              <dt>{t(lang, 'popup_default')}</dt>
              <dd data-default>{p.defaultUserId ?? t(lang, 'popup_default_unknown')}</dd>
              <dt>{t(lang, 'popup_adp')}</dt>
              <dd>
                <ul class="accounts">
                  {mine.map((a) => (
                    <li key={a.key} data-user-id={a.userId} data-activation={a.activation}>
                      <strong>{a.userId}</strong> <Badge lang={lang} state={a.activation} />
                    </li>
                  ))}
                </ul>
              </dd>
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
              <span class="badge" data-state={p.state === 'reported' ? 'in-progress' : 'not-activated'}>
                {t(lang, p.state === 'reported' ? 'popup_problem_reported' : 'popup_problem_open')}
              </span>{' '}
              <strong>{nameOf(p.lpseKey)}</strong>
              <br />
              {shorten(quoteNotice(p.notice, p.userId, t(lang, 'msg_user_id_redacted'), false), 200)}
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
