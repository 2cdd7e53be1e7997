/**
 * Quotes an agency made for its own jobseekers (R-JOB-2, R-JOB-3, R-JOB-7): the exact content of
 * the version quoted, its hash, and how it was presented. A closed offer's quote keeps no content.
 */
import { renderQuote } from '../../../shared/rules/job-offers';
import type { JobOffer, OfferCloseReason } from '../../../shared/schemas/job-offer';
import type { Presentation } from '../../../shared/schemas/job-desk';
import { randomBase32 } from '../../lib/crypto';
import type { DeskSql } from './sql';

/** A stored quote; `doc` and `text` are null once the offer closed. */
export type StoredQuote = {
  id: string;
  offerNumber: string;
  jobseekerRef: string;
  version: number;
  hash: string;
  presentedAs: Presentation;
  doc: string | null;
  text: string | null;
  introductionProcedure: string;
  createdAt: number;
  closedReason: OfferCloseReason | null;
};

type QuoteRow = {
  id: string;
  offer_number: string;
  jobseeker_ref: string;
  version: number;
  hash: string;
  presented_as: Presentation;
  doc: string | null;
  text: string | null;
  introduction: string;
  created_at: number;
  closed_reason: OfferCloseReason | null;
};

const toQuote = (r: QuoteRow): StoredQuote => ({
  id: r.id,
  offerNumber: r.offer_number,
  jobseekerRef: r.jobseeker_ref,
  version: r.version,
  hash: r.hash,
  presentedAs: r.presented_as,
  doc: r.doc,
  text: r.text,
  introductionProcedure: r.introduction,
  createdAt: r.created_at,
  closedReason: r.closed_reason,
});

/** Whether the agency accepted an order for the offer: from then on it presents it as its own (§7(1)②カ). */
export function presentationOf(db: DeskSql, offerNumber: string): Presentation {
  return db.all('SELECT 1 FROM orders WHERE offer_number = ? LIMIT 1', offerNumber).length ? 'agency' : 'hello_work';
}

/** Makes a quote of the version given, rendered exactly (R-JOB-2). */
export function createQuote(
  db: DeskSql,
  q: { offer: JobOffer; version: number; hash: string; jobseekerRef: string; introductionProcedure: string },
  now: number,
): StoredQuote {
  const presentedAs = presentationOf(db, q.offer.offerNumber);
  const text = renderQuote({
    offer: q.offer,
    version: q.version,
    hash: q.hash,
    presentedAs,
    introductionProcedure: q.introductionProcedure,
  });
  const id = `Q${randomBase32(10)}`;
  db.all(
    'INSERT INTO quotes (id, offer_number, jobseeker_ref, version, hash, presented_as, doc, text, introduction, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    id,
    q.offer.offerNumber,
    q.jobseekerRef,
    q.version,
    q.hash,
    presentedAs,
    JSON.stringify(q.offer),
    text,
    q.introductionProcedure,
    now,
  );
  return toQuote(db.all<QuoteRow>('SELECT * FROM quotes WHERE id = ?', id)[0]!);
}

/** The agency's quotes, newest first (at most `limit`). */
export function listQuotes(db: DeskSql, limit: number): StoredQuote[] {
  return db.all<QuoteRow>('SELECT * FROM quotes ORDER BY created_at DESC, id LIMIT ?', limit).map(toQuote);
}

/** R-JOB-3: a closed offer is withdrawn from this copy too: the quotes of it keep no content. */
export function forgetClosed(db: DeskSql, closed: Array<{ number: string; reason: OfferCloseReason }>, now: number): number {
  let n = 0;
  for (const c of closed) {
    n += db.all(
      'UPDATE quotes SET doc = NULL, text = NULL, closed_reason = ?, closed_at = ? WHERE offer_number = ? AND doc IS NOT NULL RETURNING id',
      c.reason,
      now,
      c.number,
    ).length;
  }
  return n;
}
