import { browser } from 'wxt/browser';
import { useLang } from './useLang';
import { t } from '@/lib/i18n';

/** Shown once, at install: what SPSE Assist does, what it stores, and the legacy opt-in. */
export function Welcome() {
  const lang = useLang();
  return (
    <main class="welcome" lang={lang}>
      <h1>{t(lang, 'welcome_title')}</h1>
      <p>{t(lang, 'welcome_what')}</p>
      <p>{t(lang, 'welcome_stores')}</p>
      <p>
        {t(lang, 'welcome_legacy')}{' '}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t(lang, 'popup_settings')}
        </button>
      </p>
    </main>
  );
}
