import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hasSpseAccess, requestSpseAccess } from '@/lib/host-access';
import { t, type Lang } from '@/lib/i18n';

type State = 'checking' | 'granted' | 'missing' | 'just-granted' | 'refused';

/** Whether SPSE Assist may read spse.inaproc.id; follows grants and withdrawals made elsewhere. */
export function useSpseAccess(): [State, (s: State) => void] {
  const [state, setState] = useState<State>('checking');
  useEffect(() => {
    const check = () => void hasSpseAccess(browser.permissions).then((ok) => setState((s) => (ok ? (s === 'just-granted' ? s : 'granted') : s === 'refused' ? s : 'missing')));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  return [state, setState];
}

/**
 * The onboarding step Firefox needs (host access is the penyedia's to give there): says why, in plain words,
 * and asks with one button. Nothing is shown while access is held.
 */
export function HostAccess({ lang }: { lang: Lang }) {
  const [state, setState] = useSpseAccess();
  // `data-access` tells people and tests which answer the page is showing, also when it shows nothing.
  if (state === 'checking' || state === 'granted') return <div id="host-access" data-access={state} hidden />;
  if (state === 'just-granted')
    return (
      <section id="host-access" data-access={state} class="card ok" role="status">
        <p>{t(lang, 'access_granted')}</p>
      </section>
    );
  const ask = async () => {
    // The request must stay inside the click's user gesture: no await before it.
    const granted = await requestSpseAccess(browser.permissions).catch(() => false);
    setState(granted ? 'just-granted' : 'refused');
  };
  return (
    <section id="host-access" data-access={state} class="card warn" aria-labelledby="host-access-title">
      <h2 id="host-access-title">{t(lang, 'access_title')}</h2>
      <p>{t(lang, 'access_why')}</p>
      <p>{t(lang, 'access_promise')}</p>
      <button type="button" id="grant-access" onClick={() => void ask()}>
        {t(lang, 'access_button')}
      </button>
      {state === 'refused' && <p role="alert">{t(lang, 'access_refused')}</p>}
    </section>
  );
}
