/**
 * Building blocks every other schema uses: dates, codes, credentials, paging, and (from
 * working-conditions.ts) employment types, education, age bands and money.
 * Refinement messages are Japanese because a person may read them in a problem's `errors`.
 */
import { z } from 'zod';
import { INDUSTRY_CODES } from '../data/industries';
import { OCCUPATION_MIDDLE_CODES } from '../data/occupations';
import { PREFECTURE_CODES, isPrefectureCode } from '../data/prefectures';

export * from './working-conditions';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `YYYY-MM-DD` names a day that exists (leap years included).
 *
 * @example
 * isRealDate('2028-02-29'); // true
 * isRealDate('2026-02-30'); // false
 */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids any local-zone shift.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay;
}

/**
 * A calendar day in Japan time (T-1) as `YYYY-MM-DD`, which must exist.
 *
 * @example
 * IsoDateSchema.parse('2026-04-01'); // '2026-04-01'
 * IsoDateSchema.safeParse('2026-02-30').success; // false
 */
export const IsoDateSchema = z
  .string()
  .regex(ISO_DATE, { message: '日付は YYYY-MM-DD の形式で指定してください' })
  .refine(isRealDate, { message: '存在しない日付です' });
export type IsoDate = z.infer<typeof IsoDateSchema>;

/**
 * An instant as an ISO 8601 UTC timestamp (`…Z`), as `Date.prototype.toISOString` writes it.
 *
 * @example
 * InstantSchema.parse('2026-04-01T00:00:00.000Z');
 */
export const InstantSchema = z.iso.datetime();
export type Instant = z.infer<typeof InstantSchema>;

/**
 * A clock time `HH:MM`, 00:00 to 23:59.
 *
 * @example
 * TimeOfDaySchema.parse('09:30');
 */
export const TimeOfDaySchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, {
  message: '時刻は HH:MM の形式で指定してください',
});
export type TimeOfDay = z.infer<typeof TimeOfDaySchema>;

/**
 * A fiscal year (年度, T-4) by the calendar year in which it starts on 1 April.
 *
 * @example
 * FiscalYearSchema.parse(2026); // 年度 2026: 2026-04-01 to 2027-03-31
 */
export const FiscalYearSchema = z.number().int().min(2020).max(2100);
export type FiscalYear = z.infer<typeof FiscalYearSchema>;

/**
 * An opaque record ID chosen by the worker (ULID, UUID or similar): URL-safe, 1 to 64 characters.
 *
 * @example
 * IdSchema.parse('01JD7W4B3S9X2Y8Z6Q5R4T3V2N');
 */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'ID の形式が正しくありません' });
export type Id = z.infer<typeof IdSchema>;

/**
 * A JIS X 0401 prefecture code, `'01'` to `'47'`.
 *
 * @example
 * PrefectureCodeSchema.parse('13'); // 東京都
 */
export const PrefectureCodeSchema = z
  .enum(PREFECTURE_CODES, { error: '都道府県は2桁のコードで指定してください（例: 13 は東京都。一覧は GET /v1/public/codes/prefectures）' })
  .meta({ description: '都道府県コード（JIS X 0401、2桁）。一覧は GET /v1/public/codes/prefectures', example: '13' });
export type PrefectureCode = z.infer<typeof PrefectureCodeSchema>;

/**
 * A municipality (市区町村) by its five-digit 全国地方公共団体コード without the check digit.
 * The first two digits are its prefecture; `NN000` is the prefecture itself, so it is refused.
 *
 * @example
 * MunicipalityCodeSchema.parse('13101'); // 千代田区
 * MunicipalityCodeSchema.safeParse('48101').success; // false
 */
export const MunicipalityCodeSchema = z
  .string()
  .regex(/^\d{5}$/, { message: '市区町村コードは5桁の数字です（検査数字を除く）' })
  .refine((code) => isPrefectureCode(code.slice(0, 2)) && code.slice(2) !== '000', {
    message: '存在しない市区町村コードです',
  });
export type MunicipalityCode = z.infer<typeof MunicipalityCodeSchema>;

/**
 * The prefecture code a municipality code starts with.
 *
 * @example
 * municipalityPrefecture('27100'); // '27'
 */
export function municipalityPrefecture(code: MunicipalityCode): PrefectureCode {
  return code.slice(0, 2) as PrefectureCode;
}

/**
 * A middle group (中分類) of 厚生労働省編職業分類 (2022 revision), `'001'` to `'099'`.
 *
 * @example
 * OccupationCodeSchema.parse('050'); // 施設介護の職業
 */
export const OccupationCodeSchema = z
  .enum(OCCUPATION_MIDDLE_CODES, {
    error: '職業は厚生労働省編職業分類の中分類コード（3桁）で指定してください（一覧は GET /v1/public/codes/occupations）',
  })
  .meta({
    description: '職業分類の中分類コード（厚生労働省編職業分類 2022年改定、3桁）。一覧は GET /v1/public/codes/occupations',
    example: '050',
  });
export type OccupationCode = z.infer<typeof OccupationCodeSchema>;

/**
 * A major group of 日本標準産業分類, `'A'` to `'T'`.
 *
 * @example
 * IndustryCodeSchema.parse('P'); // 医療，福祉
 */
export const IndustryCodeSchema = z
  .enum(INDUSTRY_CODES, { error: '産業は日本標準産業分類の大分類（A〜T）で指定してください（一覧は GET /v1/public/codes/industries）' })
  .meta({ description: '日本標準産業分類の大分類（A〜T）。一覧は GET /v1/public/codes/industries', example: 'P' });
export type IndustryCode = z.infer<typeof IndustryCodeSchema>;

/**
 * An email address, trimmed and lowercased before it is checked, so it can serve as an account ID.
 *
 * @example
 * EmailSchema.parse('  Tanaka@Example.JP '); // 'tanaka@example.jp'
 */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'メールアドレスの形式が正しくありません' }).max(254));
export type Email = z.infer<typeof EmailSchema>;

/**
 * A password: 12 to 128 characters, any characters (R-SEC-2 stores only its salted hash).
 *
 * @example
 * PasswordSchema.parse('correct horse battery');
 */
export const PasswordSchema = z
  .string()
  .min(12, { message: 'パスワードは12文字以上にしてください' })
  .max(128, { message: 'パスワードは128文字以内にしてください' });
export type Password = z.infer<typeof PasswordSchema>;

/**
 * A Japanese telephone number: domestic (`03-1234-5678`, `0120-123-456`, `09012345678`) or with
 * `+81`. Hyphens and spaces are allowed between digit groups.
 *
 * @example
 * PhoneNumberSchema.parse('03-1234-5678');
 */
export const PhoneNumberSchema = z
  .string()
  .trim()
  .regex(/^(?:\+81[- ]?|0)\d{1,4}(?:[- ]?\d{1,4}){1,2}$/, { message: '電話番号の形式が正しくありません' })
  .refine(
    (phone) => {
      const digits = phone.replace(/\D/g, '').replace(/^81/, '0');
      return digits.length >= 10 && digits.length <= 11;
    },
    { message: '電話番号の桁数が正しくありません' },
  );
export type PhoneNumber = z.infer<typeof PhoneNumberSchema>;

/**
 * An opaque paging cursor handed out by the worker (base64url, up to 200 characters).
 *
 * @example
 * CursorSchema.parse('eyJzIjoxMjN9');
 */
export const CursorSchema = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, { message: 'カーソルの形式が正しくありません' });
export type Cursor = z.infer<typeof CursorSchema>;

/** The largest page a list route returns. */
export const PAGE_LIMIT_MAX = 100;
/** The page size when none is asked for. */
export const PAGE_LIMIT_DEFAULT = 20;

/**
 * `limit` as a query-string parameter: 1 to 100, 20 when absent.
 *
 * @example
 * PageLimitSchema.parse('50'); // 50
 * PageLimitSchema.parse(undefined); // 20
 */
export const PageLimitSchema = z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT);

/**
 * The query string of any cursor-paged list route.
 *
 * @example
 * PaginationQuerySchema.parse({ limit: '10' }); // { limit: 10 }
 */
export const PaginationQuerySchema = z.strictObject({
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema,
});
export type PaginationQuery = z.infer<typeof PaginationQuerySchema>;

/**
 * A page of items with the cursor for the next page (`null` on the last page).
 *
 * @example
 * const AgencyPageSchema = pageOf(AgencyPublicRecordSchema);
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: CursorSchema.nullable() });
}

/**
 * A query-string list: accepts `a,b`, a repeated parameter (`?x=a&x=b`) or both, trims, drops
 * empty parts, then checks each item and the count.
 *
 * @example
 * const schema = queryList(PrefectureCodeSchema, 47);
 * schema.parse('13,14'); // ['13', '14']
 * schema.parse(['13', '14,27']); // ['13', '14', '27']
 */
export function queryList<T extends z.ZodType<unknown, string>>(item: T, max: number) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(item).max(max));
}

/**
 * Free text a person typed: no control characters other than tab and line breaks.
 * Everything is shown as text, never as HTML (R-MSG-6), so markup is harmless and allowed.
 *
 * @example
 * plainText(1, 2000).parse('よろしくお願いします。\n');
 */
export function plainText(min: number, max: number) {
  return (
    z
      .string()
      .min(min)
      .max(max)
      // eslint-disable-next-line no-control-regex
      .refine((text) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text), {
        message: '使用できない制御文字が含まれています',
      })
      .refine((text) => min === 0 || text.trim().length > 0, { message: '空白だけの文章は送れません' })
  );
}

/**
 * Whether every item of an array is distinct; for `.refine` on lists of codes.
 *
 * @example
 * z.array(z.string()).refine(distinct, { message: '重複があります' });
 */
export function distinct(items: readonly unknown[]): boolean {
  return new Set(items).size === items.length;
}
