/**
 * Helpers of the job-offer service (R-JOB-1): which shard holds an offer, the columns and keyword
 * text an offer is stored with, and the summary agencies see in search results.
 */
import { industryName } from '../../shared/data/industries';
import { occupationName } from '../../shared/data/occupations';
import type { JobOffer, JobOfferSummary } from '../../shared/schemas/job-offer';
import type { HomeLoadRow, OfferRow } from './job-offer-rows';
import { jobDeskStub, offerShardStub } from './stubs';

/** The job-offer shard of a prefecture. */
export function offerShard(env: Env, prefecture: string) {
  return offerShardStub(env, prefecture);
}

/** An offer's home prefecture: the first two digits of its number (the receiving office's prefecture). */
export function homeOf(offerNumber: string): string {
  return offerNumber.slice(0, 2);
}

/** An agency's job desk. */
export function jobDesk(env: Env, agencyId: string) {
  return jobDeskStub(env, agencyId);
}

/** Text keyword search looks in: what the 求人票 says plus the names of its codes. */
function searchableText(o: JobOffer): string {
  return [
    o.employer.name,
    o.job.title,
    o.job.description,
    occupationName(o.job.occupation),
    industryName(o.employer.industry),
    o.workplace.address,
    o.workplace.access ?? '',
    ...o.qualifications.required,
    o.qualifications.experience ?? '',
    o.hours.schedule,
    o.daysOff.text,
    o.notes ?? '',
  ].join('\n');
}

/**
 * The row an offer is stored as (R-JOB-1); the home shard sets its version and time.
 *
 * @example homeLoadRow(offer, await offerHash(offer));
 */
export function homeLoadRow(o: JobOffer, hash: string): HomeLoadRow {
  return {
    number: o.offerNumber,
    listed: o.workplace.prefecture === homeOf(o.offerNumber),
    hash,
    doc: JSON.stringify(o),
    validUntil: o.validUntil,
    introductionDeadline: o.introductionDeadline,
    workplacePrefecture: o.workplace.prefecture,
    occupation: o.job.occupation,
    industry: o.employer.industry,
    municipality: o.workplace.municipality,
    employmentType: o.employmentType,
    wageUnit: o.wage.unit,
    wageMin: o.wage.min,
    wageMax: o.wage.max,
    hoursPerWeek: o.hours.perWeek,
    text: searchableText(o),
  };
}

/** The listing copy of a loaded offer for its workplace's shard. */
export function listingRow(row: HomeLoadRow, version: number, updatedAt: number): OfferRow {
  return { ...row, home: false, listed: true, version, updatedAt };
}

/** An offer as a search result: enough to choose one, never the whole 求人票 (R-JOB-7). */
export function offerSummary(doc: string, version: number): JobOfferSummary {
  const o = JSON.parse(doc) as JobOffer;
  return {
    offerNumber: o.offerNumber,
    version,
    employerName: o.employer.name,
    title: o.job.title,
    occupation: o.job.occupation,
    industry: o.employer.industry,
    employmentType: o.employmentType,
    prefecture: o.workplace.prefecture,
    municipality: o.workplace.municipality,
    wage: { unit: o.wage.unit, min: o.wage.min, max: o.wage.max },
    validUntil: o.validUntil,
    introductionDeadline: o.introductionDeadline,
    receivingOffice: o.receivingOffice.name,
  };
}
