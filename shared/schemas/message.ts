/**
 * Conversations between an agency and a jobseeker, and the bodies that send messages
 * (R-MSG-1..6, R-CAP-2).
 */
import { z } from 'zod';
import { CursorSchema, IdSchema, InstantSchema, PageLimitSchema, plainText } from './common';
import { MandatoryInformationVersionSchema } from './agency-mandatory-information';
import { ProfileIdSchema } from './profile-id';
import { SeatRefSchema } from './seat';
import { DailyQuotaSchema } from './quota';
import { MESSAGE_MAX_LENGTH } from './message-limits';

// Blocks and deletion requests end an agency's access to a conversation; their schemas are in
// access-ending.ts, re-exported here for the screens that import conversations and them together.
export * from './access-ending';

/** The longest message body, in characters (R-MSG-6). */
export { MESSAGE_MAX_LENGTH };

/**
 * A message body: plain text of 1 to 4,000 characters, never rendered as HTML (R-MSG-6). Whether it
 * holds contact details is checked by the rules (R-MSG-4), not here.
 *
 * @example
 * MessageBodySchema.parse('はじめまして。介護職の求人をご紹介できます。');
 */
export const MessageBodySchema = plainText(1, MESSAGE_MAX_LENGTH);

/**
 * A key the client picks per send, so a retried send is delivered and counted once (R-CAP-2):
 * 8 to 100 characters of letters, digits and `_ - . :`.
 *
 * @example
 * IdempotencyKeySchema.parse('0b9f6c1e-2f7d-4c53-9a55-1c3b0e6f8a21');
 */
export const IdempotencyKeySchema = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, { message: '冪等キーに使えない文字が含まれています' });

/**
 * Where a conversation stands: the agency's first message awaits the jobseeker (the agency may not
 * write again, R-MSG-2); open (the jobseeker wrote, the agency may answer); blocked by the jobseeker
 * (R-BLOCK-1); or closed (deleted on request or by retention, R-DEL-1, R-RET-*).
 *
 * @example
 * ConversationStateSchema.parse('awaiting_seeker');
 */
export const ConversationStateSchema = z.enum(['awaiting_seeker', 'open', 'blocked', 'closed']);
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/**
 * A conversation in an inbox. `mandatoryInformationVersion` is the version the conversation holds
 * (attached at first contact, replaced by each change notice); `mandatoryInformationVersionSeen`
 * the one the jobseeker has been shown, `null` until they open the thread (R-MSG-3).
 * `unread` counts messages the viewer has not read.
 *
 * @example
 * ConversationSchema.parse({
 *   id: 'cv_01', agencyId: 'ag_01', agencyName: '株式会社みらい人材', profileId: '13-7K3QM2XPA9',
 *   state: 'open', mandatoryInformationVersion: 2, mandatoryInformationVersionSeen: 2, unread: 0,
 *   lastMessageAt: '2026-04-01T03:00:00.000Z',
 * });
 */
export const ConversationSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  agencyName: z.string(),
  profileId: ProfileIdSchema,
  state: ConversationStateSchema,
  mandatoryInformationVersion: z.number().int().min(1),
  mandatoryInformationVersionSeen: z.number().int().min(1).nullable(),
  unread: z.number().int().min(0),
  lastMessageAt: InstantSchema,
});
export type Conversation = z.infer<typeof ConversationSchema>;

/**
 * A conversation in the jobseeker's inbox: with the agency's mandatory information as the
 * conversation holds it, so the jobseeker sees who writes and on what terms (R-MSG-1, R-MSG-3).
 *
 * @example
 * SeekerConversationSchema.parse({ ...conversation, mandatoryInformation: { version: 1, acceptedAt, content } });
 */
export const SeekerConversationSchema = ConversationSchema.extend({
  mandatoryInformation: MandatoryInformationVersionSchema,
});
export type SeekerConversation = z.infer<typeof SeekerConversationSchema>;

/**
 * A page of an inbox, newest conversation first (`nextCursor` is `null` on the last page).
 *
 * @example
 * ConversationPageSchema.parse({ items: [conversation], nextCursor: null });
 */
export const ConversationPageSchema = z.object({ items: z.array(ConversationSchema), nextCursor: CursorSchema.nullable() });
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

/** The jobseeker's inbox page, each conversation with its mandatory information. */
export const SeekerConversationPageSchema = z.object({ items: z.array(SeekerConversationSchema), nextCursor: CursorSchema.nullable() });
export type SeekerConversationPage = z.infer<typeof SeekerConversationPageSchema>;

/**
 * The query string of an inbox: a cursor from the previous page and a page size.
 *
 * @example
 * InboxQuerySchema.parse({ limit: '50' }); // { limit: 50 }
 */
export const InboxQuerySchema = z.strictObject({
  cursor: CursorSchema.optional(),
  limit: PageLimitSchema,
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

/**
 * Who wrote a message: the agency, the jobseeker, or the system (notices, R-MSG-3, R-DEL-2).
 */
export const MessageSenderSchema = z.enum(['agency', 'seeker', 'system']);
export type MessageSender = z.infer<typeof MessageSenderSchema>;

/**
 * What a message is: the agency's first contact (carrying the mandatory information, R-MSG-1), a
 * reply by either side, or a system notice (not counted toward the cap, R-CAP-3).
 */
export const MessageKindSchema = z.enum(['first_contact', 'reply', 'notice']);
export type MessageKind = z.infer<typeof MessageKindSchema>;

/**
 * What a system notice is about: the agency's mandatory information changed (R-MSG-3); the
 * jobseeker blocked the agency, or the agency confirmed it deleted their data after a block
 * (R-BLOCK-2); a deletion was requested or done (R-DEL-1, R-DEL-2); the conversation ended
 * because the agency's access ended (R-RET-*).
 */
export const NoticeTypeSchema = z.enum([
  'mandatory_info_changed',
  'blocked',
  'deleted_after_block',
  'deletion_requested',
  'deletion_server_removed',
  'deletion_completed',
  'deletion_not_confirmed',
  'conversation_closed',
]);
export type NoticeType = z.infer<typeof NoticeTypeSchema>;

/**
 * One message. A first contact, and a notice that the mandatory information changed, carry the
 * version they showed in `mandatoryInformation`; the system attaches it and the agency cannot edit
 * it (R-MSG-1, R-MSG-3).
 *
 * @example
 * MessageSchema.parse({ id: 'msg_01', conversationId: 'cv_01', from: 'seeker', kind: 'reply', body: '詳しく教えてください。', sentAt: '2026-04-01T03:00:00.000Z' });
 */
export const MessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  from: MessageSenderSchema,
  kind: MessageKindSchema,
  body: z.string(),
  sentAt: InstantSchema,
  mandatoryInformation: MandatoryInformationVersionSchema.optional(),
  notice: NoticeTypeSchema.optional(),
  /** R-ORG-2: in the agency's own view only, the staff seat that sent an agency message (absent from before seats). */
  sentBy: SeatRefSchema.optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/**
 * One thread: the conversation, its messages oldest first, and the agency's current mandatory
 * information (the jobseeker's inbox shows it with each agency, R-MSG-1).
 *
 * @example
 * ConversationThreadSchema.parse({ conversation, messages: [firstContact], mandatoryInformation });
 */
export const ConversationThreadSchema = z.object({
  conversation: ConversationSchema,
  messages: z.array(MessageSchema),
  mandatoryInformation: MandatoryInformationVersionSchema,
  /** R-MSG-7: for the jobseeker, when they consented in this conversation to hear about paid services (null: not). */
  paidServiceConsentAt: z.string().nullable().optional(),
});
export type ConversationThread = z.infer<typeof ConversationThreadSchema>;

/**
 * `POST /v1/agency/conversations`: the first contact to a profile.
 *
 * @example
 * FirstContactRequestSchema.parse({ profileId: '13-7K3QM2XPA9', body: 'はじめまして。…', idempotencyKey: 'fc-2026-04-01-0001' });
 */
export const FirstContactRequestSchema = z.strictObject({
  profileId: ProfileIdSchema,
  body: MessageBodySchema,
  idempotencyKey: IdempotencyKeySchema,
});
export type FirstContactRequest = z.infer<typeof FirstContactRequestSchema>;

/**
 * `POST /v1/agency/conversations/{id}/messages`: the agency answers the jobseeker.
 *
 * @example
 * ReplyRequestSchema.parse({ body: 'ご質問ありがとうございます。…', idempotencyKey: 'rp-2026-04-01-0001' });
 */
export const ReplyRequestSchema = z.strictObject({
  body: MessageBodySchema,
  idempotencyKey: IdempotencyKeySchema,
});
export type ReplyRequest = z.infer<typeof ReplyRequestSchema>;

/**
 * `POST /v1/seeker/conversations/{id}/messages`: the jobseeker asks or answers.
 *
 * @example
 * SeekerMessageRequestSchema.parse({ body: '勤務地について教えてください。' });
 */
export const SeekerMessageRequestSchema = z.strictObject({
  body: MessageBodySchema,
  /** Optional for the jobseeker: with it, a retried send is stored once (as for the agency's routes). */
  idempotencyKey: IdempotencyKeySchema.optional(),
});
export type SeekerMessageRequest = z.infer<typeof SeekerMessageRequestSchema>;

/**
 * A compose warning (R-MSG-5): a phrase that may break §8(2)② or §7(2)②, shown to the sender, never
 * a refusal. `start`/`end` index the body.
 *
 * @example
 * ComposeWarningSchema.parse({ kind: 'seminar_promotion', start: 3, end: 7, text: 'セミナー', message: '…' });
 */
export const ComposeWarningSchema = z.object({
  kind: z.enum(['seminar_promotion', 'goods_sales', 'dispatch_registration', 'paid_side_service']),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
  message: z.string(),
});
export type ComposeWarning = z.infer<typeof ComposeWarningSchema>;

/**
 * The answer to an agency's send (first contact or answer): the conversation, the message as
 * delivered, the day's quota after it (R-CAP-1), compose warnings (R-MSG-5), and whether this is
 * the stored answer to a retried idempotency key (delivered and counted once, R-CAP-2).
 *
 * @example
 * SendResultSchema.parse({ conversationId: 'C01', message, quota, warnings: [], replayed: false });
 */
export const SendResultSchema = z.object({
  conversationId: IdSchema,
  message: MessageSchema,
  quota: DailyQuotaSchema,
  warnings: z.array(ComposeWarningSchema),
  replayed: z.boolean(),
});
export type SendResult = z.infer<typeof SendResultSchema>;

/**
 * The answer to a jobseeker's message.
 *
 * @example
 * SeekerSendResultSchema.parse({ conversationId: 'C01', message });
 */
export const SeekerSendResultSchema = z.object({
  conversationId: IdSchema,
  message: MessageSchema,
  /** True when this key's message had already been stored (a retry). */
  replayed: z.boolean().optional(),
});
export type SeekerSendResult = z.infer<typeof SeekerSendResultSchema>;

/**
 * A conversation ID as the worker issues it: `C` and 16 random Crockford base32 characters
 * (80 bits), so an ID cannot be guessed; every route also checks that the conversation is the
 * caller's own.
 *
 * @example
 * ConversationIdSchema.parse('C7K3QM2XPA9B4C5D6');
 */
export const ConversationIdSchema = z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{16}$/, { message: '会話IDの形式が正しくありません' });
export type ConversationId = z.infer<typeof ConversationIdSchema>;

/**
 * `PUT /v1/seeker/conversations/{id}/paid-service-consent`: the jobseeker's prior consent, in this
 * conversation, to be told about the agency's paid services other than placement (R-MSG-7, §7(2)①ケ).
 *
 * @example
 * PaidServiceConsentSchema.parse({ conversationId: 'C7K3QM2XPA9RTD4F6', consentedAt: '2026-11-27T01:00:00.000Z' });
 */
export const PaidServiceConsentSchema = z.object({ conversationId: z.string(), consentedAt: z.string() });
export type PaidServiceConsent = z.infer<typeof PaidServiceConsentSchema>;
