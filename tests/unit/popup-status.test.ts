// The popup's aggregation status (issue 16 §5): a penyedia's ADP state from its accounts, and notices cut at a word.
import { describe, expect, it } from 'vitest';
import { penyediaAdp, shorten } from '@/components/Popup';

describe('popup: the ADP state of a penyedia', () => {
  it("is its User ID Default's; without one, activated if any account is, not yet only if all are not", () => {
    const a = (userId: string, activation: 'activated' | 'not-activated' | 'in-progress' | 'unknown') => ({ userId, activation });
    expect(penyediaAdp([a('X', 'not-activated'), a('Y', 'activated')], 'x')).toBe('not-activated');
    expect(penyediaAdp([a('X', 'not-activated'), a('Y', 'activated')])).toBe('activated');
    expect(penyediaAdp([a('X', 'not-activated'), a('Y', 'in-progress')])).toBe('in-progress');
    expect(penyediaAdp([a('X', 'not-activated'), a('Y', 'not-activated')])).toBe('not-activated');
    expect(penyediaAdp([a('X', 'not-activated'), a('Y', 'unknown')])).toBe('unknown');
    expect(penyediaAdp([])).toBe('unknown');
  });
  it('cuts a long notice at a word, marked with …', () => {
    expect(shorten('pendek', 200)).toBe('pendek');
    const s = shorten('Login dengan User ID belum dapat dilanjutkan karena NPWP yang sama terdaftar pada penyedia lain', 60);
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s.endsWith('…')).toBe(true);
    expect(s).not.toMatch(/\s…$/);
  });
});
