/**
 * The 求人 tab's quote list over the real Dexie copy: stale quotes say what changed and offer the
 * latest version, closed ones show no content (R-JOB-3), additions follow under their heading with
 * the consent record (R-JOB-4).
 */
import { describe, expect, it } from 'vitest';
import { QuoteList } from '../../extension/components/offers/QuoteList';
import { StatementView } from '../../extension/components/offers/StatementView';
import { employerStatement } from '../../shared/rules/employer-statement';
import { JobOrderRequestSchema, type Quote } from '../../shared/schemas/job-desk';
import { JobOfferSchema } from '../../shared/schemas/job-offer';
import { exampleJobOffer } from '../../shared/schemas/job-offer-examples';
import { mount, settle } from './dom';
import { WORKER } from './fake-worker';
import { ACCOUNT } from './seed';

const offer = JobOfferSchema.parse(exampleJobOffer);
const base = {
  jobseekerRef: 'K-1',
  version: 1,
  hash: 'a'.repeat(64),
  presentedAs: 'hello_work' as const,
  createdAt: '2026-11-27T01:00:00.000Z',
  introductionProcedure: 'x',
};
const quotes: Quote[] = [
  {
    ...base,
    id: 'QCURRENT001',
    offerNumber: '13010-00000001',
    state: 'current',
    changed: [],
    latestVersion: 1,
    closedReason: null,
    offer,
    text: '【引用本文】現在の版',
  },
  {
    ...base,
    id: 'QSTALE00001',
    offerNumber: '13010-00000002',
    state: 'stale',
    changed: ['賃金'],
    latestVersion: 2,
    closedReason: null,
    offer,
    text: '古い引用本文',
  },
  {
    ...base,
    id: 'QCLOSED0001',
    offerNumber: '13010-00000003',
    state: 'closed',
    changed: [],
    latestVersion: null,
    closedReason: 'valid_until_passed',
    offer: null,
    text: null,
  },
];
const additions = [
  {
    id: 'D1',
    offerNumber: '13010-00000001',
    text: '職場見学を当社が手配します。',
    consent: { by: '人事部 田中様', on: '2026-11-20', method: 'email' as const },
    createdAt: '2026-11-27T01:00:00.000Z',
  },
];
const fetch = (async (input: RequestInfo | URL) => {
  const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
  const body = path === '/v1/agency/quotes' ? { items: quotes, additions } : { items: [] };
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}) as typeof globalThis.fetch;

describe('the 求人 tab', () => {
  it('R-JOB-3 R-JOB-4 marks stale and closed quotes, hides closed content, and shows additions with their consent', async () => {
    const opened: string[] = [];
    const root = await mount(<QuoteList ctx={{ baseUrl: WORKER, token: 't', fetch }} account={ACCOUNT} onOpen={(n) => opened.push(n)} />);
    await settle(12);
    const items = [...root.querySelectorAll('li.result')];
    const byNumber = (n: string) => items.find((li) => li.textContent!.includes(n))!;
    expect(byNumber('13010-00000001').textContent).toContain('【引用本文】現在の版');
    expect(byNumber('13010-00000001').textContent).toContain('当社が求人事業主の同意を得て追加した情報');
    expect(byNumber('13010-00000001').textContent).toContain('同意: 人事部 田中様');
    expect(byNumber('13010-00000002').textContent).toContain('求人が変更されました（賃金）');
    expect(byNumber('13010-00000002').textContent).not.toContain('古い引用本文');
    (byNumber('13010-00000002').querySelector('button') as HTMLButtonElement).click();
    expect(opened).toEqual(['13010-00000002']);
    expect(byNumber('13010-00000003').textContent).toContain('終了した求人です（求人有効年月日を過ぎました）');
    expect(byNumber('13010-00000003').querySelector('pre')).toBeNull();
  });

  it('R-JOB-6 shows the statement as email text and a printable page with every part', async () => {
    const order = JobOrderRequestSchema.parse({
      employer: { name: '社会福祉法人さくら会' },
      acceptedOn: '2026-11-20',
      jobsHandled: { occupations: ['050'], prefectures: ['13'], text: '介護職' },
      fees: { text: '20%' },
      subsidies: { handles: false, kinds: [] },
    });
    const statement = employerStatement(order, {
      name: '株式会社みらい人材',
      licence: { kind: 'paid', number: '13-ユ-1' },
      complaintsOfficer: { name: '佐藤', contact: '03-1234-5679' },
    });
    let printed = 0;
    const root = await mount(<StatementView statement={statement} onPrint={() => printed++} />);
    expect((root.querySelector('#statement-text') as HTMLTextAreaElement).value).toBe(statement.text);
    expect(root.querySelectorAll('.statement-print h5')).toHaveLength(6);
    (root.querySelector('button') as HTMLButtonElement).click();
    expect(printed).toBe(1);
  });
});
