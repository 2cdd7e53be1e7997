/**
 * Steps the browser journeys share: the worker's clock and the browsers' clocks moved together,
 * bureau actions through the worker's API, agencies and jobseekers made for one journey, signing in
 * through the extension's own screens, reading the extension's IndexedDB, and making the extension
 * poll the worker now instead of at its next alarm.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { addDays, fiscalYear, jstDate, lastDayOfMonth, reportDueDate, reportReminderDate } from '../../shared/rules';
import { exampleMandatoryInformation, exampleOfficer } from '../../shared/schemas/examples';
import { DEMO } from '../../scripts/lib/demo';
import { moveClock as moveWorkerClock, signInStaff } from '../../scripts/lib/clock';
import { api, launchExtension, shot, type ExtensionBrowser } from './harness';

/** An instant in Japan time, `YYYY-MM-DD` and `HH:MM`. */
export function jst(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+09:00`);
}

/**
 * The JST day the journeys stand on: tomorrow (never the last day of a month, whose evening is a
 * maintenance window). Later than the real date on purpose: the extension's service worker keeps
 * the real clock (only pages get the test's clock), so its hourly sweep must never find the
 * journeys' data past its deadline, and tokens must not look expired to it.
 */
export function journeyDay(): string {
  let day = addDays(jstDate(new Date()), 1);
  // Nor a day between the usage-report reminder and its due date: a clock move then records
  // reminders, and the retention journey's move three months on would then suspend every agency
  // that has not reported (R-REP-3) — right for the product, wrong for journeys about other rules.
  for (const fy of [fiscalYear(day) - 1, fiscalYear(day)]) {
    if (day >= reportReminderDate(fy) && day <= reportDueDate(fy)) day = addDays(reportDueDate(fy), 1);
  }
  if (day === lastDayOfMonth(day)) day = addDays(day, 1);
  return day;
}

/** A fresh bureau (ministry) token: staff sessions end after idle hours of worker time. */
export async function staffToken(base: string): Promise<string> {
  return signInStaff(base, DEMO.ministry);
}

/**
 * Moves the worker's clock (running, not frozen; the worker runs its scheduled work at the new
 * instant) and the clock of every given browser's pages to the same instant; returns a staff token
 * signed in after the move.
 */
export async function moveClock(base: string, at: Date, browsers: ExtensionBrowser[] = []): Promise<string> {
  const { token } = await moveWorkerClock(base, DEMO.ministry, at);
  for (const b of browsers) await b.context.clock.setSystemTime(at);
  return token;
}

/** Launches a browser with the extension whose pages start at `at`. */
export async function launchAt(workerUrl: string, at: Date): Promise<ExtensionBrowser> {
  const b = await launchExtension(workerUrl);
  // Uncaught errors of the extension's pages go to the test's output.
  b.context.on('page', (p) => p.on('pageerror', (e) => console.log(`[pageerror] ${p.url()} ${e.message}`)));
  await b.context.clock.install({ time: at });
  return b;
}

/** Throws unless the answer has one of the expected statuses. */
export function must<T extends { status: number; body: any }>(r: T, ok: number | number[], what: string): T['body'] {
  const list = Array.isArray(ok) ? ok : [ok];
  if (!list.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}

let serial = 0;
/** A short unique suffix for names, e-mail addresses and licence numbers within one run. */
function unique(): string {
  serial += 1;
  return `${Date.now().toString(36).slice(-5)}${serial}`;
}

export type TestAgency = { id: string; name: string; email: string; password: string };

/** A random private address octet: each agency's registration comes from its own address. */
const octet = () => Math.floor(Math.random() * 256);

/**
 * Registers and admits a paid Tokyo agency for both services, so a journey that exhausts its cap,
 * moves its clock or gets it suspended touches no other journey. Call in service hours.
 */
export async function createAgency(base: string, label: { key: string; name: string }, on: string): Promise<TestAgency> {
  const id = unique();
  const email = `e2e-${label.key}-${id}@demo.madoguchi.example`;
  const password = 'e2e-agency-pass-2026';
  const name = label.name;
  const digits = String(Math.floor(Math.random() * 900_000) + 100_000);
  const reg = must(
    await api(base, 'POST', '/v1/public/registrations', {
      // Each agency applies from its own office: registrations are throttled per address (R-SEC-5),
      // and the journeys of every test file share one worker.
      headers: { 'cf-connecting-ip': `10.${octet()}.${octet()}.${octet()}` },
      body: {
        email,
        password,
        organisation: { name, address: '東京都千代田区丸の内一丁目', prefecture: '13' },
        licence: { kind: 'paid', number: `13-ユ-${digits}` },
        services: ['job_offer', 'jobseeker'],
        liaisonOfficer: exampleOfficer,
        privacyOfficer: exampleOfficer,
        contactMethods: [{ kind: 'phone', value: '03-5253-1111' }],
        mandatoryInformation: {
          ...exampleMandatoryInformation,
          jobsHandled: { ...exampleMandatoryInformation.jobsHandled, prefectures: ['13'] },
        },
        placements: [{ placedOn: addDays(on, -7), fixedTermMonths: null, seasonal: false }],
        handlesSubsidies: false,
        certifications: [],
        onOrder: { suspensionOrder: false, improvementOrderUnremedied: false },
      },
    }),
    201,
    `registration of ${name}`,
  );
  const token = await staffToken(base);
  const accepted = must(
    await api(base, 'POST', `/v1/admin/registrations/${reg.id}/accept`, { token, body: { reason: 'E2Eテスト' } }),
    200,
    `admission of ${name}`,
  );
  return { id: accepted.agencyId as string, name, email, password };
}

export type TestSeeker = { profileId: string; passphrase: string; token: string };

/** Loads Tokyo jobseeker profiles through the bureau's bulk load and activates each (a token per jobseeker). */
export async function createSeekers(
  base: string,
  label: string,
  count: number,
  intro = '介護職員として6年勤務しました。夜勤にも対応できます。',
): Promise<TestSeeker[]> {
  const id = unique();
  const rows = Array.from({ length: count }, (_, i) => ({
    hwRef: `E2E-${label}-${id}-${i + 1}`,
    occupations: ['050'],
    industries: ['P'],
    areas: [{ prefecture: '13' }],
    employmentTypes: ['regular'],
    wage: { unit: 'month', min: 210000, max: 260000 },
    hours: { perWeek: 40, shift: true, overtimeOk: false },
    ageBand: '35-39',
    qualifications: ['介護職員初任者研修'],
    experience: [{ occupation: '050', years: 6 }],
    education: 'high_school',
    selfIntroduction: intro,
  }));
  const token = await staffToken(base);
  const res = await fetch(`${base}/v1/admin/feed/profiles`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: rows.map((r) => JSON.stringify(r)).join('\n'),
  });
  const loaded = (await res.json()) as { results: Array<{ ok: boolean; id: string; activationCode?: string }> };
  if (res.status !== 200 || !loaded.results.every((r) => r.ok))
    throw new Error(`profile load: ${res.status} ${JSON.stringify(loaded).slice(0, 500)}`);
  const seekers: TestSeeker[] = [];
  for (const r of loaded.results) {
    const passphrase = `いーつーいーのてすと${id}ばん`;
    const act = must(
      await api(base, 'POST', '/v1/seeker/activation', { body: { profileId: r.id, code: r.activationCode, passphrase } }),
      201,
      'activation',
    );
    seekers.push({ profileId: r.id, passphrase, token: act.token as string });
  }
  return seekers;
}

/** The signed-in session the extension keeps in `chrome.storage.session` (its bearer token and account key). */
export async function extensionSession(b: ExtensionBrowser): Promise<{ token: string; account: string; accountId: string } | null> {
  return b.serviceWorker.evaluate(async () => {
    const chromeApi = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, any>> } } } })
      .chrome;
    return (
      ((await chromeApi.storage.session.get('session'))['session'] as { token: string; account: string; accountId: string } | undefined) ??
      null
    );
  });
}

/**
 * Every row of one table of the extension's IndexedDB (`madoguchi`, the Dexie database of
 * extension/utils/db.ts), read in an extension page.
 */
export async function idb<T = any>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<any[]>((resolve, reject) => {
        // Runs in the extension page (no DOM types in this Node project).
        const open = (globalThis as any).indexedDB.open('madoguchi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains(store)) {
            database.close();
            resolve([]);
            return;
          }
          const read = database.transaction(store, 'readonly').objectStore(store).getAll();
          read.onsuccess = () => {
            database.close();
            resolve(read.result);
          };
          read.onerror = () => reject(read.error);
        };
      }),
    table,
  ) as Promise<T[]>;
}

/** The jobseeker data an account holds in the extension, table by table. */
export async function heldData(
  page: Page,
  account: string,
): Promise<Record<'acquisitions' | 'profiles' | 'conversations' | 'messages', any[]>> {
  const of = async (table: string) => (await idb(page, table)).filter((r) => r.account === account);
  return {
    acquisitions: await of('acquisitions'),
    profiles: await of('profiles'),
    conversations: await of('conversations'),
    messages: await of('messages'),
  };
}

/** Signs an agency in through the dashboard's own form and waits for its workspace. */
export async function signInAgency(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('アカウントID（メールアドレス）').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
  // The first round with the worker (events, status, quota) has run once the quota is known.
  await page.getByText('本日の送信数').waitFor();
}

/** Opens the dashboard in a tab and signs in. */
export async function openDashboard(b: ExtensionBrowser, agency: { email: string; password: string }): Promise<Page> {
  const page = await b.open('dashboard.html');
  await page.getByRole('heading', { name: '窓口 ダッシュボード（事業者用）' }).waitFor();
  await signInAgency(page, agency.email, agency.password);
  return page;
}

/**
 * Makes the extension act on the worker's events now: opening a dashboard runs a round of the
 * same poller the background's alarm runs every minute (events, deletions, acknowledgements,
 * status, quota, inbox). Waits until `done` holds, then closes that tab.
 */
export async function pollNow(b: ExtensionBrowser, done: (page: Page) => Promise<boolean>, timeoutMs = 20_000): Promise<Page> {
  const page = await b.open('dashboard.html');
  await page.getByRole('navigation', { name: 'メニュー' }).waitFor();
  await expect.poll(() => done(page), { timeout: timeoutMs, interval: 250 }).toBe(true);
  // The tab stays open: closing it could cut the round short (the inbox is stored last).
  return page;
}

/** Goes to one tab of the dashboard's menu. */
export async function dashboardTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name }).click();
}

/**
 * Searches the feed by prefecture and keyword with the dashboard's form, then opens the profile
 * `profileId` from the results (paging with さらに表示 until it shows).
 */
export async function searchAndOpen(page: Page, query: { prefecture: string; keywords: string }, profileId: string): Promise<void> {
  // The pickers open on demand: open the prefecture one first.
  const box = page.locator('#prefecture-filter-box');
  if (!(await box.evaluate((d) => (d as unknown as { open: boolean }).open))) await box.locator(':scope > summary').click();
  const prefectures = page.getByRole('group', { name: '希望勤務地（都道府県）' });
  await prefectures.getByLabel('名前で絞り込む').fill(query.prefecture);
  await prefectures.getByRole('checkbox', { name: query.prefecture }).check();
  await page.getByLabel('キーワード').fill(query.keywords);
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await page.getByText(/^該当 [0-9,]+件(以上)?（[0-9,]+件を表示）$/).waitFor();
  const open = page.getByRole('button', { name: `求職者 ${profileId} を詳しく見る（取得として記録されます）` });
  for (let i = 0; i < 20 && !(await open.isVisible()); i++) {
    const more = page.getByRole('button', { name: 'さらに表示' });
    if (!(await more.isVisible())) break;
    await more.click();
    await page.waitForTimeout(300);
  }
  await open.click();
  await page.getByRole('heading', { name: `求職者 ${profileId}`, exact: true }).waitFor();
}

/** Signs a jobseeker in through the popup's own form and waits for the inbox. */
export async function openSeekerPopup(b: ExtensionBrowser, seeker: { profileId: string; passphrase: string }): Promise<Page> {
  const page = await b.open('popup.html');
  await page.getByLabel('求職者ID').fill(seeker.profileId);
  await page.getByLabel('パスフレーズ', { exact: true }).fill(seeker.passphrase);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('heading', { name: '事業者からのメッセージ' }).waitFor();
  return page;
}

/** Sends through the worker's API with the agency's own token (the extension's session). */
export async function send(
  base: string,
  token: string,
  kind: 'first' | 'reply',
  target: string,
  body: string,
  key: string,
): Promise<{ status: number; body: any }> {
  return kind === 'first'
    ? api(base, 'POST', '/v1/agency/conversations', { token, body: { profileId: target, body, idempotencyKey: key } })
    : api(base, 'POST', `/v1/agency/conversations/${target}/messages`, { token, body: { body, idempotencyKey: key } });
}

/** Runs `work` over `items` with at most `width` at a time. */
export async function inParallel<T>(items: T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

/**
 * One journey's browsers: each launched at the journey's instant, every open page shot to
 * `screenshots/<name>-failed-<n>.png` when the journey fails, all closed at the end.
 *
 * @example
 * const j = journey('j1', workerUrl);
 * await j.run(async () => { const agency = await j.launch(at); … });
 */
export function journey(name: string, workerUrl: string) {
  const browsers: ExtensionBrowser[] = [];
  return {
    launch: async (at: Date) => {
      const b = await launchAt(workerUrl, at);
      browsers.push(b);
      return b;
    },
    run: async (body: () => Promise<void>) => {
      try {
        await body();
      } catch (error) {
        let n = 0;
        for (const b of browsers) {
          for (const page of b.context.pages()) await shot(page, `${name}-failed-${++n}`).catch(() => undefined);
        }
        throw error;
      } finally {
        for (const b of browsers) await b.close().catch(() => undefined);
      }
    },
  };
}
