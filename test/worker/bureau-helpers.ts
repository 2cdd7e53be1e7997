/**
 * Helpers for the bureau-side tests (bureau*.test.ts): agencies in a given prefecture with their
 * own licence numbers, activated jobseekers, and short readers of events and records.
 */
import type { RegistrationRequestInput } from '../../shared/schemas';
import { admittedAgency, api, loadRows, ministry, profileRow, registrationBody, unique, workerToday } from './helpers';

export type Agency = { id: string; token: string; email: string; password: string };

/** A licence number no other test agency has (R-APP-3 follows licence numbers). */
export function licenceNumber(prefecture = '13'): string {
  return `${prefecture}-ユ-${unique('')
    .replace(/[^0-9a-z]/g, '')
    .slice(-10)
    .toUpperCase()}`;
}

/** A registration body for an agency of `prefecture`, with its own licence number. */
export function bodyIn(prefecture = '13', overrides: Partial<RegistrationRequestInput> = {}): RegistrationRequestInput {
  return registrationBody({
    organisation: { name: `テスト人材${unique('')}`, address: `所在地${prefecture}`, prefecture: prefecture as never },
    licence: { kind: 'paid', number: licenceNumber(prefecture) },
    ...overrides,
  });
}

/** An admitted, signed-in agency of `prefecture`. */
export async function agencyIn(prefecture = '13', overrides: Partial<RegistrationRequestInput> = {}): Promise<Agency> {
  const base = bodyIn(prefecture, overrides);
  return admittedAgency({ organisation: base.organisation, licence: base.licence, ...overrides });
}

/** Registers without admitting; returns the response. */
export async function register(body: RegistrationRequestInput) {
  return api('POST', '/v1/public/registrations', { body });
}

/** A registration body with a regular placement dated today (worker time). */
export async function eligibleBody(
  prefecture = '13',
  overrides: Partial<RegistrationRequestInput> = {},
): Promise<RegistrationRequestInput> {
  const today = await workerToday();
  return bodyIn(prefecture, { placements: [{ placedOn: today, fixedTermMonths: null, seasonal: false }], ...overrides });
}

/** A jobseeker of `prefecture` who activated the account; returns the profile ID and a token. */
export async function seekerIn(prefecture = '13'): Promise<{ profileId: string; token: string }> {
  const row = (await loadRows([profileRow({ areas: [{ prefecture: prefecture as never }] })], await ministry())).body.results[0];
  const res = await api('POST', '/v1/seeker/activation', {
    body: { profileId: row.id, code: row.activationCode, passphrase: 'はるのひざしとさくらのはな' },
  });
  if (res.status !== 201) throw new Error(`activation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { profileId: row.id, token: res.body.token };
}

/** A profile the agency opens (so it holds jobseeker data, R-RET-1). */
export async function acquireProfile(agency: Agency): Promise<string> {
  const row = (await loadRows([profileRow()], await ministry())).body.results[0];
  const res = await api('GET', `/v1/agency/feed/${row.id}`, { token: agency.token });
  if (res.status !== 200) throw new Error(`open failed: ${res.status} ${JSON.stringify(res.body)}`);
  return row.id;
}

type Event = { id: string; type: string; rule: string; details: Record<string, unknown> };

/** All of an agency's events. */
export async function eventsOf(agency: Agency): Promise<Event[]> {
  return (await api('GET', '/v1/agency/events?after=0&limit=100', { token: agency.token })).body.items as Event[];
}

/** Signs the agency in again (sessions end after 4 idle hours or when revoked) and stores the token. */
export async function refresh(agency: Agency): Promise<Agency> {
  const res = await api('POST', '/v1/agency/sessions', { body: { email: agency.email, password: agency.password } });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  agency.token = res.body.token;
  return agency;
}

/** The directory entry of an agency, if listed. */
export async function directoryEntry(agencyId: string, query = ''): Promise<Record<string, unknown> | undefined> {
  const items: Array<Record<string, unknown>> = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: Array<Record<string, unknown>>; nextCursor: string | null } } = await api(
      'GET',
      `/v1/public/agencies?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items.find((i) => i.id === agencyId);
}

/** The bureau's view of one agency. */
export async function adminAgency(agencyId: string) {
  return (await api('GET', `/v1/admin/agencies/${agencyId}`, { token: await ministry() })).body;
}
