/**
 * The fields of an account, as the penyedia states it: the LPSE where a User ID is registered (picked from
 * the 600-LPSE directory), the User ID, whether it is activated for ADP, and the User ID Default. Shared by
 * Settings (components/options/Accounts.tsx: every change saved at once) and the welcome page's setup
 * (components/WelcomeSetup.tsx: one form, saved with "Simpan"). Labels, fieldsets with legends; no status
 * line of their own (each page has its one polite status).
 */
import type { ComponentChildren, Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t, type Lang, type MessageKey } from '@/lib/i18n';
import type { Account } from '@/lib/schemas';
import { call } from '../lib/ui/call';
import { isUserId } from '@/lib/spse/kinds';

/** What is wrong with a typed User ID, as a message key; null when SPSE could have it. */
export function userIdProblem(value: string): MessageKey | null {
  const v = value.trim();
  if (!v) return 'accounts_user_id_missing';
  return isUserId(v) ? null : 'options_user_id_invalid';
}

/** A string usable in an element id, from a User ID or an LPSE key. */
export function idPart(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The penyedia's answer on ADP activation: "sudah", "belum", "tidak tahu". */
export type ActivationAnswer = 'activated' | 'not-activated' | 'unknown';

/** The answer that shows what the registry knows ("aktivasi sedang berjalan" is still "belum"). */
export function answerOf(activation: Account['activation']): ActivationAnswer {
  return activation === 'in-progress' ? 'not-activated' : activation;
}

const ANSWERS: [ActivationAnswer, MessageKey][] = [
  ['activated', 'accounts_activation_yes'],
  ['not-activated', 'accounts_activation_no'],
  ['unknown', 'accounts_activation_unknown'],
];

/** "Sudah diaktivasi untuk ADP?": three radios in a fieldset. */
export function ActivationChoice({ lang, id, legend, value, onChange }: { lang: Lang; id: string; legend: string; value: ActivationAnswer; onChange(v: ActivationAnswer): void }) {
  return (
    <fieldset class="activation-choice" id={id}>
      <legend>{legend}</legend>
      <div class="choices">
        {ANSWERS.map(([answer, key]) => (
          <span class="choice" key={answer}>
            <input type="radio" id={`${id}-${answer}`} name={id} value={answer} checked={value === answer} onChange={() => onChange(answer)} />
            <label for={`${id}-${answer}`}>{t(lang, key)}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}

/** Which User ID is the Default: one radio per User ID in a fieldset. */
export function DefaultChoice({
  id,
  legend,
  userIds,
  checked,
  onChange,
  children,
  attrs,
}: {
  id: string;
  legend: string;
  userIds: string[];
  checked: string | undefined;
  onChange(userId: string): void;
  children?: ComponentChildren;
  attrs?: Record<string, string>;
}) {
  return (
    <fieldset class="default-group" id={id} {...attrs}>
      <legend>{legend}</legend>
      {children}
      {userIds.map((userId) => {
        const rid = `${id}-${idPart(userId.toLowerCase())}`;
        return (
          <div class="choice" key={userId}>
            <input type="radio" id={rid} name={id} value={userId} checked={checked?.toLowerCase() === userId.toLowerCase()} onChange={() => onChange(userId)} />
            <label for={rid}>{userId}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A User ID field with its label and, when `error` is given, its error (tied by aria-describedby). */
export function UserIdField({ id, label, value, error, onInput, inputRef }: { id: string; label: string; value: string; error?: string | null; onInput(v: string): void; inputRef?: Ref<HTMLInputElement> }) {
  return (
    <>
      <div class="row">
        <label for={id}>{label}</label>
        <input
          id={id}
          ref={inputRef}
          name="userId"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={64}
          value={value}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        />
      </div>
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
    </>
  );
}

export interface LpseHit {
  key: string;
  name: string;
  agencies: string[];
}

/**
 * A search box over the LPSE directory (`directory/search`); picking a result hands it over. `error` marks
 * the box invalid (an LPSE must be picked), tied to its message.
 */
export function LpsePicker({
  lang,
  id,
  label,
  addLabel,
  exclude = [],
  error,
  onPick,
  onError,
  inputRef,
}: {
  lang: Lang;
  id: string;
  label: string;
  /** The accessible name of a result's button, e.g. "Tambahkan LPSE X untuk MITRAKARYA". */
  addLabel(hit: LpseHit): string;
  exclude?: string[];
  error?: string | null;
  onPick(hit: LpseHit): void;
  onError(reason: string): void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<LpseHit[] | null>(null);
  const latest = useRef(0);
  const search = async (q: string) => {
    setQuery(q);
    const n = ++latest.current;
    if (!q.trim()) {
      setHits(null);
      return;
    }
    try {
      const { results } = await call({ type: 'directory/search', query: q.slice(0, 100) });
      if (n !== latest.current) return; // a later search has started
      setHits(results);
    } catch (e) {
      if (n === latest.current) onError(e instanceof Error ? e.message : String(e));
    }
  };
  const shown = hits?.filter((h) => !exclude.includes(h.key)) ?? null;
  const describedBy = error ? `${id}-error` : undefined;
  return (
    <div class="picker">
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        class="lpse-search"
        type="search"
        autocomplete="off"
        maxLength={100}
        value={query}
        aria-controls={`${id}-results`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onInput={(e) => void search((e.target as HTMLInputElement).value)}
      />
      {error && (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      )}
      <div id={`${id}-results`} aria-live="polite">
        {shown && shown.length === 0 && <p class="muted">{t(lang, 'options_search_none')}</p>}
        {shown && shown.length > 0 && (
          <ul class="results">
            {shown.map((h) => (
              <li key={h.key} data-lpse-key={h.key}>
                <span>{h.name}</span> <span class="muted">{h.key}</span>{' '}
                <button
                  type="button"
                  class="add-lpse"
                  aria-label={addLabel(h)}
                  onClick={() => {
                    setQuery('');
                    setHits(null);
                    onPick(h);
                  }}
                >
                  {t(lang, 'options_add_lpse')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
