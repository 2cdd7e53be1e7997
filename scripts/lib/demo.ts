/**
 * The demo a new user starts with (`npm start`), loaded through the worker's own routes: a ministry
 * and a Tokyo bureau officer, two admitted agencies, a few thousand varied synthetic profiles, and
 * two activated jobseekers. Loading twice changes nothing.
 */
import { maintenanceUntil } from '../../shared/rules';
import { exampleMandatoryInformation, exampleOfficer } from '../../shared/schemas/examples';
import { syntheticProfiles } from './synthetic';
import { call, type Json } from './http';

export const DEMO = {
  ministry: { email: 'ministry@demo.madoguchi.example', password: 'demo-ministry-pass-2026', name: '厚生 労働' },
  bureau: { email: 'tokyo@demo.madoguchi.example', password: 'demo-tokyo-bureau-2026', name: '東京 労働局', prefecture: '13' },
  agencies: [
    { email: 'mirai@demo.madoguchi.example', password: 'demo-agency-pass-2026', name: '株式会社みらい人材', prefecture: '13', address: '東京都千代田区霞が関一丁目', kind: 'paid', number: '13-ユ-300001' },
    { email: 'hikari@demo.madoguchi.example', password: 'demo-agency-pass-2026', name: 'NPO法人ひかり就労支援', prefecture: '27', address: '大阪府大阪市中央区大手前', kind: 'free', number: '27-ム-300002' },
  ],
  seekers: [
    { passphrase: 'さくらのはなとあおいそら', intro: '介護福祉士として特別養護老人ホームで8年勤務しました。夜勤も対応できます。', occupation: '050', prefecture: '13' },
    { passphrase: 'うみのおととやまのかぜのうた', intro: '一般事務と営業事務の経験があります。Excelが得意です。', occupation: '025', prefecture: '13' },
  ],
  profiles: 3000,
} as const;


function must(res: { status: number; body: Json }, ok: number[], what: string): Json {
  if (!ok.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
  return res.body;
}

export type DemoAccounts = { seekers: Array<{ profileId: string; passphrase: string }>; created: boolean; ministryToken: string };

/**
 * Loads the demo data once. The worker's clock is moved into service hours while it loads (the
 * jobseekers' activation is closed during maintenance) and put back afterwards.
 *
 * @example const accounts = await seedDemo('http://127.0.0.1:8787', bootstrapToken);
 */
export async function seedDemo(base: string, bootstrapToken: string, options: { profiles?: number } = {}): Promise<DemoAccounts> {
  // Already loaded? The ministry account exists and can sign in.
  const existing = await call(base, 'POST', '/v1/admin/sessions', { body: { email: DEMO.ministry.email, password: DEMO.ministry.password } });
  if (existing.status === 201) return { seekers: [], created: false, ministryToken: existing.body.token as string };
  must(await call(base, 'POST', '/v1/admin/staff', { token: bootstrapToken, body: { ...DEMO.ministry, role: 'ministry' } }), [201], 'ministry account');
  const ministry = must(await call(base, 'POST', '/v1/admin/sessions', { body: { email: DEMO.ministry.email, password: DEMO.ministry.password } }), [201], 'ministry sign-in').token as string;
  must(await call(base, 'POST', '/v1/admin/staff', { token: ministry, body: { ...DEMO.bureau, role: 'bureau' } }), [201], 'bureau account');

  const now = new Date(must(await call(base, 'GET', '/v1/health'), [200], 'health').now as string);
  const inMaintenance = maintenanceUntil(now) !== null;
  if (inMaintenance) {
    // Into service hours (10:00 JST of the same day) for the load only.
    const jstDay = new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
    must(await call(base, 'PUT', '/v1/admin/clock', { token: ministry, body: { at: `${jstDay}T10:00:00+09:00`, frozen: false } }), [200], 'clock');
  }
  try {
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    for (const a of DEMO.agencies) {
      const reg = must(await call(base, 'POST', '/v1/public/registrations', {
        body: {
          email: a.email, password: a.password,
          organisation: { name: a.name, address: a.address, prefecture: a.prefecture },
          licence: { kind: a.kind, number: a.number }, services: ['job_offer', 'jobseeker'],
          liaisonOfficer: exampleOfficer, privacyOfficer: exampleOfficer,
          contactMethods: [{ kind: 'phone', value: '03-5253-1111' }, { kind: 'url', value: 'https://www.mhlw.go.jp/' }],
          mandatoryInformation: { ...exampleMandatoryInformation, jobsHandled: { ...exampleMandatoryInformation.jobsHandled, prefectures: [a.prefecture] } },
          placements: [{ placedOn: today, fixedTermMonths: null, seasonal: false }],
          handlesSubsidies: a.kind === 'paid', certifications: a.kind === 'paid' ? ['privacy_mark'] : [],
          onOrder: { suspensionOrder: false, improvementOrderUnremedied: false },
        },
      }), [201], `registration of ${a.name}`);
      must(await call(base, 'POST', `/v1/admin/registrations/${reg.id}/accept`, { token: ministry, body: { reason: 'デモデータ' } }), [200], `admission of ${a.name}`);
    }

    const seekers: DemoAccounts['seekers'] = [];
    const seekerRows = DEMO.seekers.map((s, i) => ({
      hwRef: `DEMO-SEEKER-${i + 1}`, occupations: [s.occupation], industries: ['P'], areas: [{ prefecture: s.prefecture }],
      employmentTypes: ['regular'], wage: { unit: 'month', min: 220000, max: 280000 }, hours: { perWeek: 40, shift: i === 0, overtimeOk: true },
      ageBand: i === 0 ? '40-44' : '30-34', qualifications: i === 0 ? ['介護福祉士'] : ['日商簿記2級'], experience: [{ occupation: s.occupation, years: i === 0 ? 8 : 5 }],
      education: 'high_school', selfIntroduction: s.intro,
    }));
    const loadedSeekers = must(await call(base, 'PUT', '/v1/admin/feed/profiles', { token: ministry, ndjson: seekerRows.map((r) => JSON.stringify(r)).join('\n') }), [200], 'jobseeker profiles');
    for (const [i, r] of (loadedSeekers.results as Json[]).entries()) {
      must(await call(base, 'POST', '/v1/seeker/activation', { body: { profileId: r.id, code: r.activationCode, passphrase: DEMO.seekers[i]!.passphrase } }), [201], 'jobseeker activation');
      seekers.push({ profileId: r.id, passphrase: DEMO.seekers[i]!.passphrase });
    }

    const rows = syntheticProfiles(options.profiles ?? DEMO.profiles, 2026);
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000).map((r) => JSON.stringify(r)).join('\n');
      must(await call(base, 'PUT', '/v1/admin/feed/profiles', { token: ministry, ndjson: chunk }), [200], 'synthetic profiles');
    }
    return { seekers, created: true, ministryToken: ministry };
  } finally {
    if (inMaintenance) await call(base, 'PUT', '/v1/admin/clock', { token: ministry, body: { at: null } });
  }
}
