/**
 * Synthetic Hello Work job offers (求人票) for the demo and the benchmark (R-JOB-1): varied across
 * prefectures, occupations, employment types and wording, deterministic for a seed, with dates that
 * keep them open from `today` (some closing within the demo's first weeks).
 */
import { PREFECTURES, PREFECTURE_CODES } from '../../shared/data/prefectures';
import { OCCUPATION_MIDDLE_GROUPS } from '../../shared/data/occupations';
import { addDays, addMonthsClamped, lastDayOfMonth } from '../../shared/rules/time';
import type { JobOfferInput } from '../../shared/schemas/job-offer';
import { prng } from './synthetic';

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const JOBS: Record<string, { titles: string[]; text: string[]; industry: string; quals: string[] }> = {
  '08': {
    titles: ['介護職員', '訪問介護員', 'ケアワーカー（夜勤あり）'],
    text: ['入居者の食事・入浴・排せつの介助。', '利用者宅での身体介護と生活援助。', 'レクリエーションの企画と実施。'],
    industry: 'P',
    quals: ['介護福祉士', '介護職員初任者研修'],
  },
  '07': {
    titles: ['法人営業', 'ルート営業', '販売スタッフ'],
    text: ['既存取引先への提案営業。', '店舗での接客販売とレジ業務。', '新規顧客の開拓。'],
    industry: 'I',
    quals: ['普通自動車第一種運転免許'],
  },
  '06': {
    titles: ['一般事務', '経理事務', '医療事務'],
    text: ['受発注と請求書の作成、電話応対。', '伝票処理と月次決算の補助。', '受付とレセプト業務。'],
    industry: 'K',
    quals: ['日商簿記2級'],
  },
  '13': {
    titles: ['配送ドライバー', 'フォークリフトオペレーター', 'タクシー乗務員'],
    text: ['中型トラックでの店舗配送。', '倉庫内での荷役作業。', '市内のタクシー乗務。'],
    industry: 'H',
    quals: ['中型自動車免許', 'フォークリフト運転技能講習'],
  },
  '12': {
    titles: ['製造スタッフ', 'NC旋盤オペレーター', '検査員'],
    text: ['自動車部品の組立と検査。', 'NC旋盤による金属加工。', '製品の外観検査。'],
    industry: 'E',
    quals: [],
  },
  '09': {
    titles: ['調理スタッフ', 'ホールスタッフ', 'ホテルフロント'],
    text: ['和食店での調理補助。', '飲食店での接客と配膳。', 'チェックイン・アウトの対応。'],
    industry: 'M',
    quals: ['調理師'],
  },
  '04': {
    titles: ['看護師', '准看護師', '歯科衛生士'],
    text: ['病棟での看護業務。', '外来での診療補助。', '歯科医院での予防処置。'],
    industry: 'P',
    quals: ['看護師'],
  },
  '15': {
    titles: ['ピッキングスタッフ', 'ビル清掃スタッフ'],
    text: ['倉庫内でのピッキングと梱包。', 'オフィスビルの日常清掃。'],
    industry: 'R',
    quals: [],
  },
};
const NAMES = ['さくら', 'みどり', 'あおば', 'ひまわり', 'つばさ', 'かえで', 'わかば', 'あさひ', 'ふじ', 'なぎさ'];
const SUFFIX = ['商事', '工業', 'サービス', '福祉会', '運輸', 'フーズ', 'メディカル', '物流'];

/**
 * `count` offer rows for `PUT /v1/admin/job-offers`, open on `today` (JST date).
 *
 * @example syntheticOffers(3000, '2026-11-30', 1).map((r) => JSON.stringify(r)).join('\n')
 */
export function syntheticOffers(count: number, today: string, seed = 1): JobOfferInput[] {
  const rand = prng(seed * 7919 + 17);
  const rows: JobOfferInput[] = [];
  for (let i = 0; i < count; i++) {
    const pref = rand() < 0.35 ? pick(rand, ['13', '27', '14', '23', '40']) : pick(rand, PREFECTURE_CODES);
    const prefName = PREFECTURES.find((p) => p.code === pref)!.name;
    const office = `${pref}${String(1 + Math.floor(rand() * 5)).padStart(2, '0')}0`;
    const major = rand() < 0.8 ? pick(rand, Object.keys(JOBS)) : pick(rand, OCCUPATION_MIDDLE_GROUPS).major;
    const job = JOBS[major] ?? JOBS['15']!;
    const occupation = pick(
      rand,
      OCCUPATION_MIDDLE_GROUPS.filter((o) => o.major === major),
    ).code;
    const workPref = rand() < 0.05 ? pick(rand, PREFECTURE_CODES) : pref;
    const hourly = rand() < 0.3;
    const min = hourly ? 1000 + Math.floor(rand() * 10) * 50 : 180_000 + Math.floor(rand() * 20) * 10_000;
    const max = min + (hourly ? 200 : 40_000);
    const receivedOn = addDays(today, -Math.floor(rand() * 40));
    // Hello Work keeps an offer open to the end of the month after next from its receipt.
    const validUntil = lastDayOfMonth(addMonthsClamped(receivedOn.slice(0, 8) + '01', 2));
    const introductionDeadline = rand() < 0.2 ? addDays(today, 3 + Math.floor(rand() * 25)) : validUntil;
    const title = pick(rand, job.titles);
    rows.push({
      offerNumber: `${office}-${String(seed * 10_000_000 + i)
        .padStart(8, '0')
        .slice(-8)}`,
      receivingOffice: { code: office, name: `ハローワーク${prefName}第${office.slice(2, 4)}`, phone: null },
      receivedOn,
      validUntil,
      introductionDeadline: introductionDeadline < validUntil ? introductionDeadline : validUntil,
      employer: {
        name: `株式会社${pick(rand, NAMES)}${pick(rand, SUFFIX)}`,
        industry: job.industry as never,
        address: `${prefName}内`,
        employees: 5 + Math.floor(rand() * 300),
      },
      job: {
        title,
        occupation: occupation as never,
        description: `${pick(rand, job.text)}${pick(rand, job.text)}未経験の方も丁寧に指導します。`,
      },
      employmentType: hourly ? 'part_time' : rand() < 0.85 ? 'regular' : 'contract',
      contract:
        rand() < 0.8 ? { fixedTerm: false, period: null, renewal: null } : { fixedTerm: true, period: '1年', renewal: '更新の可能性あり' },
      trialPeriod: rand() < 0.6 ? { exists: true, months: 3, conditions: null } : { exists: false, months: null, conditions: null },
      workplace: {
        prefecture: workPref as never,
        municipality: null,
        address: `${PREFECTURES.find((p) => p.code === workPref)!.name}内の事業所`,
        access: null,
        transfer: false,
      },
      hours: {
        schedule: hourly ? '09:00〜15:00' : '08:30〜17:30',
        perWeek: hourly ? 20 + Math.floor(rand() * 4) * 5 : 40,
        shift: rand() < 0.3,
        overtime: rand() < 0.5 ? 'あり　月平均10時間' : 'なし',
      },
      breaks: { minutes: hourly ? 45 : 60, note: null },
      daysOff: { text: rand() < 0.5 ? '土日祝' : 'シフト制（週休2日）', annualDays: 100 + Math.floor(rand() * 25) },
      wage: {
        unit: hourly ? 'hour' : 'month',
        min,
        max,
        base: { min, max },
        allowances: [],
        fixedOvertime: null,
        commuting: '実費支給',
        payDays: '月末締切　翌月25日支払',
        raise: null,
        bonus: hourly ? null : 'あり',
      },
      socialInsurance: {
        employment: true,
        workersComp: true,
        health: !hourly || rand() < 0.5,
        pension: !hourly || rand() < 0.5,
        other: null,
      },
      passiveSmoking: { measure: pick(rand, ['no_smoking_premises', 'no_smoking_indoors', 'smoking_room'] as const), note: null },
      qualifications: { required: job.quals.filter(() => rand() < 0.4), experience: null },
      application: { selection: '書類選考　面接', documents: '履歴書　紹介状', note: null },
      notes: null,
    });
  }
  return rows;
}
