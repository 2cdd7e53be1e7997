/**
 * The demo a new user starts with (`npm start`), loaded through the worker's own routes: a ministry
 * and a Tokyo bureau officer, two admitted agencies, a few thousand varied synthetic profiles, and
 * two activated jobseekers. Loading twice changes nothing.
 */
import { jstDate, maintenanceUntil } from '../../shared/rules';
import { moveClock, nextServiceHours, signInStaff, workerNow } from './clock';
import { exampleMandatoryInformation, exampleOfficer } from '../../shared/schemas/examples';
import { syntheticProfiles } from './synthetic';
import { syntheticOffers } from './synthetic-offers';
import { call, type Json } from './http';

export const DEMO = {
  ministry: { email: 'ministry@demo.madoguchi.example', password: 'demo-ministry-pass-2026', name: '厚生 労働' },
  bureau: { email: 'tokyo@demo.madoguchi.example', password: 'demo-tokyo-bureau-2026', name: '東京 労働局', prefecture: '13' },
  agencies: [
    {
      email: 'mirai@demo.madoguchi.example',
      password: 'demo-agency-pass-2026',
      name: '株式会社みらい人材',
      prefecture: '13',
      address: '東京都千代田区霞が関一丁目',
      kind: 'paid',
      number: '13-ユ-300001',
    },
    {
      email: 'hikari@demo.madoguchi.example',
      password: 'demo-agency-pass-2026',
      name: 'NPO法人ひかり就労支援',
      prefecture: '27',
      address: '大阪府大阪市中央区大手前',
      kind: 'free',
      number: '27-ム-300002',
    },
  ],
  seekers: [
    {
      passphrase: 'さくらのはなとあおいそら',
      intro: '介護福祉士として特別養護老人ホームで8年勤務しました。夜勤も対応できます。',
      occupation: '050',
      prefecture: '13',
    },
    {
      passphrase: 'うみのおととやまのかぜのうた',
      intro: '一般事務と営業事務の経験があります。Excelが得意です。',
      occupation: '025',
      prefecture: '13',
    },
  ],
  profiles: 3000,
  /** Synthetic job offers (R-JOB-1) across prefectures and occupations. */
  offers: 3000,
} as const;

function must(res: { status: number; body: Json }, ok: number[], what: string): Json {
  if (!ok.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
  return res.body;
}

export type DemoAccounts = { seekers: Array<{ profileId: string; passphrase: string }>; created: boolean; ministryToken: string };

/**
 * Loads the demo data once. Jobseekers' activation is closed during maintenance (R-OPS-1), so when
 * the worker's "now" is inside a window the clock is moved to service hours for the load. Afterwards
 * it goes back to real time, unless `stayInServiceHours` keeps the demo on the demo clock (`npm start`).
 * Every clock move is followed by a fresh sign-in (`moveClock`), so the returned token is valid at
 * the worker's time whatever the hour this runs.
 *
 * @example const accounts = await seedDemo('http://127.0.0.1:8787', bootstrapToken);
 */
export async function seedDemo(
  base: string,
  bootstrapToken: string,
  options: { profiles?: number; offers?: number; stayInServiceHours?: boolean } = {},
): Promise<DemoAccounts> {
  // The ministry account comes first (from the bootstrap token), unless it is already there.
  let ministry: string;
  const signIn = await call(base, 'POST', '/v1/admin/sessions', { body: { email: DEMO.ministry.email, password: DEMO.ministry.password } });
  if (signIn.status === 201) ministry = signIn.body.token as string;
  else {
    must(
      await call(base, 'POST', '/v1/admin/staff', { token: bootstrapToken, body: { ...DEMO.ministry, role: 'ministry' } }),
      [201],
      'ministry account',
    );
    ministry = await signInStaff(base, DEMO.ministry);
  }
  // Already loaded? The bureau officer, created next, exists and can sign in.
  const bureau = await call(base, 'POST', '/v1/admin/sessions', { body: { email: DEMO.bureau.email, password: DEMO.bureau.password } });
  if (bureau.status === 201) return { seekers: [], created: false, ministryToken: ministry };
  must(await call(base, 'POST', '/v1/admin/staff', { token: ministry, body: { ...DEMO.bureau, role: 'bureau' } }), [201], 'bureau account');

  let now = await workerNow(base);
  const inMaintenance = maintenanceUntil(now) !== null;
  if (inMaintenance) ({ token: ministry, now } = await moveClock(base, DEMO.ministry, nextServiceHours(now)));
  const seekers: DemoAccounts['seekers'] = [];
  try {
    const today = jstDate(now);
    for (const a of DEMO.agencies) {
      const reg = must(
        await call(base, 'POST', '/v1/public/registrations', {
          body: {
            email: a.email,
            password: a.password,
            organisation: { name: a.name, address: a.address, prefecture: a.prefecture },
            licence: { kind: a.kind, number: a.number },
            services: ['job_offer', 'jobseeker'],
            liaisonOfficer: exampleOfficer,
            privacyOfficer: exampleOfficer,
            contactMethods: [
              { kind: 'phone', value: '03-5253-1111' },
              { kind: 'url', value: 'https://www.mhlw.go.jp/' },
            ],
            mandatoryInformation: {
              ...exampleMandatoryInformation,
              jobsHandled: { ...exampleMandatoryInformation.jobsHandled, prefectures: [a.prefecture] },
            },
            placements: [{ placedOn: today, fixedTermMonths: null, seasonal: false }],
            handlesSubsidies: a.kind === 'paid',
            certifications: a.kind === 'paid' ? ['privacy_mark'] : [],
            onOrder: { suspensionOrder: false, improvementOrderUnremedied: false },
          },
        }),
        [201],
        `registration of ${a.name}`,
      );
      must(
        await call(base, 'POST', `/v1/admin/registrations/${reg.id}/accept`, { token: ministry, body: { reason: 'デモデータ' } }),
        [200],
        `admission of ${a.name}`,
      );
    }

    const seekerRows = DEMO.seekers.map((s, i) => ({
      hwRef: `DEMO-SEEKER-${i + 1}`,
      occupations: [s.occupation],
      industries: ['P'],
      areas: [{ prefecture: s.prefecture }],
      employmentTypes: ['regular'],
      wage: { unit: 'month', min: 220000, max: 280000 },
      hours: { perWeek: 40, shift: i === 0, overtimeOk: true },
      ageBand: i === 0 ? '40-44' : '30-34',
      qualifications: i === 0 ? ['介護福祉士'] : ['日商簿記2級'],
      experience: [{ occupation: s.occupation, years: i === 0 ? 8 : 5 }],
      education: 'high_school',
      selfIntroduction: s.intro,
    }));
    const loadedSeekers = must(
      await call(base, 'PUT', '/v1/admin/feed/profiles', { token: ministry, ndjson: seekerRows.map((r) => JSON.stringify(r)).join('\n') }),
      [200],
      'jobseeker profiles',
    );
    for (const [i, r] of (loadedSeekers.results as Json[]).entries()) {
      must(
        await call(base, 'POST', '/v1/seeker/activation', {
          body: { profileId: r.id, code: r.activationCode, passphrase: DEMO.seekers[i]!.passphrase },
        }),
        [201],
        'jobseeker activation',
      );
      seekers.push({ profileId: r.id, passphrase: DEMO.seekers[i]!.passphrase });
    }

    const rows = syntheticProfiles(options.profiles ?? DEMO.profiles, 2026, { loadedOn: today });
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows
        .slice(i, i + 1000)
        .map((r) => JSON.stringify(r))
        .join('\n');
      must(await call(base, 'PUT', '/v1/admin/feed/profiles', { token: ministry, ndjson: chunk }), [200], 'synthetic profiles');
    }
    const offers = syntheticOffers(options.offers ?? DEMO.offers, today, 2026);
    for (let i = 0; i < offers.length; i += 1000) {
      const chunk = offers
        .slice(i, i + 1000)
        .map((r) => JSON.stringify(r))
        .join('\n');
      must(await call(base, 'PUT', '/v1/admin/job-offers', { token: ministry, ndjson: chunk }), [200], 'synthetic job offers');
    }
  } finally {
    if (inMaintenance && !options.stayInServiceHours) ({ token: ministry } = await moveClock(base, DEMO.ministry, null));
  }
  return { seekers, created: true, ministryToken: ministry };
}
