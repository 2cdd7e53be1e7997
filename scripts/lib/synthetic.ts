/**
 * Synthetic jobseeker profiles for the demo (`npm start`), the tests and the benchmarks: varied
 * across prefectures, occupations and wording, deterministic for a seed, and free of anything that
 * could identify a person (the bureau's load refuses contact details anyway).
 */
import { PREFECTURE_CODES } from '../../shared/data/prefectures';
import { OCCUPATION_MIDDLE_GROUPS } from '../../shared/data/occupations';
import { INDUSTRY_CODES } from '../../shared/data/industries';
import { AGE_BANDS, EDUCATION_LEVELS, EMPLOYMENT_TYPES, type ProfileLoadRowInput } from '../../shared/schemas';
import { addDays, registrationValidUntil } from '../../shared/rules';

/** A small fast seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/** Occupations weighted toward what Hello Work sees most: care, sales, office work, driving, manufacturing. */
const COMMON_MAJORS = ['08', '07', '06', '13', '12', '09', '04', '15'];

const PHRASES: Record<string, string[]> = {
  '08': [
    '介護福祉士として特別養護老人ホームで勤務してきました。',
    '訪問介護の経験があります。',
    '夜勤も対応できます。',
    '利用者様に寄り添う介護を心がけています。',
  ],
  '07': [
    '法人営業を中心に新規開拓をしてきました。',
    'ルート営業の経験があります。',
    '販売接客が得意です。',
    '営業目標を継続して達成しました。',
  ],
  '06': [
    '一般事務として受発注と請求書作成を担当しました。',
    '経理事務の経験があります。',
    'Excel・Wordを使った事務作業が得意です。',
    '医療事務の資格を活かしたいです。',
  ],
  '13': ['中型トラックで配送をしていました。', 'フォークリフトの運転ができます。', 'タクシー乗務の経験があります。'],
  '12': ['製造ラインでの組立・検査を担当しました。', 'NC旋盤のオペレーター経験があります。', '品質管理の補助をしていました。'],
  '09': ['飲食店のホールとキッチンを経験しました。', '調理師として和食店に勤めていました。', 'ホテルのフロント業務をしていました。'],
  '04': ['看護師として病棟勤務をしてきました。', '薬局で調剤補助をしていました。', '歯科衛生士の資格があります。'],
  '15': ['倉庫内のピッキング・梱包をしていました。', 'ビル清掃の経験があります。'],
};
const GENERIC = [
  '未経験の仕事にも挑戦したいです。',
  '通勤しやすい職場を希望します。',
  '長く働ける職場を探しています。',
  '土日休みを希望します。',
  'チームで協力して働くことが好きです。',
  '子育てと両立できる働き方を希望します。',
  '資格取得に向けて勉強中です。',
  'ブランクがありますが意欲があります。',
];
const QUALIFICATIONS: Record<string, string[]> = {
  '08': ['介護福祉士', '介護職員初任者研修', '実務者研修'],
  '07': ['普通自動車第一種運転免許', '販売士2級'],
  '06': ['日商簿記2級', 'MOS Excel', '医療事務技能審査'],
  '13': ['中型自動車免許', 'フォークリフト運転技能講習', '第二種運転免許'],
  '12': ['危険物取扱者乙種4類', '品質管理検定3級'],
  '09': ['調理師', '食品衛生責任者'],
  '04': ['看護師', '准看護師', '歯科衛生士'],
  '15': ['普通自動車第一種運転免許'],
};

/** Municipality codes: the prefecture's seat or a ward (5-digit JIS without check digit). */
function municipality(rand: () => number, pref: string): string {
  return `${pref}${String(100 + Math.floor(rand() * 8) * 1 + 1).padStart(3, '0')}`;
}

/** Registrations made up to this many days before the load: about a third lapse within a month of it. */
const REGISTERED_UP_TO_DAYS_AGO = 75;

/**
 * R-FEED-6: the valid-until date of a jobseeker who registered (or was last extended) a random
 * number of days before `loadedOn`: the end of the month after next from then, never before the
 * load day itself.
 */
function spreadValidUntil(rand: () => number, loadedOn: string): string {
  const until = registrationValidUntil(addDays(loadedOn, -Math.floor(rand() * (REGISTERED_UP_TO_DAYS_AGO + 1))));
  return until < loadedOn ? loadedOn : until;
}

/**
 * `count` varied profile rows for the bureau's NDJSON load. With `loadedOn` (the JST load day)
 * each row carries a valid-until date spread so that some registrations lapse within the demo's
 * first month (R-FEED-6); without it the worker's default applies. The dates come from their own
 * PRNG, so the other fields stay the same for a seed either way.
 *
 * @example syntheticProfiles(3000, 1).map((r) => JSON.stringify(r)).join('\n')
 * @example syntheticProfiles(3000, 2026, { loadedOn: '2026-11-27' })[0].validUntil; // e.g. '2026-12-31'
 */
export function syntheticProfiles(
  count: number,
  seed = 1,
  options: { prefectures?: readonly string[]; loadedOn?: string } = {},
): ProfileLoadRowInput[] {
  const rand = prng(seed);
  const validity = prng(seed ^ 0x5eed);
  const prefs = options.prefectures ?? PREFECTURE_CODES;
  const rows: ProfileLoadRowInput[] = [];
  for (let i = 0; i < count; i++) {
    // Tokyo, Osaka, Kanagawa, Aichi and Fukuoka are busier than the rest.
    const pref = options.prefectures ? pick(rand, prefs) : rand() < 0.35 ? pick(rand, ['13', '27', '14', '23', '40']) : pick(rand, prefs);
    const major = rand() < 0.75 ? pick(rand, COMMON_MAJORS) : pick(rand, OCCUPATION_MIDDLE_GROUPS).major;
    const middles = OCCUPATION_MIDDLE_GROUPS.filter((o) => o.major === major);
    const occ = pick(rand, middles).code;
    const areas: ProfileLoadRowInput['areas'] = [{ prefecture: pref as never, municipality: municipality(rand, pref) as never }];
    if (rand() < 0.25) {
      const other = pick(rand, PREFECTURE_CODES);
      if (other !== pref) areas.push({ prefecture: other });
    }
    const hourly = rand() < 0.3;
    const wageMin = hourly ? 1000 + Math.floor(rand() * 8) * 50 : 180_000 + Math.floor(rand() * 20) * 10_000;
    const phrases = [pick(rand, PHRASES[major] ?? GENERIC), pick(rand, GENERIC), pick(rand, PHRASES[major] ?? GENERIC)];
    const quals = QUALIFICATIONS[major] ?? [];
    const qualifications = quals.filter(() => rand() < 0.5);
    rows.push({
      hwRef: `SYN-${seed}-${i}`,
      occupations: [occ as never],
      industries: rand() < 0.7 ? [pick(rand, INDUSTRY_CODES)] : [],
      areas,
      employmentTypes: hourly ? ['part_time'] : rand() < 0.8 ? ['regular'] : ['regular', 'contract'],
      wage: hourly ? { unit: 'hour', min: wageMin, max: wageMin + 300 } : { unit: 'month', min: wageMin, max: wageMin + 60_000 },
      hours: { perWeek: hourly ? 20 + Math.floor(rand() * 4) * 5 : 40, shift: rand() < 0.3, overtimeOk: rand() < 0.5 },
      ageBand: pick(rand, AGE_BANDS),
      qualifications,
      experience: rand() < 0.8 ? [{ occupation: occ as never, years: 1 + Math.floor(rand() * 20) }] : [],
      education: pick(rand, EDUCATION_LEVELS),
      selfIntroduction: [...new Set(phrases)].join(''),
      ...(options.loadedOn ? { validUntil: spreadValidUntil(validity, options.loadedOn) } : {}),
    });
    void EMPLOYMENT_TYPES;
  }
  return rows;
}
