/**
 * R-MSG-4: the worker and the extension's composer give the same answer on every case of the
 * labelled corpus and on the registered-contact cases that used to disagree — through the
 * function the Durable Objects call, and through the real routes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyContactFindings, seekerContactFindings } from '../../extension/utils/compose';
import type { Finding } from '../../shared/rules/contact-details';
import { disallowedContactDetails } from '../../worker/lib/contact-details';
import { CORPUS, CORPUS_REGISTERED, type CorpusCase } from '../shared/contact-corpus';
import { admittedAgency, jst, setClock } from './helpers';
import { jobseeker, openConversation, reply, seekerWrites, type Agency, type Seeker } from './messaging-fixtures';

// The registered-contact cases on which the worker and the composer used to disagree, and their
// unregistered twins.
const REGISTERED_CASES: CorpusCase[] = [
  { author: 'agency', contact: false, text: '募集要項は mirai.example.jp/jobs をご覧ください。' },
  { author: 'agency', contact: false, text: '求人一覧は https://www.mirai.example.jp/jobs です。' },
  { author: 'agency', contact: false, text: 'お電話は +81 (0)3-1234-5678 までどうぞ。' },
  { author: 'agency', contact: false, text: '所在地は〒100−8916 東京都千代田区霞が関1−2−2です。' },
  { author: 'agency', contact: false, text: 'お問い合わせは info@mirai.example.jp へ。' },
  { author: 'agency', contact: true, text: '募集要項は mirai-example.jp/jobs をご覧ください。' },
  { author: 'agency', contact: true, text: 'お電話は +81 (0)3-1234-5679 までどうぞ。' },
  { author: 'agency', contact: true, text: '所在地は〒100−8917 東京都千代田区霞が関1−2−3です。' },
];
const CASES = [...CORPUS, ...REGISTERED_CASES];

const positions = (findings: Array<Pick<Finding, 'kind' | 'start' | 'end'>>) => findings.map((f) => [f.kind, f.start, f.end]);
const composer = (c: CorpusCase) =>
  c.author === 'agency' ? agencyContactFindings(c.text, CORPUS_REGISTERED) : seekerContactFindings(c.text);

describe('the worker and the composer agree (R-MSG-4)', () => {
  it('R-MSG-4 the check the objects run and the composer’s check give the same findings on every case', () => {
    const disagreements = CASES.filter((c) => {
      const worker = disallowedContactDetails(c.text, c.author === 'agency' ? CORPUS_REGISTERED : null);
      return JSON.stringify(positions(worker)) !== JSON.stringify(positions(composer(c)));
    });
    expect(disagreements).toEqual([]);
    expect(CASES.filter((c) => composer(c).length > 0 !== c.contact).map((c) => c.text)).toEqual([]);
  });

  describe('through the routes', () => {
    let agency: Agency;
    let seeker: Seeker;
    let conversationId: string;

    beforeAll(async () => {
      await setClock(jst('2026-11-27', '10:00'));
      agency = await admittedAgency({ contactMethods: [...CORPUS_REGISTERED] });
      seeker = await jobseeker();
      conversationId = await openConversation(agency, seeker);
    });

    it('R-MSG-4 the message routes refuse exactly what the composer flags, at the same places', async () => {
      const disagreements: string[] = [];
      const send = async (c: CorpusCase) => {
        const res =
          c.author === 'agency' ? await reply(agency, conversationId, c.text) : await seekerWrites(seeker, conversationId, c.text);
        const expected = composer(c);
        if (expected.length === 0) {
          if (res.status !== 201) disagreements.push(`${c.author} ${res.status} ${res.body.code}: ${c.text}`);
          return;
        }
        const same =
          res.status === 422 &&
          res.body.code === 'contact_details_not_allowed' &&
          JSON.stringify(positions(res.body.findings)) === JSON.stringify(positions(expected));
        if (!same) disagreements.push(`${c.author} ${res.status} ${JSON.stringify(res.body.findings)}: ${c.text}`);
      };
      // A few at a time, as several tabs would send.
      for (let i = 0; i < CASES.length; i += 8) await Promise.all(CASES.slice(i, i + 8).map(send));
      expect(disagreements).toEqual([]);
    }, 120_000);
  });
});
