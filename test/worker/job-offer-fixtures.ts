/**
 * Job offers for worker tests: valid rows with unique numbers, loads through the bureau's route.
 */
import type { JobOfferInput } from '../../shared/schemas/job-offer';
import { exampleJobOffer } from '../../shared/schemas/job-offer-examples';
import { admittedAgency, api, ministry, type Res } from './helpers';

let serial = Math.floor(Math.random() * 1e6) * 100;

/** A unique 8-digit serial for offer numbers. */
function nextSerial(): string {
  serial += 1;
  return String(serial).padStart(8, '0').slice(-8);
}

/** A valid offer taken by `office` (five digits), with overrides. */
export function offerRow(overrides: Partial<JobOfferInput> = {}, office = '13010'): JobOfferInput {
  const number = `${office}-${nextSerial()}`;
  return {
    ...structuredClone(exampleJobOffer),
    offerNumber: number,
    receivingOffice: { code: office, name: `ハローワーク${office}`, phone: '03-3812-8609' },
    receivedOn: '2026-11-02',
    validUntil: '2027-01-31',
    introductionDeadline: '2027-01-31',
    ...overrides,
  } as JobOfferInput;
}

/** Loads offers through `PUT /v1/admin/job-offers`; returns the per-row results. */
export async function loadOffers(rows: Array<JobOfferInput | string>, opts: { token?: string; query?: string } = {}): Promise<Res> {
  const raw = rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');
  return api('PUT', `/v1/admin/job-offers${opts.query ? `?${opts.query}` : ''}`, {
    token: opts.token ?? (await ministry()),
    raw,
    type: 'application/x-ndjson',
  });
}

/** Searches offers as an agency. */
export async function searchOffers(token: string, query: Record<string, string | string[]>): Promise<Res> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  return api('GET', `/v1/agency/job-offers?${params}`, { token });
}

/** The offer numbers of a search. */
export async function numbersFound(token: string, query: Record<string, string | string[]>): Promise<string[]> {
  const res = await searchOffers(token, query);
  if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items.map((i: { offerNumber: string }) => i.offerNumber);
}

/** An admitted school (Art. 33-2) using only the job-offer service. */
export async function schoolAgency() {
  return admittedAgency({
    licence: { kind: 'school', number: `13-学-${Math.floor(Math.random() * 1e9)}`, schoolKind: 'university' },
    services: ['job_offer'],
    mandatoryInformation: undefined,
  });
}
