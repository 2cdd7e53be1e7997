/**
 * Hello Work's occupation classification: 厚生労働省編職業分類, 2022 revision (令和4年改定, the
 * 5th revision, in use since April 2022).
 *
 * The 2022 revision replaced the 2011 one (11 major groups A–K and 73 middle groups, which mirrored
 * the 日本標準職業分類 of 2009). It has 15 major groups coded `01`–`15`, 99 middle groups coded
 * `001`–`099`, and 440 minor groups coded `NNN-NN`; the four-level 細分類 was abolished. Hello
 * Work's own search takes the three-digit middle-group code, so that is the code a profile
 * carries.
 *
 * Source of the structure (major names and middle-group counts per major group): Hello Work's
 * 「職業分類に関するご案内」 page. The middle-group names are as accurate as could be established
 * without the printed table; those of major group 12 (製造・修理・塗装・製図等の職業, codes
 * 067–081) other than 070, 071, 074, 075 and 079 are the least certain, and a bureau loading real
 * data should check them against the official 職業分類表.
 */

/**
 * The 15 major groups (大分類).
 *
 * @example
 * OCCUPATION_MAJOR_GROUPS[0]; // { code: '01', name: '管理的職業' }
 */
export const OCCUPATION_MAJOR_GROUPS = [
  { code: '01', name: '管理的職業' },
  { code: '02', name: '研究・技術の職業' },
  { code: '03', name: '法務・経営・文化芸術等の専門的職業' },
  { code: '04', name: '医療・看護・保健の職業' },
  { code: '05', name: '保育・教育の職業' },
  { code: '06', name: '事務的職業' },
  { code: '07', name: '販売・営業の職業' },
  { code: '08', name: '福祉・介護の職業' },
  { code: '09', name: 'サービスの職業' },
  { code: '10', name: '警備・保安の職業' },
  { code: '11', name: '農林漁業の職業' },
  { code: '12', name: '製造・修理・塗装・製図等の職業' },
  { code: '13', name: '配送・輸送・機械運転の職業' },
  { code: '14', name: '建設・土木・電気工事の職業' },
  { code: '15', name: '運搬・清掃・包装・選別等の職業' },
] as const;

/** A major-group code, `'01'` to `'15'`. */
export type OccupationMajorCode = (typeof OCCUPATION_MAJOR_GROUPS)[number]['code'];

/** One entry of {@link OCCUPATION_MAJOR_GROUPS}. */
export type OccupationMajorGroup = (typeof OCCUPATION_MAJOR_GROUPS)[number];

/**
 * The 99 middle groups (中分類), each with the major group it belongs to.
 *
 * @example
 * OCCUPATION_MIDDLE_GROUPS.find((g) => g.code === '050')?.name; // '施設介護の職業'
 */
export const OCCUPATION_MIDDLE_GROUPS = [
  // 01 管理的職業
  { code: '001', major: '01', name: '法人・団体の役員' },
  { code: '002', major: '01', name: '法人・団体の管理職員' },
  { code: '003', major: '01', name: 'その他の管理的職業' },
  // 02 研究・技術の職業
  { code: '004', major: '02', name: '研究者' },
  { code: '005', major: '02', name: '農林水産技術者' },
  { code: '006', major: '02', name: '開発技術者' },
  { code: '007', major: '02', name: '製造技術者' },
  { code: '008', major: '02', name: '建築・土木・測量技術者' },
  { code: '009', major: '02', name: '情報処理・通信技術者（ソフトウェア開発）' },
  { code: '010', major: '02', name: '情報処理・通信技術者（ソフトウェア開発を除く）' },
  { code: '011', major: '02', name: 'その他の技術の職業' },
  // 03 法務・経営・文化芸術等の専門的職業
  { code: '012', major: '03', name: '法務の職業' },
  { code: '013', major: '03', name: '経営・金融・保険の専門的職業' },
  { code: '014', major: '03', name: '宗教家' },
  { code: '015', major: '03', name: '著述家、記者、編集者' },
  { code: '016', major: '03', name: '美術家、写真家、映像撮影者' },
  { code: '017', major: '03', name: 'デザイナー' },
  { code: '018', major: '03', name: '音楽家、舞台芸術家' },
  { code: '019', major: '03', name: '図書館司書、学芸員、カウンセラー' },
  { code: '020', major: '03', name: 'その他の法務・経営・文化芸術等の専門的職業' },
  // 04 医療・看護・保健の職業
  { code: '021', major: '04', name: '医師、歯科医師、獣医師、薬剤師' },
  { code: '022', major: '04', name: '保健師、助産師' },
  { code: '023', major: '04', name: '看護師、准看護師' },
  { code: '024', major: '04', name: '医療技術者' },
  { code: '025', major: '04', name: '栄養士、管理栄養士' },
  { code: '026', major: '04', name: 'あん摩マッサージ指圧師、はり師、きゅう師、柔道整復師' },
  { code: '027', major: '04', name: 'その他の医療・看護・保健の専門的職業' },
  { code: '028', major: '04', name: '保健医療関係助手' },
  // 05 保育・教育の職業
  { code: '029', major: '05', name: '保育士、幼稚園教員' },
  { code: '030', major: '05', name: '学童保育等指導員、保育補助者、家庭的保育者' },
  { code: '031', major: '05', name: '学校等教員' },
  { code: '032', major: '05', name: '習い事指導等教育関連の職業' },
  // 06 事務的職業
  { code: '033', major: '06', name: '総務・人事・企画事務の職業' },
  { code: '034', major: '06', name: '一般事務・秘書・受付の職業' },
  { code: '035', major: '06', name: 'その他の総務等事務の職業' },
  { code: '036', major: '06', name: '電話・インターネットによる応接事務の職業' },
  { code: '037', major: '06', name: '医療・介護事務の職業' },
  { code: '038', major: '06', name: '会計事務の職業' },
  { code: '039', major: '06', name: '生産関連事務の職業' },
  { code: '040', major: '06', name: '営業・販売関連事務の職業' },
  { code: '041', major: '06', name: '外勤事務の職業' },
  { code: '042', major: '06', name: '運輸・郵便事務の職業' },
  { code: '043', major: '06', name: 'コンピュータ等事務用機器操作の職業' },
  // 07 販売・営業の職業
  { code: '044', major: '07', name: '小売店・卸売店店長' },
  { code: '045', major: '07', name: '販売員' },
  { code: '046', major: '07', name: '商品仕入・再生資源卸売の職業' },
  { code: '047', major: '07', name: '販売類似の職業' },
  { code: '048', major: '07', name: '営業の職業' },
  // 08 福祉・介護の職業
  { code: '049', major: '08', name: '福祉・介護の専門的職業' },
  { code: '050', major: '08', name: '施設介護の職業' },
  { code: '051', major: '08', name: '訪問介護の職業' },
  // 09 サービスの職業
  { code: '052', major: '09', name: '家庭生活支援サービスの職業' },
  { code: '053', major: '09', name: '理容師、美容師、美容関連サービスの職業' },
  { code: '054', major: '09', name: '浴場・クリーニングの職業' },
  { code: '055', major: '09', name: '飲食物調理の職業' },
  { code: '056', major: '09', name: '接客・給仕の職業' },
  { code: '057', major: '09', name: '居住施設・ビル等の管理の職業' },
  { code: '058', major: '09', name: 'その他のサービスの職業' },
  // 10 警備・保安の職業
  { code: '059', major: '10', name: '警備員' },
  { code: '060', major: '10', name: '自衛官' },
  { code: '061', major: '10', name: '司法警察職員' },
  { code: '062', major: '10', name: '看守、消防員' },
  { code: '063', major: '10', name: 'その他の保安の職業' },
  // 11 農林漁業の職業
  { code: '064', major: '11', name: '農業の職業' },
  { code: '065', major: '11', name: '林業の職業' },
  { code: '066', major: '11', name: '漁業の職業' },
  // 12 製造・修理・塗装・製図等の職業
  { code: '067', major: '12', name: '生産設備オペレーター（金属製品）' },
  { code: '068', major: '12', name: '生産設備オペレーター（食料品等）' },
  { code: '069', major: '12', name: '生産設備オペレーター（金属製品・食料品等を除く）' },
  { code: '070', major: '12', name: '機械組立設備オペレーター' },
  { code: '071', major: '12', name: '製品製造・加工処理工（金属製品）' },
  { code: '072', major: '12', name: '製品製造・加工処理工（食料品等）' },
  { code: '073', major: '12', name: '製品製造・加工処理工（金属製品・食料品等を除く）' },
  { code: '074', major: '12', name: '機械組立工' },
  { code: '075', major: '12', name: '機械整備・修理工' },
  { code: '076', major: '12', name: '製品検査工（金属製品）' },
  { code: '077', major: '12', name: '製品検査工（食料品等）' },
  { code: '078', major: '12', name: '製品検査工（金属製品・食料品等を除く）' },
  { code: '079', major: '12', name: '機械検査工' },
  { code: '080', major: '12', name: '生産関連の職業' },
  { code: '081', major: '12', name: '生産類似の職業' },
  // 13 配送・輸送・機械運転の職業
  { code: '082', major: '13', name: '配送・集荷の職業' },
  { code: '083', major: '13', name: '貨物自動車運転の職業' },
  { code: '084', major: '13', name: 'バス運転の職業' },
  { code: '085', major: '13', name: '乗用車運転の職業' },
  { code: '086', major: '13', name: 'その他の自動車運転の職業' },
  { code: '087', major: '13', name: '鉄道・船舶・航空機運転の職業' },
  { code: '088', major: '13', name: 'その他の輸送の職業' },
  { code: '089', major: '13', name: '施設機械設備操作・建設機械運転の職業' },
  // 14 建設・土木・電気工事の職業
  { code: '090', major: '14', name: '建設躯体工事の職業' },
  { code: '091', major: '14', name: '建設の職業（建設躯体工事の職業を除く）' },
  { code: '092', major: '14', name: '土木の職業' },
  { code: '093', major: '14', name: '採掘の職業' },
  { code: '094', major: '14', name: '電気・通信工事の職業' },
  // 15 運搬・清掃・包装・選別等の職業
  { code: '095', major: '15', name: '荷役・運搬作業員' },
  { code: '096', major: '15', name: '清掃・洗浄作業員' },
  { code: '097', major: '15', name: '包装作業員' },
  { code: '098', major: '15', name: '選別・ピッキング作業員' },
  { code: '099', major: '15', name: 'その他の運搬・清掃・包装・選別等の職業' },
] as const satisfies ReadonlyArray<{ code: string; major: OccupationMajorCode; name: string }>;

/**
 * The 99 middle-group codes as a tuple, ready for `z.enum`.
 *
 * @example
 * OCCUPATION_MIDDLE_CODES.length; // 99
 * OCCUPATION_MIDDLE_CODES.includes('050'); // true
 */
export const OCCUPATION_MIDDLE_CODES = [
  '001',
  '002',
  '003',
  '004',
  '005',
  '006',
  '007',
  '008',
  '009',
  '010',
  '011',
  '012',
  '013',
  '014',
  '015',
  '016',
  '017',
  '018',
  '019',
  '020',
  '021',
  '022',
  '023',
  '024',
  '025',
  '026',
  '027',
  '028',
  '029',
  '030',
  '031',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '040',
  '041',
  '042',
  '043',
  '044',
  '045',
  '046',
  '047',
  '048',
  '049',
  '050',
  '051',
  '052',
  '053',
  '054',
  '055',
  '056',
  '057',
  '058',
  '059',
  '060',
  '061',
  '062',
  '063',
  '064',
  '065',
  '066',
  '067',
  '068',
  '069',
  '070',
  '071',
  '072',
  '073',
  '074',
  '075',
  '076',
  '077',
  '078',
  '079',
  '080',
  '081',
  '082',
  '083',
  '084',
  '085',
  '086',
  '087',
  '088',
  '089',
  '090',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
  '097',
  '098',
  '099',
] as const;

/** A middle-group code of the 2022 classification, `'001'` to `'099'`. */
export type OccupationMiddleCode = (typeof OCCUPATION_MIDDLE_CODES)[number];

/** One entry of {@link OCCUPATION_MIDDLE_GROUPS}. */
export type OccupationMiddleGroup = (typeof OCCUPATION_MIDDLE_GROUPS)[number];

const middleByCode: ReadonlyMap<string, OccupationMiddleGroup> = new Map(OCCUPATION_MIDDLE_GROUPS.map((g) => [g.code, g]));
const majorByCode: ReadonlyMap<string, OccupationMajorGroup> = new Map(OCCUPATION_MAJOR_GROUPS.map((g) => [g.code, g]));

/**
 * Whether a string is one of the 99 middle-group codes.
 *
 * @example
 * isOccupationCode('009'); // true
 * isOccupationCode('09'); // false (a major-group code, or a 2011-revision code)
 */
export function isOccupationCode(code: string): code is OccupationMiddleCode {
  return middleByCode.has(code);
}

/**
 * The Japanese name of a middle group.
 *
 * @example
 * occupationName('023'); // '看護師、准看護師'
 */
export function occupationName(code: OccupationMiddleCode): string {
  const group = middleByCode.get(code);
  if (!group) throw new RangeError(`not an occupation middle-group code: ${code}`);
  return group.name;
}

/**
 * The major group a middle group belongs to.
 *
 * @example
 * occupationMajor('050'); // { code: '08', name: '福祉・介護の職業' }
 */
export function occupationMajor(code: OccupationMiddleCode): OccupationMajorGroup {
  const group = middleByCode.get(code);
  const major = group && majorByCode.get(group.major);
  if (!major) throw new RangeError(`not an occupation middle-group code: ${code}`);
  return major;
}

/**
 * The middle-group codes under one major group, in code order.
 *
 * @example
 * occupationsInMajor('08'); // ['049', '050', '051']
 */
export function occupationsInMajor(major: OccupationMajorCode): OccupationMiddleCode[] {
  return OCCUPATION_MIDDLE_GROUPS.filter((g) => g.major === major).map((g) => g.code);
}
