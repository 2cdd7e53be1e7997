import { describe, expect, it } from 'vitest';
import { JobOfferSchema, type JobOffer } from '../schemas/job-offer';
import { exampleJobOffer } from '../schemas/job-offer-examples';
import {
  ADDITIONS_HEADING,
  AGENCY_OFFER_LABEL,
  DEFAULT_INTRODUCTION_PROCEDURE,
  HELLO_WORK_LABEL,
  canonicalJson,
  changedItems,
  closedByDate,
  missingNonOmittable,
  offerHash,
  quoteBody,
  renderAdditions,
  renderQuote,
  verifyQuote,
} from './job-offers';

const offer: JobOffer = JobOfferSchema.parse(exampleJobOffer);

describe('job offers: schema (R-JOB-1)', () => {
  it('R-JOB-1 holds the receiving office, the valid-until date and the introduction deadline', () => {
    expect(offer.receivingOffice.name).toBe('ハローワーク飯田橋');
    expect(offer.validUntil).toBe('2027-01-31');
    expect(offer.introductionDeadline).toBe('2027-01-31');
  });

  it.each([
    ['an introduction deadline after the valid-until date', { introductionDeadline: '2027-02-01' }, 'introductionDeadline'],
    ['an office that did not take the number', { receivingOffice: { code: '14010', name: 'ハローワーク横浜' } }, 'receivingOffice.code'],
    [
      'a number whose first digits are no prefecture',
      { offerNumber: '48010-12345678', receivingOffice: { code: '48010', name: 'x' } },
      'offerNumber',
    ],
    ['a fixed term without its period', { contract: { fixedTerm: true } }, 'contract.period'],
    ['no passive-smoking measures', { passiveSmoking: undefined }, 'passiveSmoking'],
    ['no employer name', { employer: { ...exampleJobOffer.employer, name: '' } }, 'employer.name'],
  ])('R-JOB-2 refuses %s', (_name, change, path) => {
    const r = JobOfferSchema.safeParse({ ...exampleJobOffer, ...change });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('job offers: quotes (R-JOB-2)', () => {
  it('R-JOB-2 a quote holds every non-omittable item, the Hello Work mark and how to ask for an introduction', async () => {
    const hash = await offerHash(offer);
    const text = renderQuote({ offer, version: 1, hash, presentedAs: 'hello_work', introductionProcedure: DEFAULT_INTRODUCTION_PROCEDURE });
    expect(missingNonOmittable(text)).toEqual([]);
    expect(text.startsWith(`【${HELLO_WORK_LABEL}】`)).toBe(true);
    expect(text).toContain(DEFAULT_INTRODUCTION_PROCEDURE);
    expect(text).toContain('受理安定所: ハローワーク飯田橋');
    expect(text).toContain('紹介期限日: 2027年1月31日');
    expect(text).toContain('賃金: 月給 230,000円〜280,000円');
    expect(text).toContain('受動喫煙対策: 敷地内禁煙');
  });

  it('R-JOB-2 a quote whose text matches its hash verifies; an altered text or content does not', async () => {
    const hash = await offerHash(offer);
    const text = renderQuote({ offer, version: 1, hash, presentedAs: 'hello_work', introductionProcedure: DEFAULT_INTRODUCTION_PROCEDURE });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyQuote({ text, offer, hash })).toBe(true);
    expect(await verifyQuote({ text: text.replace('230,000円', '250,000円'), offer, hash })).toBe(false);
    expect(await verifyQuote({ text, offer: { ...offer, notes: '改変' }, hash })).toBe(false);
  });

  it('R-JOB-2 the hash does not depend on key order', async () => {
    const reordered = JSON.parse(canonicalJson(offer)) as JobOffer;
    expect(await offerHash(reordered)).toBe(await offerHash(offer));
  });

  it('R-JOB-2 an item the 求人票 leaves empty is still shown (「なし」)', () => {
    const body = quoteBody(
      JobOfferSchema.parse({
        ...exampleJobOffer,
        trialPeriod: { exists: false },
        wage: { ...exampleJobOffer.wage, allowances: [], bonus: null },
      }),
    );
    expect(body).toContain('試用期間: なし');
    expect(body).toContain('手当: なし');
    expect(body).toContain('賞与: なし');
  });

  it("R-JOB-6 once the order is accepted the quote is marked as the agency's own, not Hello Work's", async () => {
    const text = renderQuote({ offer, version: 1, hash: await offerHash(offer), presentedAs: 'agency', introductionProcedure: 'x' });
    expect(text).toContain(AGENCY_OFFER_LABEL);
    expect(text).not.toContain(HELLO_WORK_LABEL);
  });
});

describe('job offers: versions and dates (R-JOB-1, R-JOB-3, R-JOB-4)', () => {
  it('R-JOB-3 names what changed between versions', () => {
    const next = { ...offer, wage: { ...offer.wage, min: 240000 }, validUntil: '2027-02-28', introductionDeadline: '2027-02-28' };
    expect(changedItems(offer, next)).toEqual(['求人有効年月日', '紹介期限日', '賃金']);
    expect(changedItems(offer, offer)).toEqual([]);
  });

  it.each([
    ['2027-01-14', null],
    ['2027-01-15', null],
    ['2027-01-16', 'introduction_deadline_passed'],
  ])('R-JOB-1 an offer whose introduction deadline is 2027-01-15 on %s: %s', (today, reason) => {
    expect(closedByDate({ validUntil: '2027-01-31', introductionDeadline: '2027-01-15' }, today)).toBe(reason);
  });

  it.each([
    ['2027-01-31', null],
    ['2027-02-01', 'valid_until_passed'],
  ])('R-JOB-1 an offer valid through 2027-01-31 on %s: %s', (today, reason) => {
    expect(closedByDate(offer, today)).toBe(reason);
  });

  it('R-JOB-4 additions come after the quote under their own heading with the consent record', () => {
    const text = renderAdditions([
      {
        id: 'x',
        offerNumber: offer.offerNumber,
        text: '職場見学を当社が手配します。',
        consent: { by: '人事部 田中様', on: '2026-11-20', method: 'email' },
        createdAt: '',
      },
    ]);
    expect(text.split('\n')[0]).toBe(`■ ${ADDITIONS_HEADING}`);
    expect(text).toContain('求人事業主の同意: 人事部 田中様、2026年11月20日、電子メール');
    expect(renderAdditions([])).toBe('');
  });
});
