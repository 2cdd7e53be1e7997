/**
 * The worker's API as the jobseeker's popup calls it: the same routes as `utils/api.ts` (paths
 * are the contract in API.md), called with plain `fetch` and checked with the plain shapes in
 * `seeker-shapes.ts`, so the popup loads neither the `hc` client nor the shared zod schemas.
 * Every refusal becomes the same `ApiProblem` with the worker's stable `code`.
 */
import type {
  ConversationThread,
  Block,
  BlockList,
  DeletionRequest,
  DeletionRequestList,
  PaidServiceConsent,
  SeekerConversationPage,
  SeekerSendResult,
} from '../../shared/schemas/message';
import type { SeekerComplaintRecord } from '../../shared/schemas/complaint';
import type {
  Activation,
  ActivationResult,
  PasswordChange,
  PasswordChangeResult,
  SeekerSignIn,
  TokenResponse,
} from '../../shared/schemas/session';
import type { DataHolders } from '../../shared/schemas/transparency';
import type { ApiContext } from './api';
import { ApiProblem, invalidResponseProblem, networkProblem, problemFromResponse } from './problem';
import type { Shape } from './shape';
import * as S from './seeker-shapes';

async function call(ctx: ApiContext, method: string, path: string, json?: unknown): Promise<Response> {
  const headers: Record<string, string> = ctx.token ? { Authorization: `Bearer ${ctx.token}` } : {};
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const fetcher = ctx.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let res: Response;
  try {
    res = await fetcher(`${ctx.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
  } catch (error) {
    if (error instanceof ApiProblem) throw error;
    throw networkProblem();
  }
  if (!res.ok) throw await problemFromResponse(res);
  return res;
}

/** One call whose answer must match `shape` (an answer that does not is `invalid_response`). */
async function read<T>(shape: Shape, ctx: ApiContext, method: string, path: string, json?: unknown): Promise<T> {
  const res = await call(ctx, method, path, json);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw invalidResponseProblem(res.status);
  }
  if (!shape(body)) throw invalidResponseProblem(res.status);
  return body as T;
}

const seg = encodeURIComponent;

/** `POST /v1/seeker/sessions`: a jobseeker signs in with the profile ID and passphrase. */
export const signInSeeker = (ctx: ApiContext, body: SeekerSignIn) =>
  read<TokenResponse>(S.TokenShape, ctx, 'POST', '/v1/seeker/sessions', body);

/** `POST /v1/seeker/activation`: first sign-in with the code from Hello Work; sets the passphrase. */
export const activateSeeker = (ctx: ApiContext, body: Activation) =>
  read<ActivationResult>(S.ActivationResultShape, ctx, 'POST', '/v1/seeker/activation', body);

/** Ends the current session at the worker (`GET /v1/me/sessions`, then `DELETE /v1/me/sessions/{id}`, R-SEC-1). */
export async function endCurrentSeekerSession(ctx: ApiContext): Promise<void> {
  const { items } = await read<{ items: Array<{ id: string; current: boolean }> }>(S.SessionListShape, ctx, 'GET', '/v1/me/sessions');
  const current = items.find((s) => s.current);
  if (current) await call(ctx, 'DELETE', `/v1/me/sessions/${seg(current.id)}`);
}

/** `PUT /v1/me/password`: the jobseeker's new passphrase (R-SEC-6); other sessions end. */
export const changeSeekerPassphrase = (ctx: ApiContext, body: PasswordChange) =>
  read<PasswordChangeResult>(S.PasswordChangeResultShape, ctx, 'PUT', '/v1/me/password', body);

/** `DELETE /v1/seeker/profile`: leaves the feed (messages stay readable). */
export const leaveFeed = async (ctx: ApiContext): Promise<void> => void (await call(ctx, 'DELETE', '/v1/seeker/profile'));

/** `GET /v1/seeker/conversations`: one line per agency with unread counts and its mandatory information (R-MSG-1). */
export const listSeekerConversations = (ctx: ApiContext) =>
  read<SeekerConversationPage>(S.SeekerConversationPageShape, ctx, 'GET', '/v1/seeker/conversations?limit=100');

/** `GET /v1/seeker/conversations/{id}`: a thread with the agency's mandatory information (R-MSG-1, R-MSG-3). */
export const getSeekerConversation = (ctx: ApiContext, id: string) =>
  read<ConversationThread>(S.ConversationThreadShape, ctx, 'GET', `/v1/seeker/conversations/${seg(id)}`);

/** `POST /v1/seeker/conversations/{id}/messages`: ask or answer (R-MSG-4); a retry with the same key is stored once. */
export const sendSeekerMessage = (ctx: ApiContext, conversationId: string, body: string, idempotencyKey?: string) =>
  read<SeekerSendResult>(
    S.SeekerSendResultShape,
    ctx,
    'POST',
    `/v1/seeker/conversations/${seg(conversationId)}/messages`,
    idempotencyKey ? { body, idempotencyKey } : { body },
  );

/** `PUT /v1/seeker/conversations/{id}/paid-service-consent`: the jobseeker agrees to hear about paid services (R-MSG-7). */
export const consentToPaidServices = (ctx: ApiContext, conversationId: string) =>
  read<PaidServiceConsent>(S.PaidServiceConsentShape, ctx, 'PUT', `/v1/seeker/conversations/${seg(conversationId)}/paid-service-consent`);

/** `DELETE /v1/seeker/conversations/{id}/paid-service-consent`: withdraws that consent (R-MSG-7). */
export const withdrawPaidServiceConsent = async (ctx: ApiContext, conversationId: string): Promise<void> =>
  void (await call(ctx, 'DELETE', `/v1/seeker/conversations/${seg(conversationId)}/paid-service-consent`));

/** `GET /v1/seeker/blocks`. */
export const listBlocks = (ctx: ApiContext) => read<BlockList>(S.BlockListShape, ctx, 'GET', '/v1/seeker/blocks');

/** `PUT /v1/seeker/blocks/{agencyId}`: blocks an agency (R-BLOCK-1). */
export const blockAgency = (ctx: ApiContext, agencyId: string) =>
  read<Block>(S.BlockShape, ctx, 'PUT', `/v1/seeker/blocks/${seg(agencyId)}`);

/** `DELETE /v1/seeker/blocks/{agencyId}`: lifts a block (R-BLOCK-3). */
export const unblockAgency = async (ctx: ApiContext, agencyId: string): Promise<void> =>
  void (await call(ctx, 'DELETE', `/v1/seeker/blocks/${seg(agencyId)}`));

/** `POST /v1/seeker/deletion-requests`: asks an agency to delete this jobseeker's data (R-DEL-1). */
export const requestDeletion = (ctx: ApiContext, agencyId: string) =>
  read<DeletionRequest>(S.DeletionRequestShape, ctx, 'POST', '/v1/seeker/deletion-requests', { agencyId });

/** `GET /v1/seeker/deletion-requests`: what was done and when (R-DEL-2). */
export const listDeletionRequests = (ctx: ApiContext) =>
  read<DeletionRequestList>(S.DeletionRequestListShape, ctx, 'GET', '/v1/seeker/deletion-requests');

/** `POST /v1/seeker/complaints`: a complaint to the bureau about an agency (R-CMP-1). */
export const complainToBureau = (ctx: ApiContext, agencyId: string, content: string) =>
  read<Omit<SeekerComplaintRecord, 'forwardedBy'>>(S.SeekerComplaintShape, ctx, 'POST', '/v1/seeker/complaints', { agencyId, content });

/** `GET /v1/seeker/data-holders`: every agency that acquired this jobseeker's profile (R-RET-1/2/3, R-DEL-1/2, R-BLOCK-2). */
export const listDataHolders = (ctx: ApiContext) => read<DataHolders>(S.DataHoldersShape, ctx, 'GET', '/v1/seeker/data-holders');
