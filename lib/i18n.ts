import type { NextAction } from './sop/actions';

/** UI languages: Bahasa Indonesia first, English second. */
export type Lang = 'id' | 'en';

/** Bahasa Indonesia whatever the browser's language; English is the penyedia's option (options page, later). */
export function defaultLang(): Lang {
  return 'id';
}

interface ActionText {
  title: string;
  detail: string;
}

/** What each next action says (sop.md "Next actions"). */
export const actionTexts: Record<Lang, Record<NextAction, ActionText>> = {
  id: {
    'log-in': { title: 'Masuk dengan User ID SPSE Anda', detail: 'SPSE Assist akan mengenali status agregasi (ADP) Anda saat Anda masuk.' },
    'log-in-roaming': { title: 'Akun Anda bisa dipakai di sini (roaming)', detail: 'Akun Anda sudah teraktivasi ADP: masuk dengan User ID yang sama.' },
    'use-default-user-id': { title: 'Gunakan User ID Default Anda', detail: 'Anda terdaftar di beberapa LPSE: untuk roaming, masuk dengan User ID Default.' },
    activate: { title: 'Selesaikan aktivasi ADP', detail: 'Aktivasi dilakukan sekali per User ID, di LPSE tempat akun didaftarkan. Ikuti langkah di halaman ini.' },
    'use-replacement-account': { title: 'Akun lokal Anda sudah dinonaktifkan', detail: 'Mulai sekarang gunakan akun pengganti yang tertera di halaman ini, lalu aktivasi akun tersebut.' },
    'contact-lpse': { title: 'Hubungi LPSE ini', detail: 'Masalah ini hanya bisa diselesaikan oleh LPSE: hubungi helpdesk LPSE dengan mengutip pemberitahuan.' },
    'wait-for-lpse': { title: 'LPSE sedang menangani laporan Anda', detail: 'Tandai selesai bila masalahnya sudah beres.' },
    ready: { title: 'Anda siap', detail: 'Anda bisa masuk secara lokal atau roaming di semua LPSE yang teragregasi.' },
    'check-credentials': { title: 'Login gagal: periksa User ID Anda', detail: 'Jika Anda terdaftar di beberapa LPSE, roaming memerlukan User ID Default.' },
    'suspicious-site': { title: 'Hati-hati: alamat ini bukan LPSE yang dikenal', detail: 'Jangan masukkan kata sandi di sini. Buka LPSE Anda dari alamat resminya (https://spse.inaproc.id/…).' },
  },
  en: {
    'log-in': { title: 'Log in with your SPSE User ID', detail: 'SPSE Assist learns your aggregation (ADP) status as you log in.' },
    'log-in-roaming': { title: 'Your account works here (roaming)', detail: 'Your account is activated for ADP: log in with the same User ID.' },
    'use-default-user-id': { title: 'Use your User ID Default', detail: 'You are registered at several LPSEs: roaming needs your User ID Default.' },
    activate: { title: 'Complete the ADP activation', detail: 'Activation is done once per User ID, at the LPSE where it was registered. Follow the steps on this page.' },
    'use-replacement-account': { title: 'Your local account was deactivated', detail: 'From now on use the replacement account shown on this page, then activate it.' },
    'contact-lpse': { title: 'Contact this LPSE', detail: 'Only the LPSE can solve this: contact its helpdesk, quoting the notice.' },
    'wait-for-lpse': { title: 'The LPSE is handling your report', detail: 'Mark it solved once the problem is fixed.' },
    ready: { title: 'You are ready', detail: 'You can log in locally or by roaming at every aggregated LPSE.' },
    'check-credentials': { title: 'Login failed: check your User ID', detail: 'If you are registered at several LPSEs, roaming needs your User ID Default.' },
    'suspicious-site': { title: 'Careful: this address is not a known LPSE', detail: 'Do not type your password here. Open your LPSE from its official address (https://spse.inaproc.id/…).' },
  },
};

export const uiTexts = {
  id: { collapse: 'Ciutkan', expand: 'SPSE Assist', label: 'Asisten SPSE', popupTitle: 'SPSE Assist', noSpse: 'Tab ini bukan halaman SPSE.', notSeen: 'Halaman ini belum dikenali. Muat ulang halaman SPSE.', lpse: 'LPSE', next: 'Langkah berikutnya', nothing: 'Tidak ada yang perlu dilakukan.' },
  en: { collapse: 'Collapse', expand: 'SPSE Assist', label: 'SPSE assistant', popupTitle: 'SPSE Assist', noSpse: 'This tab is not an SPSE page.', notSeen: 'This page was not recognised yet. Reload the SPSE page.', lpse: 'LPSE', next: 'Next step', nothing: 'Nothing to do.' },
} satisfies Record<Lang, Record<string, string>>;

/** The texts the assistant shows for an action (empty title and detail when there is nothing to say). */
export function adviceText(lang: Lang, action: NextAction | null) {
  const ui = uiTexts[lang];
  const t = action ? actionTexts[lang][action] : { title: '', detail: '' };
  return { title: t.title, detail: t.detail, collapse: ui.collapse, expand: ui.expand, label: ui.label };
}
