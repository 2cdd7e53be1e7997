/**
 * The major groups (大分類) of the Japan Standard Industrial Classification (日本標準産業分類).
 * The twenty groups A–T have been stable since the 12th revision (2007) and are unchanged in the
 * 14th (2023); names use the official full-width comma.
 */

/**
 * The 20 major groups A–T.
 *
 * @example
 * INDUSTRY_MAJOR_GROUPS[15]; // { code: 'P', name: '医療，福祉', nameEn: 'Medical, health care and welfare' }
 */
export const INDUSTRY_MAJOR_GROUPS = [
  { code: 'A', name: '農業，林業', nameEn: 'Agriculture and forestry' },
  { code: 'B', name: '漁業', nameEn: 'Fisheries' },
  { code: 'C', name: '鉱業，採石業，砂利採取業', nameEn: 'Mining and quarrying of stone and gravel' },
  { code: 'D', name: '建設業', nameEn: 'Construction' },
  { code: 'E', name: '製造業', nameEn: 'Manufacturing' },
  { code: 'F', name: '電気・ガス・熱供給・水道業', nameEn: 'Electricity, gas, heat supply and water' },
  { code: 'G', name: '情報通信業', nameEn: 'Information and communications' },
  { code: 'H', name: '運輸業，郵便業', nameEn: 'Transport and postal activities' },
  { code: 'I', name: '卸売業，小売業', nameEn: 'Wholesale and retail trade' },
  { code: 'J', name: '金融業，保険業', nameEn: 'Finance and insurance' },
  { code: 'K', name: '不動産業，物品賃貸業', nameEn: 'Real estate and goods rental and leasing' },
  { code: 'L', name: '学術研究，専門・技術サービス業', nameEn: 'Scientific research, professional and technical services' },
  { code: 'M', name: '宿泊業，飲食サービス業', nameEn: 'Accommodations, eating and drinking services' },
  { code: 'N', name: '生活関連サービス業，娯楽業', nameEn: 'Living-related and personal services and amusement services' },
  { code: 'O', name: '教育，学習支援業', nameEn: 'Education, learning support' },
  { code: 'P', name: '医療，福祉', nameEn: 'Medical, health care and welfare' },
  { code: 'Q', name: '複合サービス事業', nameEn: 'Compound services' },
  { code: 'R', name: 'サービス業（他に分類されないもの）', nameEn: 'Services, n.e.c.' },
  { code: 'S', name: '公務（他に分類されるものを除く）', nameEn: 'Government, except elsewhere classified' },
  { code: 'T', name: '分類不能の産業', nameEn: 'Industries unable to classify' },
] as const;

/**
 * The 20 major-group letters as a tuple, ready for `z.enum`.
 *
 * @example
 * INDUSTRY_CODES.join(''); // 'ABCDEFGHIJKLMNOPQRST'
 */
export const INDUSTRY_CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;

/** A major-group letter, `'A'` to `'T'`. */
export type IndustryCode = (typeof INDUSTRY_CODES)[number];

/** One entry of {@link INDUSTRY_MAJOR_GROUPS}. */
export type IndustryMajorGroup = (typeof INDUSTRY_MAJOR_GROUPS)[number];

const byCode: ReadonlyMap<string, IndustryMajorGroup> = new Map(INDUSTRY_MAJOR_GROUPS.map((g) => [g.code, g]));

/**
 * Whether a string is one of the 20 major-group letters.
 *
 * @example
 * isIndustryCode('P'); // true
 * isIndustryCode('U'); // false
 */
export function isIndustryCode(code: string): code is IndustryCode {
  return byCode.has(code);
}

/**
 * The Japanese name of a major group.
 *
 * @example
 * industryName('I'); // '卸売業，小売業'
 */
export function industryName(code: IndustryCode): string {
  const group = byCode.get(code);
  if (!group) throw new RangeError(`not an industry code: ${code}`);
  return group.name;
}
