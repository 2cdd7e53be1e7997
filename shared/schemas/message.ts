/**
 * Conversations between an agency and a jobseeker, and the bodies that send messages
 * (R-MSG-1..6, R-CAP-2).
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, plainText } from './common';
import { MandatoryInformationVersionSchema } from './agency';
import { ProfileIdSchema } from './profile-id';

/** The longest message body, in characters (R-MSG-6). */
export const MESSAGE_MAX_LENGTH = 4000;

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
 * A conversation in an inbox. `mandatoryInformationVersion` is the agency's current accepted
 * version; `mandatoryInformationVersionSeen` the one the jobseeker has been shown (R-MSG-3).
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
  mandatoryInformationVersionSeen: z.number().int().min(1),
  unread: z.number().int().min(0),
  lastMessageAt: InstantSchema,
});
export type Conversation = z.infer<typeof ConversationSchema>;

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
});
export type SeekerMessageRequest = z.infer<typeof SeekerMessageRequestSchema>;
