import { describe, expect, it } from 'vitest';
import { composeAdvice } from '@/lib/worker/compose';
import { adviceSchema } from '@/lib/protocol';

const isAdvice = (v: unknown) => adviceSchema.safeParse(v).success;

const text = { title: 'Masuk', detail: 'x', collapse: 'Ciutkan', expand: 'SPSE Assist', label: 'Asisten SPSE' };
const samples: unknown[] = [
  { pageKind: 'login', nextAction: 'log-in', genuine: true, params: {}, text, collapsed: false },
  { pageKind: 'other', nextAction: null, genuine: true, lpseName: 'LPSE Kabupaten Batang', params: {}, text, collapsed: false },
  { pageKind: 'login', nextAction: 'suspicious-site', genuine: false, params: {}, text, collapsed: false },
  { pageKind: 'login', nextAction: 'use-default-user-id', genuine: true, params: { userId: 'MITRA.01', mode: 'roaming', homeLpseName: 'LPSE X' }, text, collapsed: false },
  { pageKind: 'login', nextAction: 'log-in', genuine: true, params: { candidates: [{ penyediaId: 'a', userId: 'U1' }, { penyediaId: 'b', label: 'PT B' }] }, text, collapsed: false },
  { pageKind: 'admin-notice', nextAction: 'contact-lpse', genuine: true, params: { notice: '<script>alert(1)</script>', problemId: 'p1' }, text, collapsed: false },
  { pageKind: 'login', nextAction: 'log-in', genuine: true, params: { userId: '<img src=x>' }, text, collapsed: false },
  { pageKind: 'login', nextAction: 'log-in', genuine: true, params: { password: 'x' }, text, collapsed: false },
  { pageKind: 'login', nextAction: 'log-in', genuine: true, params: { candidates: [{ penyediaId: 'a', extra: 1 }] }, text, collapsed: false },
  { pageKind: 'login', nextAction: 'log-in', genuine: true, params: { mode: 'elsewhere' }, text, collapsed: false },
  { pageKind: 'login', nextAction: 'log-in', genuine: true, params: [], text, collapsed: false },
  { pageKind: 'login', nextAction: 'log-in', genuine: true },
  { pageKind: 'login', nextAction: 'hack', genuine: true },
  { pageKind: 'nope', nextAction: null, genuine: true },
  { pageKind: 'login', nextAction: 'log-in' },
  { pageKind: 'login', nextAction: 'log-in', genuine: 'yes' },
  { pageKind: 'login', nextAction: 'log-in', genuine: true, extra: 1 },
  { pageKind: 'login', nextAction: 'log-in', genuine: true, lpseName: 'x'.repeat(201) },
  { pageKind: 'login', nextAction: 'log-in', genuine: true, lpseName: 5 },
  null,
  'advice',
  [],
];

describe('the advice schema (what the background may tell a page)', () => {
  it('accepts exactly the six valid samples: no password field, no markup in a User ID, no stray key or type', () => {
    expect(samples.map((s, i) => [i, isAdvice(s)]).filter(([, ok]) => ok).map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('rejects advice without its texts or with a non-string text', () => {
    expect(isAdvice({ pageKind: 'login', nextAction: 'log-in', genuine: true, params: {} })).toBe(false);
    expect(isAdvice({ pageKind: 'login', nextAction: 'log-in', genuine: true, params: {}, text: { ...text, title: 5 } })).toBe(false);
  });
});

describe('composeAdvice', () => {
  const base = { lang: 'id' as const, pageKind: 'other' as const, genuine: true, lpseName: 'LPSE Provinsi DKI Jakarta', params: {}, collapsed: false };
  it('says nothing (no texts) on a page with nothing to show: the reply every SPSE page gets stays small', () => {
    const silent = composeAdvice({ ...base, nextAction: null });
    expect(silent.text).toEqual({});
    expect(isAdvice(silent)).toBe(true);
    expect(JSON.stringify(silent).length).toBeLessThan(200);
  });
  it('carries the action’s title, detail and the assistant’s labels when there is something to show', () => {
    const advice = composeAdvice({ ...base, pageKind: 'login', nextAction: 'log-in', params: { userId: 'MITRAKARYA' } });
    expect(advice.text.title).toBeTruthy();
    expect(advice.text.collapse).toBeTruthy();
    expect(advice.text.fill).toContain('MITRAKARYA');
    expect(isAdvice(advice)).toBe(true);
  });
});
