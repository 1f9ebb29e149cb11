import { browser } from 'wxt/browser';
import { HostAccess } from './HostAccess';
import { useLang } from './useLang';
import { WelcomeSetup } from './WelcomeSetup';
import { t } from '@/lib/i18n';

/**
 * Shown once, at install (and from the popup while access is missing): access to spse.inaproc.id where the
 * browser leaves it to the penyedia (Firefox), what SPSE Assist does, a short setup of the penyedia's
 * accounts (skippable), what it stores, and the legacy opt-in.
 */
export function Welcome() {
  const lang = useLang();
  return (
    <main class="welcome" lang={lang}>
      <h1>
        <img src="/icon.svg" alt="" width={32} height={32} /> {t(lang, 'welcome_title')}
      </h1>
      <HostAccess lang={lang} />
      <p>{t(lang, 'welcome_what')}</p>
      <WelcomeSetup lang={lang} />
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
