/**
 * The worker's API as the extension calls it: every route through `hc<AppType>` (imported as a
 * type only, so no worker code ships). Every answer is validated with the shared zod schema;
 * every refusal becomes an `ApiProblem` with the worker's stable `code`.
 */
import { hc } from 'hono/client';
import { z } from 'zod';
import type { AppType } from '../../worker/app';
import { AgencyAccountSchema } from '../../shared/schemas/agency-account';
import { ProcedureSchema, type ChangeRequest } from '../../shared/schemas/agency-procedures';
import { AgencyComplaintSchema, type AgencyComplaintCreate, type AgencyComplaintUpdate } from '../../shared/schemas/complaint';
import { AgencyEventPageSchema, EventAckResultSchema, type EventAck } from '../../shared/schemas/event';
import {
  ConversationPageSchema,
  ConversationThreadSchema,
  SeekerConversationPageSchema,
  SendResultSchema,
  type FirstContactRequest,
  type ReplyRequest,
} from '../../shared/schemas/message';
import { FeedPageSchema, type FeedQueryInput } from '../../shared/schemas/feed-search';
import { SeatListSchema, SeatSchema, type SeatCreate } from '../../shared/schemas/seat';
import { DailyQuotaSchema } from '../../shared/schemas/quota';
import { AnnualReportRecordSchema, type AnnualReportRequest } from '../../shared/schemas/report';
import {
  ActivationResultSchema,
  SessionInfoSchema,
  TokenResponseSchema,
  type Activation,
  type AgencySignIn,
  type SeekerSignIn,
} from '../../shared/schemas/session';
import { DataHoldersSchema } from '../../shared/schemas/transparency';
import { AcceptanceResultSchema, AcquisitionListSchema, OpenedProfileSchema, type FeeStatement } from './api-schemas';
import { ApiProblem, invalidResponseProblem, networkProblem, problemFromResponse } from './problem';

/** Where and as whom to call the worker. `fetch` is injectable so tests hand in a fake worker. */
export type ApiContext = {
  baseUrl: string;
  token?: string | null;
  fetch?: typeof fetch;
};

function fetchOf(ctx: ApiContext): typeof fetch {
  // Bound lazily: a bare `fetch` reference called as a method fails in some browsers.
  return ctx.fetch ?? ((input, init) => fetch(input, init));
}

function authHeaders(ctx: ApiContext): Record<string, string> {
  return ctx.token ? { Authorization: `Bearer ${ctx.token}` } : {};
}

/**
 * The typed client for routes in the worker's `AppType`.
 *
 * @example
 * const res = await client(ctx).v1.agency.me.$get();
 */
export function client(ctx: ApiContext) {
  return hc<AppType>(ctx.baseUrl, { fetch: fetchOf(ctx), headers: () => authHeaders(ctx) });
}

/** What both `fetch` and the `hc` client answer with. */
type AnyResponse = Pick<Response, 'ok' | 'status' | 'headers' | 'json'>;

/** One call: a network failure or a refusal becomes an `ApiProblem` with the worker's code. */
export async function send(request: () => Promise<AnyResponse>): Promise<AnyResponse> {
  let res: AnyResponse;
  try {
    res = await request();
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw networkProblem();
  }
  if (!res.ok) throw await problemFromResponse(res);
  return res;
}

/** One call whose answer is validated with the shared schema (an invalid answer is a problem too). */
export async function read<S extends z.ZodType>(schema: S, request: () => Promise<AnyResponse>): Promise<z.infer<S>> {
  const res = await send(request);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw invalidResponseProblem(res.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidResponseProblem(res.status);
  return parsed.data;
}

async function noContent(request: () => Promise<AnyResponse>): Promise<void> {
  await send(request);
}

// ── Sessions ─────────────────────────────────────────────────────────────────────────────────

/** `POST /v1/agency/sessions`: an agency signs in (R-SEC-2). */
export function signInAgency(ctx: ApiContext, body: AgencySignIn) {
  return read(TokenResponseSchema, () => client(ctx).v1.agency.sessions.$post({ json: body }));
}

/** `POST /v1/seeker/sessions`: a jobseeker signs in with the profile ID and passphrase. */
export function signInSeeker(ctx: ApiContext, body: SeekerSignIn) {
  return read(TokenResponseSchema, () => client(ctx).v1.seeker.sessions.$post({ json: body }));
}

/** `POST /v1/seeker/activation`: first sign-in with the code from Hello Work; sets the passphrase. */
export function activateSeeker(ctx: ApiContext, body: Activation) {
  return read(ActivationResultSchema, () => client(ctx).v1.seeker.activation.$post({ json: body }));
}

/** `GET /v1/me/sessions`: the signed-in user's sessions (R-SEC-1). */
export function listSessions(ctx: ApiContext) {
  return read(z.object({ items: z.array(SessionInfoSchema) }), () => client(ctx).v1.me.sessions.$get());
}

/** `DELETE /v1/me/sessions/{id}`: ends one session. */
export function endSession(ctx: ApiContext, id: string) {
  return noContent(() => client(ctx).v1.me.sessions[':id'].$delete({ param: { id } }));
}

/**
 * Ends the current session at the worker (sign-out on this device only).
 *
 * @example
 * await endCurrentSession(ctx);
 */
export async function endCurrentSession(ctx: ApiContext): Promise<void> {
  const { items } = await listSessions(ctx);
  const current = items.find((s) => s.current);
  if (current) await endSession(ctx, current.id);
}

// ── Agency ───────────────────────────────────────────────────────────────────────────────────

/** `GET /v1/agency/me`: status, services, contact methods, mandatory information (R-SAN-2). */
export function getAgencyAccount(ctx: ApiContext) {
  return read(AgencyAccountSchema, () => client(ctx).v1.agency.me.$get());
}

/** `GET /v1/agency/feed`: one page of the jobseeker feed (R-FEED-3). */
export function searchFeed(ctx: ApiContext, query: Record<string, string | string[]>) {
  return read(FeedPageSchema, () => client(ctx).v1.agency.feed.$get({ query: query as FeedQueryInput as never }));
}

/** `GET /v1/agency/feed/{profileId}`: opens a profile, which records the acquisition (R-RET-1). */
export function openProfile(ctx: ApiContext, profileId: string) {
  return read(OpenedProfileSchema, () => client(ctx).v1.agency.feed[':profileId'].$get({ param: { profileId } }));
}

/** `POST /v1/agency/acceptances`: records 求職受理 with its date (R-RET-2) and the fee statement (R-APP-5). */
export function recordAcceptance(ctx: ApiContext, profileId: string, acceptedOn: string, fees?: FeeStatement) {
  return read(AcceptanceResultSchema, () =>
    client(ctx).v1.agency.acceptances.$post({ json: { profileId, acceptedOn, ...(fees ? { fees } : {}) } }),
  );
}

/** `GET /v1/agency/acquisitions`: every acquisition with its deadline, held or deleted. */
export function listAcquisitions(ctx: ApiContext) {
  return read(AcquisitionListSchema, () => client(ctx).v1.agency.acquisitions.$get());
}

/** `GET /v1/agency/events?after=`: what the extension must act on, in `seq` order. */
export function fetchEvents(ctx: ApiContext, after: number, limit = 100) {
  return read(AgencyEventPageSchema, () => client(ctx).v1.agency.events.$get({ query: { after: String(after), limit: String(limit) } }));
}

/** `POST /v1/agency/events/{id}/ack`: confirms the local copy is deleted (idempotent, R-DEL-2). */
export function ackEvent(ctx: ApiContext, id: string, body: EventAck) {
  return read(EventAckResultSchema, () => client(ctx).v1.agency.events[':id'].ack.$post({ param: { id }, json: body }));
}

/** `GET /v1/agency/quota`: messages sent today, the limit, when it resets (R-CAP-1). */
export function getQuota(ctx: ApiContext) {
  return read(DailyQuotaSchema, () => client(ctx).v1.agency.quota.$get());
}

/** `GET /v1/agency/conversations`: the inbox, newest first, with unread counts. */
export function listAgencyConversations(ctx: ApiContext, cursor?: string) {
  return read(ConversationPageSchema, () =>
    client(ctx).v1.agency.conversations.$get({ query: { limit: '100', ...(cursor ? { cursor } : {}) } }),
  );
}

/** `GET /v1/agency/conversations/{id}`: one thread (marks it read). */
export function getAgencyConversation(ctx: ApiContext, id: string) {
  return read(ConversationThreadSchema, () => client(ctx).v1.agency.conversations[':id'].$get({ param: { id } }));
}

/**
 * `POST /v1/agency/conversations`: the first contact; the worker attaches the mandatory
 * information (R-MSG-1). Answers with the conversation, the message and the day's quota.
 */
export function sendFirstContact(ctx: ApiContext, body: FirstContactRequest) {
  return read(SendResultSchema, () => client(ctx).v1.agency.conversations.$post({ json: body }));
}

/** `POST /v1/agency/conversations/{id}/messages`: answers the jobseeker (R-MSG-2). */
export function sendAgencyReply(ctx: ApiContext, conversationId: string, body: ReplyRequest) {
  return read(SendResultSchema, () =>
    client(ctx).v1.agency.conversations[':id'].messages.$post({ param: { id: conversationId }, json: body }),
  );
}

/** `GET /v1/agency/complaints`: the complaint log (R-CMP-1). */
export function listComplaints(ctx: ApiContext) {
  return read(z.object({ items: z.array(AgencyComplaintSchema) }), () => client(ctx).v1.agency.complaints.$get());
}

/** `POST /v1/agency/complaints`: a new log entry. */
export function createComplaint(ctx: ApiContext, body: AgencyComplaintCreate) {
  return read(AgencyComplaintSchema, () => client(ctx).v1.agency.complaints.$post({ json: body }));
}

/** `PATCH /v1/agency/complaints/{id}`: adds a handling step. */
export function addComplaintHandling(ctx: ApiContext, id: string, body: AgencyComplaintUpdate) {
  return read(AgencyComplaintSchema, () => client(ctx).v1.agency.complaints[':id'].$patch({ param: { id }, json: body }));
}

/** `PUT /v1/agency/reports/{fiscalYear}`: the annual usage report (R-REP-1). */
export function submitAnnualReport(ctx: ApiContext, fiscalYear: number, body: AnnualReportRequest) {
  return read(AnnualReportRecordSchema, () =>
    client(ctx).v1.agency.reports[':fiscalYear'].$put({ param: { fiscalYear: String(fiscalYear) }, json: body }),
  );
}

/** `POST /v1/agency/change-requests`: asks the bureau to accept new mandatory information (R-APP-4). */
export function requestChange(ctx: ApiContext, body: ChangeRequest) {
  return read(ProcedureSchema, () => client(ctx).v1.agency['change-requests'].$post({ json: body }));
}

/** `GET /v1/agency/procedures`: the agency's change, renewal and withdrawal procedures and their state. */
export function listProcedures(ctx: ApiContext) {
  return read(z.object({ items: z.array(ProcedureSchema) }), () => client(ctx).v1.agency.procedures.$get());
}

// ── Jobseeker ────────────────────────────────────────────────────────────────────────────────
// The jobseeker's screens call extension/utils/seeker-api.ts, which checks answers without zod
// (decision 103); the background poller and the data-holders view use these two.

/** `GET /v1/seeker/conversations`: one line per agency with unread counts and its mandatory information (R-MSG-1). */
export function listSeekerConversations(ctx: ApiContext) {
  return read(SeekerConversationPageSchema, () => client(ctx).v1.seeker.conversations.$get({ query: { limit: '100' } }));
}

/**
 * `GET /v1/seeker/data-holders`: every agency that acquired this jobseeker's profile, when, whether
 * it recorded 求職受理, its retention deadline, whether its copy is held or deleted (and confirmed by
 * its extension), and the jobseeker's block and deletion request (R-RET-1/2/3, R-DEL-1/2, R-BLOCK-2).
 *
 * @example
 * const { asOf, items } = await listDataHolders(ctx);
 */
export function listDataHolders(ctx: ApiContext) {
  return read(DataHoldersSchema, () => client(ctx).v1.seeker['data-holders'].$get());
}

// ── Staff seats (R-ORG-2) ────────────────────────────────────────────────────────────────────

/** `GET /v1/agency/seats`: the organisation's staff seats, with today's sends and openings. */
export function listSeats(ctx: ApiContext) {
  return read(SeatListSchema, () => client(ctx).v1.agency.seats.$get());
}

/** `POST /v1/agency/seats`: the liaison officer adds a seat. */
export function addSeat(ctx: ApiContext, body: SeatCreate) {
  return read(SeatSchema, () => client(ctx).v1.agency.seats.$post({ json: body }));
}

/** `DELETE /v1/agency/seats/{id}`: the liaison officer removes a seat; its sessions end at once. */
export function removeSeat(ctx: ApiContext, id: string) {
  return noContent(() => client(ctx).v1.agency.seats[':id'].$delete({ param: { id } }));
}
