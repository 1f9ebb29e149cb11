/** Sections 3 to 5: language, legacy LPSE addresses (optional permission), addresses confirmed as genuine. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LANGS, t, type Lang } from '@/lib/i18n';
import { LEGACY_HOST_PATTERNS } from '@/lib/spse/hosts';
import { call, reasonOf, saveAndSay, type OptionsContext } from './shared';

export function Language({ ctx, onLang }: { ctx: OptionsContext; onLang(lang: Lang): void }) {
  const { lang } = ctx;
  const choose = (next: Lang) =>
    saveAndSay(
      ctx,
      async () => {
        await call({ type: 'settings/set', lang: next });
        onLang(next);
      },
      t(next, 'options_saved'),
    );
  return (
    <fieldset id="language">
      <legend>
        <h2>{t(lang, 'options_language')}</h2>
      </legend>
      {LANGS.map((l) => (
        <div class="choice" key={l}>
          <input type="radio" id={`lang-${l}`} name="lang" value={l} checked={lang === l} onChange={() => void choose(l)} />
          {/* Each language is named in itself, whatever the page's language. */}
          <label for={`lang-${l}`} lang={l}>
            {t(l, l === 'id' ? 'options_lang_id' : 'options_lang_en')}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

const LEGACY = { origins: [...LEGACY_HOST_PATTERNS] };

export function Legacy({ ctx }: { ctx: OptionsContext }) {
  const { lang } = ctx;
  const [granted, setGranted] = useState<boolean | null>(null);
  const check = () =>
    browser.permissions
      .contains(LEGACY)
      .then(setGranted)
      .catch(() => setGranted(false));
  useEffect(() => {
    void check();
    const onChange = () => void check();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, []);
  const enable = async () => {
    try {
      // Called first thing in the click handler: Chrome asks only during a user gesture.
      const ok = await browser.permissions.request(LEGACY);
      await check();
      ctx.say(ok ? t(lang, 'options_saved') : t(lang, 'options_legacy_denied'), ok ? 'ok' : 'error');
    } catch (e) {
      ctx.say(t(lang, 'options_error', reasonOf(e)), 'error');
    }
  };
  const disable = async () => {
    try {
      await browser.permissions.remove(LEGACY);
      await check();
      ctx.say(t(lang, 'options_saved'));
    } catch (e) {
      await check();
      ctx.say(t(lang, 'options_error', reasonOf(e)), 'error');
    }
  };
  return (
    <fieldset id="legacy">
      <legend>
        <h2>{t(lang, 'options_legacy')}</h2>
      </legend>
      <p id="legacy-explain">{t(lang, 'options_legacy_explain')}</p>
      {granted !== null && (
        <p id="legacy-state" data-granted={String(granted)}>
          {t(lang, granted ? 'options_legacy_granted' : 'options_legacy_not_granted')}
        </p>
      )}
      <div class="buttons">
        <button type="button" id="legacy-enable" aria-describedby="legacy-explain" disabled={granted === true} onClick={() => void enable()}>
          {t(lang, 'options_legacy_enable')}
        </button>
        <button type="button" id="legacy-disable" disabled={granted !== true} onClick={() => void disable()}>
          {t(lang, 'options_legacy_disable')}
        </button>
      </div>
    </fieldset>
  );
}

/** An address the penyedia confirms: `https://host/<one path segment>`, normalised; null when it is not one. */
export function confirmedBase(input: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.search || u.hash) return null;
  const segments = u.pathname.replace(/\/+$/, '').split('/').slice(1);
  if (segments.length !== 1 || !segments[0]) return null;
  const base = `${u.origin}/${segments[0]}`;
  return /^https:\/\/[^/]+\/[^/]+$/.test(base) && base.length <= 300 ? base : null;
}

export function Confirmed({ ctx }: { ctx: OptionsContext }) {
  const { lang } = ctx;
  const bases = ctx.settings.confirmedBases;
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const save = (next: string[]) => saveAndSay(ctx, () => call({ type: 'settings/set', confirmedBases: next }));
  const add = async (e: Event) => {
    e.preventDefault();
    const base = confirmedBase(value);
    if (!base) {
      setInvalid(true);
      ctx.say(t(lang, 'options_confirmed_invalid'), 'error');
      return;
    }
    setInvalid(false);
    if (bases.includes(base)) {
      setValue('');
      return;
    }
    if (bases.length >= 50) {
      ctx.say(t(lang, 'options_confirmed_full'), 'error');
      return;
    }
    if (await save([...bases, base])) setValue('');
  };
  return (
    <fieldset id="confirmed">
      <legend>
        <h2>{t(lang, 'options_confirmed')}</h2>
      </legend>
      <p>{t(lang, 'options_confirmed_explain')}</p>
      <p class="warning" id="confirmed-warning">
        {t(lang, 'options_confirmed_warning')}
      </p>
      {bases.length === 0 ? (
        <p class="muted">{t(lang, 'options_confirmed_none')}</p>
      ) : (
        <ul class="confirmed-list">
          {bases.map((b) => (
            <li key={b}>
              <span>{b}</span>{' '}
              <button type="button" aria-label={t(lang, 'options_remove_named', b)} onClick={() => void save(bases.filter((x) => x !== b))}>
                {t(lang, 'options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add}>
        <label for="confirmed-address">{t(lang, 'options_confirmed_address')}</label>
        <input
          id="confirmed-address"
          type="url"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          maxLength={300}
          value={value}
          aria-invalid={invalid}
          aria-describedby="confirmed-warning"
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t(lang, 'options_confirmed_add')}</button>
      </form>
    </fieldset>
  );
}
