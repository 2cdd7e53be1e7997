/**
 * Test helpers that drive the worker the way its users do: through HTTP (`SELF.fetch`) in the
 * Workers runtime, with real Durable Objects and SQLite, and the worker's own clock.
 */
import { SELF, env } from 'cloudflare:test';
import type { ProfileLoadRowInput, RegistrationRequestInput } from '../../shared/schemas';
import { exampleRegistration } from '../../shared/schemas/examples';

export const BOOTSTRAP = (env as unknown as { BOOTSTRAP_STAFF_TOKEN: string }).BOOTSTRAP_STAFF_TOKEN;

export type Res<T = any> = { status: number; body: T; headers: Headers };

/** One HTTP call to the worker; JSON in, JSON (or problem JSON) out. */
export async function api<T = any>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string; type?: string; headers?: Record<string, string> } = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) {
    body = opts.raw;
    headers['content-type'] = opts.type ?? 'application/json';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await SELF.fetch(`http://madoguchi.test${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

let counter = 0;
/** A value unique within the test run. */
export function unique(prefix = 'x'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** A ministry token (creates the first ministry account on first use). */
let ministryToken: string | null = null;
export async function ministry(): Promise<string> {
  if (ministryToken) {
    const check = await api('GET', '/v1/me/sessions', { token: ministryToken });
    if (check.status === 200) return ministryToken;
  }
  const email = 'ministry@mhlw.example.jp';
  const password = 'ministry-password-0001';
  const created = await api('POST', '/v1/admin/staff', {
    token: BOOTSTRAP,
    body: { email, password, name: '厚労 太郎', role: 'ministry' },
  });
  if (created.status !== 201 && created.status !== 409)
    throw new Error(`bootstrap failed: ${created.status} ${JSON.stringify(created.body)}`);
  const signIn = await api('POST', '/v1/admin/sessions', { body: { email, password } });
  if (signIn.status !== 201) throw new Error(`ministry sign-in failed: ${signIn.status} ${JSON.stringify(signIn.body)}`);
  ministryToken = signIn.body.token as string;
  return ministryToken;
}

/** A bureau (prefecture) staff token. */
export async function bureau(prefecture: string): Promise<string> {
  const email = `${unique('bureau')}@mhlw.example.jp`;
  const password = 'bureau-password-0001';
  const created = await api('POST', '/v1/admin/staff', {
    token: await ministry(),
    body: { email, password, name: '労働 花子', role: 'bureau', prefecture },
  });
  if (created.status !== 201) throw new Error(`bureau create failed: ${created.status} ${JSON.stringify(created.body)}`);
  return (await api('POST', '/v1/admin/sessions', { body: { email, password } })).body.token;
}

/** Sets the worker's clock (frozen by default) and runs the scheduled work at that instant. */
export async function setClock(at: string | null, frozen = true): Promise<void> {
  const res = await api('PUT', '/v1/admin/clock', { token: await ministry(), body: { at, frozen } });
  if (res.status !== 200) throw new Error(`clock failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The worker's current JST date. */
export async function workerToday(): Promise<string> {
  const now = (await api('GET', '/v1/health')).body.now as string;
  return new Date(Date.parse(now) + 9 * 3600_000).toISOString().slice(0, 10);
}

/** JST wall time as an ISO instant: jst('2026-11-27', '10:00'). */
export function jst(date: string, time = '10:00'): string {
  return `${date}T${time}:00+09:00`;
}

/** A registration body that passes, with overrides. */
export function registrationBody(overrides: Partial<RegistrationRequestInput> = {}): RegistrationRequestInput {
  const base = structuredClone(exampleRegistration) as unknown as RegistrationRequestInput;
  // Each test agency has its own licence number: R-APP-3 follows licence numbers across emails.
  const licence = { ...base.licence, number: `13-ユ-${unique('').slice(-10)}` };
  return {
    ...base,
    licence,
    email: `${unique('agency')}@agency.example.jp`,
    password: 'agency-password-0001',
    ...overrides,
  } as RegistrationRequestInput;
}

/** Registers and admits an agency; returns its ID and a signed-in token. */
export async function admittedAgency(
  overrides: Partial<RegistrationRequestInput> = {},
): Promise<{ id: string; token: string; email: string; password: string }> {
  const today = await workerToday();
  const body = registrationBody({ placements: [{ placedOn: today, fixedTermMonths: null, seasonal: false }], ...overrides });
  const reg = await api('POST', '/v1/public/registrations', { body });
  if (reg.status !== 201) throw new Error(`registration failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const accepted = await api('POST', `/v1/admin/registrations/${reg.body.id}/accept`, { token: await ministry(), body: {} });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const signIn = await api('POST', '/v1/agency/sessions', { body: { email: body.email, password: body.password } });
  if (signIn.status !== 201) throw new Error(`agency sign-in failed: ${signIn.status} ${JSON.stringify(signIn.body)}`);
  return { id: accepted.body.agencyId, token: signIn.body.token, email: body.email, password: body.password as string };
}

/** A fresh agency token at the worker's current time (sessions end after 4 idle / 12 hours). */
export async function signInAgency(agency: { email: string; password: string }): Promise<string> {
  const res = await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } });
  if (res.status !== 201) throw new Error(`agency sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** Loads profile rows through the bureau's NDJSON route; returns the per-row results. */
export async function loadRows(rows: Array<ProfileLoadRowInput | string>, token?: string): Promise<Res> {
  const raw = rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');
  return api('PUT', '/v1/admin/feed/profiles', { token: token ?? (await ministry()), raw, type: 'application/x-ndjson' });
}

/** A valid profile row, with overrides. */
export function profileRow(overrides: Partial<ProfileLoadRowInput> = {}): ProfileLoadRowInput {
  return {
    hwRef: unique('HW-'),
    occupations: ['093' as never],
    industries: [],
    areas: [{ prefecture: '13' as never }],
    employmentTypes: ['regular'],
    wage: { unit: 'month', min: 200000, max: 260000 },
    hours: { perWeek: 40, shift: false, overtimeOk: true },
    ageBand: '30-34',
    qualifications: [],
    experience: [],
    education: 'high_school',
    selfIntroduction: 'よろしくお願いします。',
    ...overrides,
  };
}
