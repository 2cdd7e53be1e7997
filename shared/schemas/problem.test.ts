import { describe, expect, it } from 'vitest';
import { WageRangeSchema } from './common';
import { ProblemDetailsSchema, problemErrorsFromZod } from './problem';

const capReached = {
  type: 'https://madoguchi.example/problems/cap_reached',
  title: '本日の送信上限に達しました',
  status: 429,
  detail: '本日は1,000通送信済みです。',
  code: 'cap_reached',
  used: 1000,
  limit: 1000,
  resetsAt: '2026-04-01T15:00:00.000Z',
};

describe('ProblemDetailsSchema (R-SEC-3)', () => {
  it('R-CAP-1 carries the count, the limit and the reset time', () => {
    expect(ProblemDetailsSchema.parse(capReached)).toMatchObject({ used: 1000, limit: 1000 });
  });

  it('keeps extension members, as RFC 9457 asks', () => {
    expect(ProblemDetailsSchema.parse({ ...capReached, traceId: 'abc' })).toHaveProperty('traceId', 'abc');
  });

  it('refuses a non-error status, a missing code or a non-snake_case code', () => {
    expect(ProblemDetailsSchema.safeParse({ ...capReached, status: 200 }).success).toBe(false);
    const { code: _code, ...withoutCode } = capReached;
    expect(ProblemDetailsSchema.safeParse(withoutCode).success).toBe(false);
    expect(ProblemDetailsSchema.safeParse({ ...capReached, code: 'CapReached' }).success).toBe(false);
  });

  it('turns a failed parse into field errors with dotted paths', () => {
    const result = WageRangeSchema.safeParse({ unit: 'month', min: 3, max: 1 });
    expect(result.success).toBe(false);
    const errors = problemErrorsFromZod(result.error!);
    expect(errors).toEqual([{ path: 'max', message: '最低額が最高額を上回っています' }]);
    expect(ProblemDetailsSchema.safeParse({ ...capReached, status: 400, code: 'validation_failed', errors }).success).toBe(true);
  });
});
