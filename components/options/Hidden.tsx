/**
 * "Halaman yang disembunyikan": the pages where the penyedia pressed "Ini tidak tepat" (lib/sop/RULES.md R19) —
 * the LPSE, the page's path pattern, the advice hidden and when — each with "Tampilkan lagi" (undo). A table with
 * column headers for screen readers; after an undo, focus goes to the next row's button (or the explanation).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { actionTitle, t } from '@/lib/i18n';
import type { Reply } from '@/lib/protocol';
import { call, reasonOf, saveAndSay, type OptionsContext } from './shared';

type Row = Reply<'dismissed/list'>['dismissed'][number];
const rowKey = (r: Pick<Row, 'lpseKey' | 'pattern' | 'pageKind'>) => `${r.lpseKey} ${r.pattern} ${r.pageKind}`;

export function Hidden({ ctx }: { ctx: OptionsContext }) {
  const { lang } = ctx;
  const [rows, setRows] = useState<Row[] | null>(null);
  const [focusAfter, setFocusAfter] = useState<number | null>(null);
  const section = useRef<HTMLFieldSetElement>(null);
  const explain = useRef<HTMLParagraphElement>(null);
  // Read again whenever the settings were (an undo, an import, an erase).
  useEffect(() => {
    call({ type: 'dismissed/list' })
      .then((r) => setRows([...r.dismissed].reverse()))
      .catch((e) => {
        setRows([]);
        ctx.say(t(lang, 'options_error', reasonOf(e)), 'error');
      });
  }, [ctx.settings]);
  useEffect(() => {
    if (focusAfter === null || !rows) return;
    const buttons = section.current?.querySelectorAll<HTMLButtonElement>('button[data-undo]') ?? [];
    (buttons[Math.min(focusAfter, buttons.length - 1)] ?? explain.current)?.focus();
    setFocusAfter(null);
  }, [rows]);
  const when = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const undo = async (row: Row, index: number) => {
    await saveAndSay(
      ctx,
      async () => {
        await call({ type: 'dismissed/undo', lpseKey: row.lpseKey, pattern: row.pattern, pageKind: row.pageKind });
        setFocusAfter(index);
      },
      t(lang, 'options_hidden_restored'),
    );
  };
  return (
    <fieldset id="hidden" ref={section}>
      <legend>
        <h2>{t(lang, 'options_hidden')}</h2>
      </legend>
      <p id="hidden-explain" ref={explain} tabIndex={-1}>
        {t(lang, 'options_hidden_explain')}
      </p>
      {rows && rows.length === 0 && <p class="muted">{t(lang, 'options_hidden_none')}</p>}
      {rows && rows.length > 0 && (
        <table class="hidden-pages" aria-describedby="hidden-explain">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'options_hidden_lpse')}</th>
              <th scope="col">{t(lang, 'options_hidden_pattern')}</th>
              <th scope="col">{t(lang, 'options_hidden_about')}</th>
              <th scope="col">{t(lang, 'options_hidden_when')}</th>
              <th scope="col">
                <span class="visually-hidden">{t(lang, 'options_hidden_undo')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={rowKey(r)} data-lpse-key={r.lpseKey} data-pattern={r.pattern} data-page-kind={r.pageKind}>
                <td>{r.lpseName}</td>
                <td>
                  {/* Lines may break after each `/`, never inside a segment. */}
                  <code>{r.pattern.split('/').flatMap((seg, j) => (j === 0 ? [seg] : [<wbr key={j} />, `/${seg}`]))}</code>
                </td>
                <td>{r.nextAction ? actionTitle(lang, r.nextAction) : r.pageKind}</td>
                <td>
                  <time dateTime={new Date(r.at).toISOString()}>{when.format(r.at)}</time>
                </td>
                <td>
                  <button type="button" data-undo="" aria-label={t(lang, 'options_hidden_undo_named', r.lpseName, r.pattern)} onClick={() => void undo(r, i)}>
                    {t(lang, 'options_hidden_undo')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
