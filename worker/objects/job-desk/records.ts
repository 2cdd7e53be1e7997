/**
 * The agency's own records about offers: additions made with the employer's consent (R-JOB-4) and
 * the changes or cancellations it reported to the employer (R-JOB-5).
 */
import type { Addition, ChangeReport, ChangeReportRequest, EmployerConsent } from '../../../shared/schemas/job-desk';
import type { JobOffer } from '../../../shared/schemas/job-offer';
import { randomBase32 } from '../../lib/crypto';
import type { DeskSql } from './sql';

type AdditionRow = { id: string; offer_number: string; text: string; consent: string; created_at: number };
const toAddition = (r: AdditionRow): Addition => ({
  id: r.id,
  offerNumber: r.offer_number,
  text: r.text,
  consent: JSON.parse(r.consent) as EmployerConsent,
  createdAt: new Date(r.created_at).toISOString(),
});

/** R-JOB-4: stores an addition apart from any quote, with the employer's consent. */
export function addAddition(db: DeskSql, offerNumber: string, text: string, consent: EmployerConsent, now: number): Addition {
  const id = `D${randomBase32(10)}`;
  db.all(
    'INSERT INTO additions (id, offer_number, text, consent, created_at) VALUES (?, ?, ?, ?, ?)',
    id,
    offerNumber,
    text,
    JSON.stringify(consent),
    now,
  );
  return toAddition(db.all<AdditionRow>('SELECT * FROM additions WHERE id = ?', id)[0]!);
}

/** The additions for some offers (all when `numbers` is null), oldest first. */
export function listAdditions(db: DeskSql, numbers: string[] | null): Addition[] {
  const rows =
    numbers === null
      ? db.all<AdditionRow>('SELECT * FROM additions ORDER BY created_at, id')
      : numbers.flatMap((n) => db.all<AdditionRow>('SELECT * FROM additions WHERE offer_number = ? ORDER BY created_at, id', n));
  return rows.map(toAddition);
}

type ReportRow = {
  id: string;
  offer_number: string;
  kind: 'change' | 'cancellation';
  learned: string;
  learned_on: string;
  employer_asked_on: string;
  office: string;
  created_at: number;
};
const toReport = (r: ReportRow): ChangeReport => ({
  id: r.id,
  offerNumber: r.offer_number,
  kind: r.kind,
  learned: r.learned,
  learnedOn: r.learned_on,
  employerAskedOn: r.employer_asked_on,
  receivingOffice: JSON.parse(r.office) as ChangeReport['receivingOffice'],
  createdAt: new Date(r.created_at).toISOString(),
});

/** R-JOB-5: records that the agency asked the employer to tell the receiving office. */
export function addChangeReport(
  db: DeskSql,
  offer: JobOffer,
  req: ChangeReportRequest & { employerAskedOn: string },
  now: number,
): ChangeReport {
  const id = `C${randomBase32(10)}`;
  db.all(
    'INSERT INTO change_reports (id, offer_number, kind, learned, learned_on, employer_asked_on, office, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    id,
    offer.offerNumber,
    req.kind,
    req.learned,
    req.learnedOn,
    req.employerAskedOn,
    JSON.stringify(offer.receivingOffice),
    now,
  );
  return toReport(db.all<ReportRow>('SELECT * FROM change_reports WHERE id = ?', id)[0]!);
}

/** The change reports, newest first. */
export function listChangeReports(db: DeskSql): ChangeReport[] {
  return db.all<ReportRow>('SELECT * FROM change_reports ORDER BY created_at DESC, id').map(toReport);
}
