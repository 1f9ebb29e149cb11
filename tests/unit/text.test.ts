import { describe, expect, it } from 'vitest';
import { hasPhrase, hasRoleWord, norm } from '@/lib/spse/text';

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
});
