/**
 * What the bureau asked of the agency between reports (R-COR-1, R-COR-2, R-COR-3): correction
 * requests and measures, and reports on request, with the agency's answers.
 */
import { z } from 'zod';
import {
  AgencyReportRequestSchema,
  CorrectionRequestSchema,
  type AgencyReportRequest,
  type CorrectionAnswer,
  type CorrectionRequest,
} from '../../shared/schemas/correspondence';
import { client, read, type ApiContext } from './api';

/** `GET /v1/agency/correction-requests` */
export function correctionRequests(ctx: ApiContext): Promise<CorrectionRequest[]> {
  return read(z.object({ items: z.array(CorrectionRequestSchema) }), () => client(ctx).v1.agency['correction-requests'].$get()).then(
    (r) => r.items,
  );
}

/** `POST /v1/agency/correction-requests/{id}/answer` */
export function answerCorrection(ctx: ApiContext, id: string, answer: CorrectionAnswer): Promise<CorrectionRequest> {
  return read(CorrectionRequestSchema, () =>
    client(ctx).v1.agency['correction-requests'][':id'].answer.$post({ param: { id }, json: answer }),
  );
}

/** `GET /v1/agency/report-requests` */
export function reportRequests(ctx: ApiContext): Promise<AgencyReportRequest[]> {
  return read(z.object({ items: z.array(AgencyReportRequestSchema) }), () => client(ctx).v1.agency['report-requests'].$get()).then(
    (r) => r.items,
  );
}

/** `PUT /v1/agency/report-requests/{id}`: a new version of the answers. */
export function answerReportRequest(ctx: ApiContext, id: string, answers: string[]): Promise<AgencyReportRequest> {
  return read(AgencyReportRequestSchema, () => client(ctx).v1.agency['report-requests'][':id'].$put({ param: { id }, json: { answers } }));
}

/**
 * Whole JST days from `today` to a due day: positive while time is left, 0 on the day, negative once
 * it has passed.
 *
 * @example daysLeft('2026-12-21', '2026-12-18'); // 3
 */
export function daysLeft(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** One item of the agency's "労働局からの連絡", open and most urgent first. */
export type BureauItem =
  | { kind: 'correction'; item: CorrectionRequest; open: boolean; dueOn: string }
  | { kind: 'report'; item: AgencyReportRequest; open: boolean; dueOn: string };

/** Open items first, the nearest due day first; then the rest, newest first. */
export function orderBureauItems(corrections: CorrectionRequest[], reports: AgencyReportRequest[]): BureauItem[] {
  const items: BureauItem[] = [
    ...corrections.map((c) => ({ kind: 'correction' as const, item: c, open: c.status !== 'confirmed', dueOn: c.dueOn })),
    ...reports.map((r) => ({ kind: 'report' as const, item: r, open: r.versions.length === 0, dueOn: r.dueOn })),
  ];
  return items.sort(
    (a, b) => Number(b.open) - Number(a.open) || (a.open ? a.dueOn.localeCompare(b.dueOn) : b.item.sentAt.localeCompare(a.item.sentAt)),
  );
}
