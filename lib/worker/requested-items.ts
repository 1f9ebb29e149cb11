/**
 * What an LPSE's notice asks the penyedia to send along ("… dengan menyertakan NPWP perusahaan dan User ID
 * SPSE Anda"), so that the ready-made message lists it for the penyedia to fill in (lib/worker/contact-message.ts).
 * Only what a request phrase introduces counts: "karena NPWP yang sama terdaftar …" names the NPWP without
 * asking for it. Labels are in Bahasa Indonesia whatever the UI language: the message is read by the LPSE.
 */
import { hasPhrase, norm } from '../spse/text';

/**
 * Words that introduce what a notice asks for [I] (LPSE helpdesk pages and FAQs: "dengan menyertakan …",
 * "lampirkan …", "sertakan …", "datang langsung dengan membawa …"). The request runs from the phrase to the
 * end of its sentence.
 */
export const REQUEST_PHRASES: readonly string[] = [
  'menyertakan',
  'sertakan',
  'disertai',
  'disertakan',
  'melampirkan',
  'lampirkan',
  'dilampiri',
  'dilampirkan',
  'melengkapi',
  'lengkapi',
  'dilengkapi',
  'membawa',
  'bawa',
  'mencantumkan',
  'cantumkan',
  'menyebutkan',
  'sebutkan',
];

/**
 * What a notice may ask for: the label the message shows, and the words that name it in a request
 * (lowercase, matched as whole phrases). Add a row when an LPSE asks for something else.
 */
export const REQUESTABLE_ITEMS: readonly { label: string; words: readonly string[]; userId?: true }[] = [
  { label: 'Nama perusahaan', words: ['nama perusahaan', 'nama penyedia', 'nama badan usaha', 'nama usaha', 'nama pelaku usaha'] },
  { label: 'NPWP', words: ['npwp', 'nomor pokok wajib pajak'] },
  { label: 'User ID', words: ['user id', 'userid', 'user-id', 'username', 'nama pengguna', 'id pengguna'], userId: true },
  { label: 'Email', words: ['email', 'e-mail', 'surel', 'alamat email'] },
  {
    label: 'Nomor telepon',
    words: ['nomor telepon', 'no. telepon', 'no telepon', 'nomor telp', 'no. telp', 'no telp', 'telepon', 'nomor hp', 'no. hp', 'no hp', 'nomor handphone', 'nomor whatsapp', 'nomor wa', 'no. wa'],
  },
  { label: 'Alamat perusahaan', words: ['alamat perusahaan', 'alamat kantor', 'alamat usaha', 'domisili'] },
  { label: 'Akta pendirian/perubahan', words: ['akta', 'akte'] },
  { label: 'KTP/NIK', words: ['ktp', 'nik', 'kartu tanda penduduk', 'nomor induk kependudukan'] },
  { label: 'NIB/SIUP', words: ['nib', 'siup', 'nomor induk berusaha', 'surat izin usaha', 'izin usaha'] },
  { label: 'Profil perusahaan', words: ['profil perusahaan', 'company profile'] },
  { label: 'Surat kuasa', words: ['surat kuasa'] },
  { label: 'Surat permohonan', words: ['surat permohonan'] },
  { label: 'Tangkapan layar', words: ['tangkapan layar', 'screenshot', 'screen shot', 'capture layar'] },
];

/** Where `phrase` first occurs in `text` as whole words, or -1. */
function indexOfPhrase(text: string, phrase: string): number {
  for (let from = 0; ; ) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return -1;
    if (hasPhrase(text.slice(Math.max(0, at - 1), at + phrase.length + 1), phrase)) return at;
    from = at + 1;
  }
}

/** The parts of a notice that ask for something: from each request phrase to the end of its sentence. */
function requests(notice: string): { at: number; text: string }[] {
  const text = norm(notice);
  const out: { at: number; text: string }[] = [];
  for (const phrase of REQUEST_PHRASES)
    for (let from = 0; from < text.length; ) {
      const at = indexOfPhrase(text.slice(from), phrase);
      if (at < 0) break;
      const start = from + at + phrase.length;
      // The sentence ends at a full stop followed by a space (not "no. 8"), "!", "?", ";" or the text's end.
      const end = /[!?;]|\.(?:\s|$)/.exec(text.slice(start))?.index ?? text.length - start;
      out.push({ at: start, text: text.slice(start, start + Math.min(end, 300)) });
      from = start;
    }
  return out;
}

export interface RequestedItem {
  label: string;
  /** The item is the User ID (filled in only when the penyedia ticks it). */
  userId?: true;
}

/** What the notice asks the penyedia to send, in the order the notice names it. */
export function requestedItems(notice: string | undefined): RequestedItem[] {
  if (!notice) return [];
  const asked = requests(notice);
  const found: { item: (typeof REQUESTABLE_ITEMS)[number]; at: number }[] = [];
  REQUESTABLE_ITEMS.forEach((item) => {
    let best = Infinity;
    for (const r of asked)
      for (const w of item.words) {
        const at = indexOfPhrase(r.text, w);
        if (at >= 0) best = Math.min(best, r.at + at);
      }
    if (best < Infinity) found.push({ item, at: best });
  });
  return found.sort((a, b) => a.at - b.at).map(({ item }) => ({ label: item.label, ...(item.userId && { userId: true as const }) }));
}
