/**
 * R-SEC-3: bad input gets a problem whose text a person reads in Japanese: no English validation
 * text in `title`, `detail`, or the per-field messages, whatever the route or the mistake.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { admittedAgency, api, jst, loadRows, profileRow, setClock } from './helpers';

let agency: { token: string };

beforeAll(async () => {
  await setClock(jst('2026-11-27', '10:00'));
  agency = await admittedAgency();
});

/** Two English words in a row: what zod's English messages look like ("Invalid input: expected string"). */
const ENGLISH = /[A-Za-z]{2,}[ :,]+[A-Za-z]{2,}/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function texts(body: Record<string, unknown>): string[] {
  const errors = (body.errors as Array<{ message?: string; reason?: string }> | undefined) ?? [];
  return [String(body.title), String(body.detail), ...errors.map((e) => String(e.message ?? e.reason))];
}

describe('R-SEC-3 validation problems are in Japanese', () => {
  it.each([
    ['a prefecture name instead of its code', 'GET', '/v1/agency/feed?prefecture=東京都', undefined],
    ['a wage that is not a number', 'GET', '/v1/agency/feed?wageMin=abc&wageUnit=month', undefined],
    ['an unknown query parameter', 'GET', '/v1/agency/feed?colour=blue', undefined],
    ['a wrong type in a body', 'POST', '/v1/agency/sessions', { email: 1, password: true }],
    ['an unknown body field', 'POST', '/v1/agency/sessions', { email: 'a@example.jp', password: 'x'.repeat(12), extra: 1 }],
    ['an empty registration', 'POST', '/v1/public/registrations', {}],
    ['a first contact without a body', 'POST', '/v1/agency/conversations', { profileId: '13-0000000000' }],
  ])('R-SEC-3 %s', async (_what, method, path, body) => {
    const res = await api(method, path, { token: agency.token, ...(body !== undefined ? { body } : {}) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    for (const text of texts(res.body)) {
      expect(text, text).toMatch(JAPANESE);
      expect(text, text).not.toMatch(ENGLISH);
    }
  });

  it('R-SEC-3 names the field and the reason in the detail', async () => {
    const res = await api('GET', '/v1/agency/feed?prefecture=東京都', { token: agency.token });
    expect(res.body.detail).toContain('prefecture');
    expect(res.body.detail).toMatch(/（.+）/);
  });

  it('R-FEED-2 a refused feed row gives its reasons in Japanese', async () => {
    const res = await loadRows([profileRow({ ageBand: 'old' as never, employmentTypes: ['forever' as never] })]);
    expect(res.status).toBe(200);
    const reasons = (res.body.results[0].errors as Array<{ reason: string }>).map((e) => e.reason);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(reason).toMatch(JAPANESE);
      expect(reason).not.toMatch(ENGLISH);
    }
  });
});
