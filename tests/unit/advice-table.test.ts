import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADVICE_DOC, adviceTable } from '../../scripts/advice-table';
import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';

describe('docs/advice.md', () => {
  it('is current with the locale files (run `npm run docs:advice` when it is not)', () => {
    expect(readFileSync(ADVICE_DOC, 'utf8')).toBe(adviceTable());
  });
  it('every advice text has both languages', () => {
    const missing = Object.keys(id).filter((k) => /^(action|step|ui)_/.test(k) && !(k in en));
    expect(missing).toEqual([]);
  });
});
