/**
 * A valid 求人票 for tests, documentation and the demo: parses with JobOfferSchema. Not re-exported
 * from the index, so nothing ships it. Build variations with spreads.
 */
import type { JobOfferInput } from './job-offer';

/**
 * A care worker's offer taken by ハローワーク飯田橋 (R-JOB-1).
 *
 * @example JobOfferSchema.parse({ ...exampleJobOffer, offerNumber: '13010-00000002' });
 */
export const exampleJobOffer = {
  offerNumber: '13010-12345678',
  receivingOffice: { code: '13010', name: 'ハローワーク飯田橋', phone: '03-3812-8609' },
  receivedOn: '2026-11-02',
  validUntil: '2027-01-31',
  introductionDeadline: '2027-01-31',
  employer: { name: '社会福祉法人さくら会', industry: 'P', address: '東京都文京区本郷1-1-1', employees: 120 },
  job: {
    title: '介護職員（特別養護老人ホーム）',
    occupation: '050',
    description: '入居者の食事・入浴・排せつの介助、レクリエーションの企画と実施。夜勤は月4回程度。',
  },
  employmentType: 'regular',
  contract: { fixedTerm: false, period: null, renewal: null },
  trialPeriod: { exists: true, months: 3, conditions: null },
  workplace: {
    prefecture: '13',
    municipality: '13105',
    address: '東京都文京区本郷1-1-1',
    access: '本郷三丁目駅から徒歩5分',
    transfer: false,
  },
  hours: {
    schedule: '(1) 07:00〜16:00 (2) 09:00〜18:00 (3) 16:30〜09:30（夜勤）',
    perWeek: 40,
    shift: true,
    overtime: 'あり　月平均5時間',
  },
  breaks: { minutes: 60, note: '夜勤は120分' },
  daysOff: { text: '4週8休　シフト制', annualDays: 110 },
  wage: {
    unit: 'month',
    min: 230000,
    max: 280000,
    base: { min: 200000, max: 240000 },
    allowances: [
      { name: '夜勤手当', amount: '1回 6,000円' },
      { name: '資格手当', amount: '10,000円〜20,000円' },
    ],
    fixedOvertime: null,
    commuting: '実費支給（上限 月30,000円）',
    payDays: '毎月末日締切　翌月15日支払',
    raise: 'あり　前年度実績 月3,000円',
    bonus: 'あり　前年度実績 年2回 計3.0か月分',
  },
  socialInsurance: { employment: true, workersComp: true, health: true, pension: true, other: '退職金共済' },
  passiveSmoking: { measure: 'no_smoking_premises', note: null },
  qualifications: { required: ['介護福祉士'], experience: '介護の実務経験1年以上' },
  application: { selection: '書類選考　面接（1回）', documents: '履歴書　職務経歴書　紹介状', note: null },
  notes: '見学随時受付。',
} as const satisfies JobOfferInput;
