/**
 * The 47 prefectures (都道府県) by JIS X 0401 code, with the region each belongs to.
 * Codes are two-digit strings so they keep their leading zero and match the first two digits
 * of a municipality code (全国地方公共団体コード).
 */

/** A broad region (地方), in the usual eight-region division. */
export const REGIONS = [
  { code: 'hokkaido', name: '北海道', nameEn: 'Hokkaido' },
  { code: 'tohoku', name: '東北', nameEn: 'Tohoku' },
  { code: 'kanto', name: '関東', nameEn: 'Kanto' },
  { code: 'chubu', name: '中部', nameEn: 'Chubu' },
  { code: 'kinki', name: '近畿', nameEn: 'Kinki' },
  { code: 'chugoku', name: '中国', nameEn: 'Chugoku' },
  { code: 'shikoku', name: '四国', nameEn: 'Shikoku' },
  { code: 'kyushu_okinawa', name: '九州・沖縄', nameEn: 'Kyushu and Okinawa' },
] as const;

/** One of the eight region codes of {@link REGIONS}. */
export type RegionCode = (typeof REGIONS)[number]['code'];

/**
 * Every prefecture in JIS X 0401 order.
 *
 * @example
 * PREFECTURES.find((p) => p.code === '13')?.nameEn; // 'Tokyo'
 */
export const PREFECTURES = [
  { code: '01', name: '北海道', nameEn: 'Hokkaido', region: 'hokkaido' },
  { code: '02', name: '青森県', nameEn: 'Aomori', region: 'tohoku' },
  { code: '03', name: '岩手県', nameEn: 'Iwate', region: 'tohoku' },
  { code: '04', name: '宮城県', nameEn: 'Miyagi', region: 'tohoku' },
  { code: '05', name: '秋田県', nameEn: 'Akita', region: 'tohoku' },
  { code: '06', name: '山形県', nameEn: 'Yamagata', region: 'tohoku' },
  { code: '07', name: '福島県', nameEn: 'Fukushima', region: 'tohoku' },
  { code: '08', name: '茨城県', nameEn: 'Ibaraki', region: 'kanto' },
  { code: '09', name: '栃木県', nameEn: 'Tochigi', region: 'kanto' },
  { code: '10', name: '群馬県', nameEn: 'Gunma', region: 'kanto' },
  { code: '11', name: '埼玉県', nameEn: 'Saitama', region: 'kanto' },
  { code: '12', name: '千葉県', nameEn: 'Chiba', region: 'kanto' },
  { code: '13', name: '東京都', nameEn: 'Tokyo', region: 'kanto' },
  { code: '14', name: '神奈川県', nameEn: 'Kanagawa', region: 'kanto' },
  { code: '15', name: '新潟県', nameEn: 'Niigata', region: 'chubu' },
  { code: '16', name: '富山県', nameEn: 'Toyama', region: 'chubu' },
  { code: '17', name: '石川県', nameEn: 'Ishikawa', region: 'chubu' },
  { code: '18', name: '福井県', nameEn: 'Fukui', region: 'chubu' },
  { code: '19', name: '山梨県', nameEn: 'Yamanashi', region: 'chubu' },
  { code: '20', name: '長野県', nameEn: 'Nagano', region: 'chubu' },
  { code: '21', name: '岐阜県', nameEn: 'Gifu', region: 'chubu' },
  { code: '22', name: '静岡県', nameEn: 'Shizuoka', region: 'chubu' },
  { code: '23', name: '愛知県', nameEn: 'Aichi', region: 'chubu' },
  { code: '24', name: '三重県', nameEn: 'Mie', region: 'kinki' },
  { code: '25', name: '滋賀県', nameEn: 'Shiga', region: 'kinki' },
  { code: '26', name: '京都府', nameEn: 'Kyoto', region: 'kinki' },
  { code: '27', name: '大阪府', nameEn: 'Osaka', region: 'kinki' },
  { code: '28', name: '兵庫県', nameEn: 'Hyogo', region: 'kinki' },
  { code: '29', name: '奈良県', nameEn: 'Nara', region: 'kinki' },
  { code: '30', name: '和歌山県', nameEn: 'Wakayama', region: 'kinki' },
  { code: '31', name: '鳥取県', nameEn: 'Tottori', region: 'chugoku' },
  { code: '32', name: '島根県', nameEn: 'Shimane', region: 'chugoku' },
  { code: '33', name: '岡山県', nameEn: 'Okayama', region: 'chugoku' },
  { code: '34', name: '広島県', nameEn: 'Hiroshima', region: 'chugoku' },
  { code: '35', name: '山口県', nameEn: 'Yamaguchi', region: 'chugoku' },
  { code: '36', name: '徳島県', nameEn: 'Tokushima', region: 'shikoku' },
  { code: '37', name: '香川県', nameEn: 'Kagawa', region: 'shikoku' },
  { code: '38', name: '愛媛県', nameEn: 'Ehime', region: 'shikoku' },
  { code: '39', name: '高知県', nameEn: 'Kochi', region: 'shikoku' },
  { code: '40', name: '福岡県', nameEn: 'Fukuoka', region: 'kyushu_okinawa' },
  { code: '41', name: '佐賀県', nameEn: 'Saga', region: 'kyushu_okinawa' },
  { code: '42', name: '長崎県', nameEn: 'Nagasaki', region: 'kyushu_okinawa' },
  { code: '43', name: '熊本県', nameEn: 'Kumamoto', region: 'kyushu_okinawa' },
  { code: '44', name: '大分県', nameEn: 'Oita', region: 'kyushu_okinawa' },
  { code: '45', name: '宮崎県', nameEn: 'Miyazaki', region: 'kyushu_okinawa' },
  { code: '46', name: '鹿児島県', nameEn: 'Kagoshima', region: 'kyushu_okinawa' },
  { code: '47', name: '沖縄県', nameEn: 'Okinawa', region: 'kyushu_okinawa' },
] as const satisfies ReadonlyArray<{ code: string; name: string; nameEn: string; region: RegionCode }>;

/**
 * The 47 JIS X 0401 codes as a tuple, ready for `z.enum`.
 *
 * @example
 * PREFECTURE_CODES.length; // 47
 * PREFECTURE_CODES[12]; // '13' (東京都)
 */
export const PREFECTURE_CODES = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
  '30',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '38',
  '39',
  '40',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '47',
] as const;

/** A JIS X 0401 prefecture code, `'01'` (北海道) to `'47'` (沖縄県). */
export type PrefectureCode = (typeof PREFECTURE_CODES)[number];

/** One entry of {@link PREFECTURES}. */
export type Prefecture = (typeof PREFECTURES)[number];

const byCode: ReadonlyMap<string, Prefecture> = new Map(PREFECTURES.map((p) => [p.code, p]));

/**
 * Whether a string is one of the 47 prefecture codes.
 *
 * @example
 * isPrefectureCode('13'); // true
 * isPrefectureCode('48'); // false
 */
export function isPrefectureCode(code: string): code is PrefectureCode {
  return byCode.has(code);
}

/**
 * The prefecture record for a code, or `undefined` for a string that is not one.
 *
 * @example
 * findPrefecture('27')?.name; // '大阪府'
 * findPrefecture('00'); // undefined
 */
export function findPrefecture(code: string): Prefecture | undefined {
  return byCode.get(code);
}

/**
 * The Japanese name of a prefecture.
 *
 * @example
 * prefectureName('01'); // '北海道'
 * prefectureName('47'); // '沖縄県'
 */
export function prefectureName(code: PrefectureCode): string {
  const prefecture = byCode.get(code);
  if (!prefecture) throw new RangeError(`not a prefecture code: ${code}`);
  return prefecture.name;
}

/**
 * The name of a prefecture's labour bureau (都道府県労働局), in whose name it writes to agencies.
 *
 * @example
 * bureauName('13'); // '東京労働局'
 * bureauName('01'); // '北海道労働局'
 */
export function bureauName(code: PrefectureCode): string {
  return `${prefectureName(code).replace(/[都府県]$/, '')}労働局`;
}

/**
 * The prefecture codes of one region, in JIS order.
 *
 * @example
 * prefecturesInRegion('shikoku'); // ['36', '37', '38', '39']
 */
export function prefecturesInRegion(region: RegionCode): PrefectureCode[] {
  return PREFECTURES.filter((p) => p.region === region).map((p) => p.code);
}
