/**
 * The API client: the typed `hc` routes and the `fetch` ones reach the paths of API.md with the
 * bearer token, answers are validated with the shared schemas, refusals become `ApiProblem`s
 * with the worker's code and numbers.
 */
import { describe, expect, it } from 'vitest';
import { ackEvent, getQuota, openProfile, searchFeed, sendFirstContact } from '../../extension/utils/api';
import { feedQuery, filtersFromQuery, EMPTY_FILTERS } from '../../extension/utils/feed-query';
import { ApiProblem } from '../../extension/utils/problem';
import { normalizeWorkerUrl, originPattern } from '../../extension/utils/worker-url';
import { AGENCY_TOKEN, FakeWorker, WORKER, problem } from './fake-worker';

const ctxOf = (w: FakeWorker) => ({ baseUrl: WORKER, token: AGENCY_TOKEN, fetch: w.fetch });

describe('API client', () => {
  it('sends the feed filters as API.md names them, lists joined with commas', async () => {
    const w = new FakeWorker();
    const query = feedQuery({
      ...EMPTY_FILTERS,
      occupations: ['050', '051'],
      prefectures: ['13'],
      employmentTypes: ['regular'],
      wageUnit: 'month',
      wageMin: '200000',
      keywords: ' 介護 夜勤 ',
    });
    await searchFeed(ctxOf(w), query);
    const url = new URL(WORKER + w.requests[0]!.path);
    expect(url.pathname).toBe('/v1/agency/feed');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      occupation: '050,051',
      prefecture: '13',
      employmentType: 'regular',
      wageUnit: 'month',
      wageMin: '200000',
      q: '介護 夜勤',
    });
    expect(w.requests[0]!.authorization).toBe(`Bearer ${AGENCY_TOKEN}`);
    expect(filtersFromQuery(query)).toMatchObject({
      occupations: ['050', '051'],
      prefectures: ['13'],
      wageMin: '200000',
      keywords: '介護 夜勤',
    });
  });

  it('leaves a wage without its unit out of the query (the worker would refuse it)', () => {
    expect(feedQuery({ ...EMPTY_FILTERS, wageMin: '1000' })).toEqual({});
  });

  it('R-CAP-1 turns a cap refusal into an ApiProblem with used, limit and resetsAt', async () => {
    const w = new FakeWorker();
    w.overrides.set(
      'POST /v1/agency/conversations',
      problem(429, 'cap_reached', { used: 1000, limit: 1000, resetsAt: '2026-11-27T15:00:00.000Z' }),
    );
    const error = await sendFirstContact(ctxOf(w), {
      profileId: '13-7K3QM2XPA9',
      body: 'はじめまして。',
      idempotencyKey: 'fc-0000-0000',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({
      status: 429,
      code: 'cap_reached',
      problem: { used: 1000, limit: 1000, resetsAt: '2026-11-27T15:00:00.000Z' },
    });
  });

  it('R-OPS-1 reads Retry-After from a maintenance answer', async () => {
    const w = new FakeWorker();
    w.overrides.set(
      'GET /v1/agency/quota',
      problem(503, 'maintenance', { reopensAt: '2026-11-27T21:00:00.000Z' }, { 'Retry-After': '1200' }),
    );
    await expect(getQuota(ctxOf(w))).rejects.toMatchObject({ code: 'maintenance', retryAfter: 1200 });
  });

  it('names a 410 without a problem body data_deleted', async () => {
    const w = new FakeWorker();
    const ctx = { ...ctxOf(w), fetch: (async () => new Response('gone', { status: 410 })) as typeof fetch };
    await expect(openProfile(ctx, '13-7K3QM2XPA9')).rejects.toMatchObject({ status: 410, code: 'data_deleted' });
  });

  it('refuses an answer that does not match the shared schema', async () => {
    const ctx = { baseUrl: WORKER, token: AGENCY_TOKEN, fetch: (async () => Response.json({ used: 'many' })) as typeof fetch };
    await expect(getQuota(ctx)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('reports a worker that cannot be reached as network_error', async () => {
    const ctx = {
      baseUrl: WORKER,
      token: AGENCY_TOKEN,
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    };
    await expect(ackEvent(ctx, 'ev_1', { deletedAt: '2026-11-27T03:00:00.000Z', deletedRecords: 0 })).rejects.toMatchObject({
      status: 0,
      code: 'network_error',
    });
  });

  it('accepts https worker URLs and plain http only on this machine; the host permission names that origin', () => {
    expect(normalizeWorkerUrl(' https://api.madoguchi.example.jp/ ')).toBe('https://api.madoguchi.example.jp');
    expect(normalizeWorkerUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(normalizeWorkerUrl('http://api.madoguchi.example.jp')).toBeNull();
    expect(normalizeWorkerUrl('https://user:pw@example.jp')).toBeNull();
    expect(normalizeWorkerUrl('javascript:alert(1)')).toBeNull();
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
  });
});
