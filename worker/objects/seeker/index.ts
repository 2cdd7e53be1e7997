import { DurableObject } from 'cloudflare:workers';
import type { Block, DeletionRequest, MandatoryInformationVersion, Message, SeekerConversation } from '../../../shared/schemas';
import type { PasswordParams } from '../../lib/crypto';
import { migrate } from '../../lib/migrations';
import type { Refusal } from '../../lib/problem';
import { RateLimiter, SessionStore, type SessionRow } from '../../lib/sessions';
import * as account from './account';
import * as blocks from './blocks';
import * as notices from './conversation-notices';
import * as conversations from './conversations';
import * as delivery from './delivery';
import * as deletions from './deletions';
import * as paidServices from './paid-services';
import { SEEKER_MIGRATIONS } from './schema';
import { seekerRecord, type SeekerStore } from './store';
import type { DeliverInput, DeliverResult, SeekerPrincipal, ThreadViewer } from './types';

export type { DeliverInput, DeliverResult, SeekerPrincipal, SeekerRecord, SendKind, ThreadViewer } from './types';

/**
 * One jobseeker who activated their account: passphrase, sessions, and (messaging) their
 * conversations, blocks and deletion requests. Keyed by the profile's public ID. Each method
 * hands over to the module of its concept (account, conversations, blocks, deletions).
 */
export class SeekerObject extends DurableObject<Env> {
  private readonly tables: SeekerStore;
  private readonly sessionStore: SessionStore;
  private readonly limiter = new RateLimiter(300, 20);
  private migrated = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.tables = { sql: ctx.storage.sql, tx: (work) => ctx.storage.transactionSync(work) };
    this.sessionStore = new SessionStore(ctx.storage.sql);
  }

  /**
   * The object's tables, migrated on first use (decision 92): in the same synchronous step as the
   * first method's own writes, so a jobseeker's object created by a first contact commits its schema
   * and the message together, once.
   */
  private get store(): SeekerStore {
    if (!this.migrated) {
      migrate(this.ctx.storage.sql, SEEKER_MIGRATIONS, (work) => this.ctx.storage.transactionSync(work));
      this.migrated = true;
    }
    return this.tables;
  }

  private get sessions(): SessionStore {
    void this.store;
    return this.sessionStore;
  }

  // ---- account ---------------------------------------------------------------------------------

  /** Activates the account with a passphrase, once. @example await stub.activate('13-7K3QM2XPA9', hash, now); */
  async activate(
    profileId: string,
    passphraseHash: string,
    now: number,
  ): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
    return account.activate(this.store, this.sessions, profileId, passphraseHash, now);
  }

  /** The salt and iterations of the passphrase hash, for the worker to hash a candidate (R-SEC-5). */
  async passwordParams(): Promise<PasswordParams | null> {
    return account.passphraseParams(this.store);
  }

  /** Changes the passphrase; other sessions end (R-SEC-6). */
  async changePassword(
    candidate: string | null,
    newHash: string,
    keepSessionId: string | null,
  ): Promise<{ ok: true; ended: number } | Refusal> {
    return account.changePassphrase(this.store, this.sessions, candidate, newHash, keepSessionId);
  }

  /** Signs in with a candidate hash made by the worker (R-SEC-5). */
  async signInWithHash(
    candidate: string,
    now: number,
    label: string | null,
  ): Promise<{ ok: true; token: string; expiresAt: number } | Refusal> {
    return account.signInWithHash(this.store, this.sessions, candidate, now, label);
  }

  /** Checks a bearer token and the request rate (R-SEC-2, R-OPS-2). */
  async authenticate(token: string, now: number, wallClock: number): Promise<SeekerPrincipal | Refusal> {
    return account.authenticate(this.store, this.sessions, this.limiter, token, now, wallClock);
  }

  async listSessions(now: number): Promise<SessionRow[]> {
    return this.sessions.list(seekerRecord(this.store)?.profileId ?? '', now);
  }

  async endSessions(id: string | null): Promise<number> {
    const accountId = seekerRecord(this.store)?.profileId ?? '';
    return id === null ? this.sessions.endAll(accountId) : Number(this.sessions.end(accountId, id));
  }

  /** Marks that the jobseeker left the feed (their conversations stay readable). */
  async leaveFeed(): Promise<void> {
    account.leaveFeed(this.store);
  }

  // ---- conversations (R-MSG-*, R-BLOCK-1, R-CAP-2) ----------------------------------------------

  /** Delivers an agency's message or refuses it (R-MSG-1, R-MSG-2, R-BLOCK-1, R-CAP-2). */
  async deliver(input: DeliverInput, now: number): Promise<DeliverResult | Refusal> {
    return delivery.deliver(this.store, input, now);
  }

  /** The jobseeker writes (R-MSG-2, R-MSG-4). */
  async post(
    conversationId: string,
    body: string,
    now: number,
    key?: string,
  ): Promise<{ ok: true; conversationId: string; agencyId: string; message: Message; replayed: boolean } | Refusal> {
    return conversations.post(this.store, conversationId, body, now, key);
  }

  /** The inbox, newest first. */
  async inbox(
    after: { at: number; id: string } | null,
    limit: number,
  ): Promise<{ items: SeekerConversation[]; next: { at: number; id: string } | null }> {
    return conversations.inbox(this.store, after, limit);
  }

  /** R-RET-1: the agencies that wrote to this jobseeker, for the data-holders view. */
  async conversationAgencies(): Promise<Array<{ agencyId: string; since: number }>> {
    return conversations.conversationAgencies(this.store);
  }

  /** One thread, oldest message first (R-MSG-3 records what the jobseeker saw). */
  async thread(
    conversationId: string,
    viewer: ThreadViewer,
    _now: number,
  ): Promise<
    | {
        ok: true;
        conversation: SeekerConversation;
        messages: Message[];
        agencyId: string;
        seenVersion: number | null;
        seenChanged: boolean;
      }
    | Refusal
  > {
    return conversations.thread(this.store, conversationId, viewer);
  }

  /** R-MSG-3: a notice with the agency's new mandatory information. */
  async noticeMandatoryInformation(
    conversationId: string,
    agencyId: string,
    agencyName: string,
    info: MandatoryInformationVersion,
    now: number,
  ): Promise<{ ok: true; notified: boolean }> {
    return notices.noticeMandatoryInformation(this.store, conversationId, agencyId, agencyName, info, now);
  }

  /** R-RET-1..3: the agency's conversations end with a notice. */
  async closeConversations(
    agencyId: string,
    rule: string,
    now: number,
    details: { deadline?: string } = {},
  ): Promise<{ ok: true; closed: number }> {
    return notices.closeConversations(this.store, agencyId, rule, now, details);
  }

  /** R-MSG-7: the jobseeker consents in a conversation to hear about the agency's paid services. */
  async consentToPaidServices(
    conversationId: string,
    now: number,
  ): Promise<{ ok: true; conversationId: string; consentedAt: string } | Refusal> {
    return paidServices.consent(this.store, conversationId, now);
  }

  /** R-MSG-7: the jobseeker withdraws that consent. */
  async withdrawPaidServiceConsent(conversationId: string): Promise<{ ok: true; withdrawn: boolean }> {
    return paidServices.withdrawConsent(this.store, conversationId);
  }

  /** R-MSG-7: when the jobseeker consented in a conversation, or null. */
  async paidServiceConsent(conversationId: string): Promise<string | null> {
    return paidServices.consentOf(this.store, conversationId);
  }

  // ---- blocks (R-BLOCK-1, R-BLOCK-3) --------------------------------------------------------------

  /** R-BLOCK-1: blocks an agency; idempotent. */
  async block(
    agencyId: string,
    agencyName: string,
    now: number,
  ): Promise<{ ok: true; block: Block; conversationIds: string[]; created: boolean }> {
    return blocks.block(this.store, agencyId, agencyName, now);
  }

  /** R-BLOCK-3: lifts a block. */
  async unblock(agencyId: string, now: number): Promise<{ ok: true; removed: boolean }> {
    return blocks.unblock(this.store, agencyId, now);
  }

  /** The agencies this jobseeker blocks, newest first. */
  async blocks(): Promise<Block[]> {
    return blocks.blockList(this.store);
  }

  // ---- deletion requests (R-DEL-1, R-DEL-2) -------------------------------------------------------

  /** R-DEL-1: asks an agency to delete the jobseeker's data. */
  async requestDeletion(
    agencyId: string,
    agencyName: string,
    now: number,
  ): Promise<{ ok: true; request: DeletionRequest; conversationIds: string[]; created: boolean }> {
    return deletions.requestDeletion(this.store, agencyId, agencyName, now);
  }

  /** R-DEL-2: records what the worker did on a deletion request, and tells the jobseeker. */
  async deletionRecorded(
    requestId: string,
    held: boolean,
    serverDeletedAt: number,
    now: number,
  ): Promise<{ ok: true; request: DeletionRequest | null; notified: boolean }> {
    return deletions.deletionRecorded(this.store, requestId, held, serverDeletedAt, now);
  }

  /** R-DEL-2: the agency's extension has not confirmed within 24 hours; the jobseeker is told. */
  async deletionNotConfirmed(requestId: string, agencyId: string, now: number): Promise<{ ok: true; notified: boolean }> {
    return deletions.deletionNotConfirmed(this.store, requestId, agencyId, now);
  }

  /** One deletion request with its notices (R-DEL-2), or null. */
  async deletionRequest(requestId: string): Promise<DeletionRequest | null> {
    return deletions.deletionRequests(this.store).find((r) => r.id === requestId) ?? null;
  }

  /** R-DEL-2, R-BLOCK-2: the agency's extension deleted its copy; the jobseeker is told. */
  async agencyDeleted(
    input: { type: 'block' | 'deletion_request'; agencyId: string; requestId?: string; at: number },
    now: number,
  ): Promise<{ ok: true; notified: boolean }> {
    return deletions.agencyDeleted(this.store, input, now);
  }

  /** Deletion requests, newest first (R-DEL-2). */
  async deletionRequests(): Promise<DeletionRequest[]> {
    return deletions.deletionRequests(this.store);
  }
}
