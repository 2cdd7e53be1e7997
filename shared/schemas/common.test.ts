import { describe, expect, it } from 'vitest';
import {
  EmailSchema,
  InstantSchema,
  IsoDateSchema,
  MunicipalityCodeSchema,
  OccupationCodeSchema,
  PaginationQuerySchema,
  PasswordSchema,
  PhoneNumberSchema,
  PrefectureCodeSchema,
  TimeOfDaySchema,
  WageRangeSchema,
  isRealDate,
  plainText,
  queryList,
} from './common';

describe('IsoDateSchema (T-1)', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-02-30', false],
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['20260101', false],
    ['2026-01-01T00:00:00Z', false],
  ])('%s → %s', (value, ok) => {
    expect(IsoDateSchema.safeParse(value).success).toBe(ok);
    expect(isRealDate(value)).toBe(ok);
  });

  it('refuses non-strings', () => {
    expect(IsoDateSchema.safeParse(20260101).success).toBe(false);
    expect(IsoDateSchema.safeParse(null).success).toBe(false);
  });
});

describe('InstantSchema', () => {
  it('takes UTC ISO timestamps and refuses dates and offsets', () => {
    expect(InstantSchema.safeParse('2026-04-01T00:00:00.000Z').success).toBe(true);
    expect(InstantSchema.safeParse('2026-04-01').success).toBe(false);
    expect(InstantSchema.safeParse('2026-04-01T09:00:00+09:00').success).toBe(false);
  });
});

describe('codes', () => {
  it('takes the 47 prefecture codes only', () => {
    expect(PrefectureCodeSchema.safeParse('01').success).toBe(true);
    expect(PrefectureCodeSchema.safeParse('47').success).toBe(true);
    expect(PrefectureCodeSchema.safeParse('48').success).toBe(false);
    expect(PrefectureCodeSchema.safeParse(13).success).toBe(false);
  });

  it.each([
    ['13101', true],
    ['01100', true],
    ['47201', true],
    ['13000', false],
    ['48101', false],
    ['00101', false],
    ['131016', false],
    ['1310', false],
  ])('municipality %s → %s', (code, ok) => {
    expect(MunicipalityCodeSchema.safeParse(code).success).toBe(ok);
  });

  it('takes three-digit occupation middle-group codes', () => {
    expect(OccupationCodeSchema.safeParse('050').success).toBe(true);
    expect(OccupationCodeSchema.safeParse('50').success).toBe(false);
  });
});

describe('WageRangeSchema', () => {
  it('takes min <= max, including equal', () => {
    expect(WageRangeSchema.safeParse({ unit: 'hour', min: 1200, max: 1500 }).success).toBe(true);
    expect(WageRangeSchema.safeParse({ unit: 'hour', min: 1200, max: 1200 }).success).toBe(true);
  });

  it('refuses min > max, with the error on max', () => {
    const result = WageRangeSchema.safeParse({ unit: 'month', min: 300000, max: 200000 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['max']);
  });

  it('refuses negative, fractional and unknown units or fields', () => {
    expect(WageRangeSchema.safeParse({ unit: 'month', min: -1, max: 10 }).success).toBe(false);
    expect(WageRangeSchema.safeParse({ unit: 'month', min: 1.5, max: 10 }).success).toBe(false);
    expect(WageRangeSchema.safeParse({ unit: 'week', min: 1, max: 10 }).success).toBe(false);
    expect(WageRangeSchema.safeParse({ unit: 'month', min: 1, max: 10, currency: 'JPY' }).success).toBe(false);
  });
});

describe('credentials', () => {
  it('trims and lowercases email addresses before checking them', () => {
    expect(EmailSchema.parse('  Tanaka@Example.JP ')).toBe('tanaka@example.jp');
    expect(EmailSchema.safeParse('not-an-email').success).toBe(false);
    expect(EmailSchema.safeParse('a@b').success).toBe(false);
  });

  it('takes passwords of 12 to 128 characters', () => {
    expect(PasswordSchema.safeParse('a'.repeat(11)).success).toBe(false);
    expect(PasswordSchema.safeParse('a'.repeat(12)).success).toBe(true);
    expect(PasswordSchema.safeParse('a'.repeat(128)).success).toBe(true);
    expect(PasswordSchema.safeParse('a'.repeat(129)).success).toBe(false);
  });

  it.each([
    ['03-1234-5678', true],
    ['0120-123-456', true],
    ['090-1234-5678', true],
    ['09012345678', true],
    ['+81-3-1234-5678', true],
    ['1234', false],
    ['03-1234-56789-0', false],
    ['tel:0312345678', false],
  ])('phone %s → %s', (phone, ok) => {
    expect(PhoneNumberSchema.safeParse(phone).success).toBe(ok);
  });
});

describe('query helpers', () => {
  it('defaults the page limit to 20 and bounds it to 1..100', () => {
    expect(PaginationQuerySchema.parse({})).toEqual({ limit: 20 });
    expect(PaginationQuerySchema.parse({ limit: '100' }).limit).toBe(100);
    expect(PaginationQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(PaginationQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
    expect(PaginationQuerySchema.safeParse({ limit: 'ten' }).success).toBe(false);
    expect(PaginationQuerySchema.safeParse({ page: '2' }).success).toBe(false);
  });

  it('reads comma lists and repeated parameters alike', () => {
    const list = queryList(PrefectureCodeSchema, 3);
    expect(list.parse('13,14')).toEqual(['13', '14']);
    expect(list.parse(['13', '14, 27'])).toEqual(['13', '14', '27']);
    expect(list.parse('13,,')).toEqual(['13']);
    expect(list.safeParse('13,99').success).toBe(false);
    expect(list.safeParse('01,02,03,04').success).toBe(false);
  });

  it('takes HH:MM times within a day', () => {
    expect(TimeOfDaySchema.safeParse('23:59').success).toBe(true);
    expect(TimeOfDaySchema.safeParse('24:00').success).toBe(false);
    expect(TimeOfDaySchema.safeParse('9:00').success).toBe(false);
  });
});

describe('plainText (R-MSG-6)', () => {
  const text = plainText(1, 10);
  it('keeps line breaks and markup as text', () => {
    expect(text.parse('a\nb\tc')).toBe('a\nb\tc');
    expect(text.parse('<b>x</b>')).toBe('<b>x</b>');
  });
  it('refuses control characters, blank text and overlong text', () => {
    expect(text.safeParse('a\u0000b').success).toBe(false);
    expect(text.safeParse('a\u001bb').success).toBe(false);
    expect(text.safeParse('  \n ').success).toBe(false);
    expect(text.safeParse('あ'.repeat(11)).success).toBe(false);
  });
});
