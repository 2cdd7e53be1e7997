/**
 * The response shapes the jobseeker's popup reads, checked with the plain checks of `shape.ts`
 * instead of the full shared schemas (zod and every code list, about 40 KB gzip), so the popup
 * stays within its 50 KB budget. Each shape covers the members the seeker screens use; other
 * members are kept as the worker sent them. The types stay the shared schemas' (`z.infer` in
 * shared/schemas), and test/extension/seeker-shapes.test.ts checks that answers the shared
 * schemas accept pass here and broken ones do not.
 */
import { arr, bool, minStr, nullable, num, obj, oneOf, optional, str } from './shape';

const id = minStr(1);
const nullableStr = nullable(str);

const mandatoryInformation = obj({ version: num, content: obj({}) });
const conversationMembers = { id, agencyId: id, agencyName: str, profileId: str, state: str, unread: num, lastMessageAt: str };
const conversation = obj(conversationMembers);
const message = obj({ id, conversationId: id, from: str, kind: str, body: str, sentAt: str });

/** `POST /v1/seeker/sessions`. */
export const TokenShape = obj({ token: minStr(32), expiresAt: str, role: str, passwordChangeRequired: optional(bool) });
/** `POST /v1/seeker/activation`. */
export const ActivationResultShape = obj({ token: minStr(32), expiresAt: str, role: oneOf('seeker'), profileId: str });
/** `PUT /v1/me/password` (R-SEC-6). */
export const PasswordChangeResultShape = obj({ token: minStr(32), sessionsEnded: num });
/** `GET /v1/me/sessions` (R-SEC-1). */
export const SessionListShape = obj({ items: arr(obj({ id, current: bool })) });
/** `GET /v1/seeker/conversations` (R-MSG-1: each line carries the agency's mandatory information). */
export const SeekerConversationPageShape = obj({
  items: arr(obj({ ...conversationMembers, mandatoryInformation })),
  nextCursor: nullableStr,
});
/** `GET /v1/seeker/conversations/{id}` (R-MSG-1, R-MSG-3, R-MSG-7). */
export const ConversationThreadShape = obj({
  conversation,
  messages: arr(message),
  mandatoryInformation,
  paidServiceConsentAt: optional(nullableStr),
});
/** `POST /v1/seeker/conversations/{id}/messages` (R-MSG-4). */
export const SeekerSendResultShape = obj({ conversationId: id, message, replayed: optional(bool) });
/** `PUT /v1/seeker/conversations/{id}/paid-service-consent` (R-MSG-7). */
export const PaidServiceConsentShape = obj({ conversationId: str, consentedAt: str });
/** `PUT /v1/seeker/blocks/{agencyId}` (R-BLOCK-1). */
export const BlockShape = obj({ agencyId: id, agencyName: str, blockedAt: str, agencyDeletedAt: nullableStr });
/** `GET /v1/seeker/blocks` (R-BLOCK-2). */
export const BlockListShape = obj({ items: arr(BlockShape) });
const requestState = oneOf('requested', 'deleted');
/** `POST /v1/seeker/deletion-requests` (R-DEL-1). */
export const DeletionRequestShape = obj({
  id,
  agencyId: id,
  agencyName: str,
  state: requestState,
  agencyHeldData: bool,
  requestedAt: str,
  serverDeletedAt: nullableStr,
  agencyDeletedAt: nullableStr,
  completedAt: nullableStr,
  notice: nullableStr,
});
/** `GET /v1/seeker/deletion-requests` (R-DEL-2). */
export const DeletionRequestListShape = obj({ items: arr(DeletionRequestShape) });
/** `POST /v1/seeker/complaints` (R-CMP-1). */
export const SeekerComplaintShape = obj({ id, agencyId: id, content: str, receivedAt: str });
/** `GET /v1/seeker/data-holders` (R-RET-1/2/3, R-DEL-1/2, R-BLOCK-2). */
export const DataHoldersShape = obj({
  profileId: str,
  asOf: str,
  items: arr(
    obj({
      agencyId: id,
      agencyName: str,
      agencyStatus: str,
      firstAcquiredOn: str,
      acquiredOn: nullableStr,
      acceptedOn: nullableStr,
      retentionDeadline: nullableStr,
      copy: obj({ state: oneOf('held', 'deleted'), deletedAt: nullableStr, extensionDeletedAt: nullableStr }),
      block: nullable(obj({ blockedAt: str, agencyDeletedAt: nullableStr })),
      deletionRequest: nullable(obj({ id, state: requestState, requestedAt: str })),
    }),
  ),
});
