import { describe, expect, it } from 'vitest';
import { fromFirstLetter, hasPhrase, hasRoleWord, isWordChar, norm } from '@/lib/spse/text';

describe('text matching', () => {
  it('is case- and whitespace-insensitive', () => {
    expect(norm('  Akses   Ditolak!\n\tUser ID  ')).toBe('akses ditolak! user id');
    expect(hasPhrase(norm('Aktivasi\n  AGREGASI Data Penyedia'), 'aktivasi agregasi data penyedia')).toBe(true);
  });
  it('matches whole words only', () => {
    expect(hasPhrase('nonaktifkan', 'aktif')).toBe(false);
    expect(hasPhrase('akun non aktif.', 'non aktif')).toBe(true);
  });
  it('never counts NON PENYEDIA (or NON-PENYEDIA) as PENYEDIA', () => {
    for (const t of ['non penyedia', 'non-penyedia', 'non  penyedia', 'login non penyedia'].map(norm)) expect(hasRoleWord(t, 'penyedia'), t).toBe(false);
    for (const t of ['penyedia', 'pt maju - penyedia', 'login penyedia', 'penyedia / non penyedia'].map(norm)) expect(hasRoleWord(t, 'penyedia'), t).toBe(true);
    expect(hasRoleWord('penyediaan barang', 'penyedia')).toBe(false);
  });
  it('tells a letter or digit of any script as the Unicode classes do, without compiling them for ASCII', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogates are no characters
      const ch = String.fromCharCode(c);
      if (isWordChar(ch) !== /[\p{L}\p{N}]/u.test(ch)) wrong.push(c.toString(16));
      if (c > 0x20 && fromFirstLetter(`${ch}x`) !== (/\p{L}/u.test(ch) ? `${ch}x` : 'x')) wrong.push(`letter ${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    expect(isWordChar(undefined)).toBe(false);
  });
  it('reads a link from its first letter', () => {
    expect(fromFirstLetter('» keluar')).toBe('keluar');
    expect(fromFirstLetter('1. Logout')).toBe('Logout');
    expect(fromFirstLetter('→ été')).toBe('été');
    expect(fromFirstLetter('·· ')).toBe('');
  });
});
