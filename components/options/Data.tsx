/**
 * Section 7: export everything as a JSON file; import a file (checked here first, to preview it and to
 * explain a refusal; the background validates it again, all or nothing); erase everything.
 */
import { useRef, useState } from 'preact/hooks';
import { t, type Lang } from '@/lib/i18n';
import { MAX_IMPORT_BYTES, parseImport, SCHEMA_VERSION, type ExportFile } from '@/lib/schemas';
import { call, reasonOf, saveAndSay, type OptionsContext } from './shared';

export type ImportCheck = { ok: true; file: ExportFile } | { ok: false; reason: string };

/** What an import file holds, in the penyedia's language when it cannot be imported (the registry's own check). */
export function checkImport(lang: Lang, text: string): ImportCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: t(lang, 'options_import_reason_json') };
  }
  const parsed = parseImport(raw);
  if (parsed.ok) return parsed;
  const r = parsed.refusal;
  if (r.why === 'format') return { ok: false, reason: t(lang, 'options_import_reason_format') };
  if (r.why === 'version') return { ok: false, reason: t(lang, 'options_import_reason_version', r.version, SCHEMA_VERSION) };
  return { ok: false, reason: t(lang, 'options_import_reason_invalid', (r.path === 'file' ? '—' : r.path).slice(0, 100)) };
}

export function exportFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `spse-assist-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

export function Data({ ctx }: { ctx: OptionsContext }) {
  const { lang } = ctx;
  const [pending, setPending] = useState<ExportFile | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const refuse = (reason: string) => {
    setPending(null);
    ctx.say(t(lang, 'options_import_bad', reason), 'error');
  };

  const exportAll = async () => {
    try {
      const data = await call({ type: 'registry/export' });
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const name = exportFileName();
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      ctx.say(t(lang, 'options_export_done', name));
    } catch (e) {
      ctx.say(t(lang, 'options_error', reasonOf(e)), 'error');
    }
  };

  const chosen = async (input: HTMLInputElement) => {
    setPending(null);
    const file = input.files?.[0];
    if (!file) return;
    // Refused before reading: a file this large is no export of ours.
    if (file.size > MAX_IMPORT_BYTES) return refuse(t(lang, 'options_import_reason_size'));
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse(t(lang, 'options_import_reason_read'));
    }
    const checked = checkImport(lang, text);
    if (!checked.ok) return refuse(checked.reason);
    setPending(checked.file);
    ctx.say(t(lang, 'options_import_preview', checked.file.lpses.length, checked.file.accounts.length, checked.file.problems.length));
  };

  const apply = async () => {
    if (!pending) return;
    try {
      await call({ type: 'registry/import', data: pending });
      setPending(null);
      if (fileInput.current) fileInput.current.value = '';
      await ctx.reload();
      ctx.say(t(lang, 'options_import_done'));
    } catch (e) {
      refuse(t(lang, 'options_import_reason_refused', reasonOf(e)));
    }
  };

  const cancel = () => {
    setPending(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const erase = async () => {
    if (!window.confirm(t(lang, 'options_erase_confirm'))) return;
    await saveAndSay(ctx, () => call({ type: 'registry/erase' }), t(lang, 'options_erased'));
  };

  return (
    <fieldset id="data">
      <legend>
        <h2>{t(lang, 'options_data')}</h2>
      </legend>
      <p>{t(lang, 'options_data_explain')}</p>
      <div class="buttons">
        <button type="button" id="export" onClick={() => void exportAll()}>
          {t(lang, 'options_export')}
        </button>
      </div>
      <h3>{t(lang, 'options_import')}</h3>
      <div class="row">
        <label for="import-file">{t(lang, 'options_import_file')}</label>
        <input id="import-file" ref={fileInput} type="file" accept="application/json,.json" onChange={(e) => void chosen(e.target as HTMLInputElement)} />
      </div>
      {pending && (
        <div id="import-preview" class="preview">
          <p>{t(lang, 'options_import_preview', pending.lpses.length, pending.accounts.length, pending.problems.length)}</p>
          <p class="warning">{t(lang, 'options_import_replaces')}</p>
          <div class="buttons">
            <button type="button" id="import-apply" onClick={() => void apply()}>
              {t(lang, 'options_import_apply')}
            </button>
            <button type="button" id="import-cancel" onClick={cancel}>
              {t(lang, 'options_import_cancel')}
            </button>
          </div>
        </div>
      )}
      <h3>{t(lang, 'options_erase')}</h3>
      <div class="buttons">
        <button type="button" id="erase" class="danger" onClick={() => void erase()}>
          {t(lang, 'options_erase')}
        </button>
      </div>
    </fieldset>
  );
}
