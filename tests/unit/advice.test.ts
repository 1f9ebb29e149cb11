import { describe, expect, it } from 'vitest';
import { isAdvice } from '@/lib/advice';
import { adviceSchema } from '@/lib/protocol';

const samples: unknown[] = [
  { pageKind: 'login', nextAction: 'log-in', genuine: true },
  { pageKind: 'other', nextAction: null, genuine: true, lpseName: 'LPSE Kabupaten Batang' },
  { pageKind: 'login', nextAction: 'suspicious-site', genuine: false },
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

describe("the content script's zod-free advice guard", () => {
  it.each(samples.map((s) => [JSON.stringify(s), s]))('agrees with the protocol schema on %s', (_label, sample) => {
    expect(isAdvice(sample)).toBe(adviceSchema.safeParse(sample).success);
  });
  it('accepts the valid samples (the table above is not all rejections)', () => {
    expect(samples.filter(isAdvice)).toHaveLength(3);
  });
});
