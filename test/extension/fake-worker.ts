/**
 * A stand-in for the worker in extension tests (the worker is not running here): an in-memory
 * implementation of the routes the extension calls, answering with the shared schemas' shapes and
 * problem details, and recording every request. Handed to the code under test as its `fetch`.
 */
import type { AgencyAccount } from '../../shared/schemas/agency-account';
import type { MandatoryInformation } from '../../shared/schemas/agency-mandatory-information';
import type { AgencyEvent } from '../../shared/schemas/event';
import type { Block, Conversation, ConversationThread, DeletionRequest } from '../../shared/schemas/message';
import type { Profile } from '../../shared/schemas/profile';
import type { DataHolder } from '../../shared/schemas/transparency';
import type { DailyQuota } from '../../shared/schemas/quota';
import { exampleMandatoryInformationShown, exampleProfile } from '../../shared/schemas/examples';
import { retentionDeadline } from '../../shared/rules/deadlines';
import { jstDate } from '../../shared/rules/time';
import type { Acquisition } from '../../extension/utils/api-schemas';

export const WORKER = 'http://worker.test';
export const AGENCY_ID = 'A7K3M9X2QAB';
export const AGENCY_TOKEN = `a.${AGENCY_ID}.${'x'.repeat(32)}`;

/** A profile with a given ID, valid for the shared schema. */
export function profileWithId(id: string): Profile {
  return { ...structuredClone(exampleProfile), id } as Profile;
}

/** The agency record `GET /v1/agency/me` answers with. */
export function agencyAccount(overrides: Partial<AgencyAccount> = {}): AgencyAccount {
  return {
    id: AGENCY_ID,
    name: '株式会社みらい人材',
    email: 'info@mirai.example.jp',
    prefecture: '13',
    status: 'active',
    suspension: null,
    revokedOn: null,
    withdrawnOn: null,
    licence: { kind: 'paid', number: '13-ユ-123456' },
    services: ['job_offer', 'jobseeker'],
    term: null,
    contactMethods: [
      { kind: 'phone', value: '03-1234-5678' },
      { kind: 'url', value: 'https://mirai.example.jp/contact' },
    ],
    mandatoryInformation: {
      version: 1,
      acceptedAt: '2026-04-01T00:00:00.000Z',
      content: structuredClone(exampleMandatoryInformationShown) as unknown as MandatoryInformation,
    },
    ...overrides,
  };
}

/**
 * One line of `GET /v1/seeker/data-holders`: by default an agency that opened the profile on
 * 2026-11-20 and still holds it until 2027-01-31 (R-RET-1), no 求職受理, no block, no request.
 */
export function dataHolder(overrides: Partial<DataHolder> = {}): DataHolder {
  return {
    agencyId: AGENCY_ID,
    agencyName: '株式会社みらい人材',
    agencyStatus: 'active',
    firstAcquiredOn: '2026-11-20',
    acquiredOn: '2026-11-20',
    acceptedOn: null,
    retentionDeadline: '2027-01-31',
    copy: { state: 'held', rule: null, deletedAt: null, extensionDeletedAt: null },
    block: null,
    deletionRequest: null,
    ...overrides,
  };
}

/** An event as a test writes it: the worker numbers and dates it. */
type NewEvent = AgencyEvent extends infer E
  ? E extends AgencyEvent
    ? Omit<E, 'seq' | 'createdAt' | 'ackedAt'> & Partial<Pick<E, 'createdAt' | 'ackedAt'>>
    : never
  : never;

type Problem = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/** Problem details as the worker writes them. */
export function problem(status: number, code: string, extras: Record<string, unknown> = {}, headers: Record<string, string> = {}): Problem {
  return {
    status,
    body: { type: `https://madoguchi.example/problems/${code}`, title: 'タイトル', status, detail: '詳細', code, ...extras },
    headers,
  };
}

export class FakeWorker {
  events: AgencyEvent[] = [];
  /** The first acknowledgement of each event (the worker keeps the first time). */
  acked = new Map<string, { ackedAt: string; deletedAt: string; deletedRecords: number }>();
  /** Every acknowledgement call, repeats included. */
  ackCalls: Array<{ id: string; deletedAt: string; deletedRecords: number }> = [];
  requests: Array<{ method: string; path: string; authorization: string | null; body: unknown }> = [];
  agency = agencyAccount();
  quota: DailyQuota = { day: '2026-11-27', used: 12, limit: 1000, remaining: 988, resetsAt: '2026-11-27T15:00:00.000Z' };
  conversations: Conversation[] = [];
  threads = new Map<string, ConversationThread>();
  acquisitions: Acquisition[] = [];
  profiles = new Map<string, Profile>();
  /** The jobseeker side. */
  seeker = {
    conversations: [] as Conversation[],
    threads: new Map<string, ConversationThread>(),
    blocks: [] as Block[],
    deletionRequests: [] as DeletionRequest[],
    profileId: '13-7K3QM2XPA9',
    /** What `GET /v1/seeker/data-holders` answers; a deletion request updates the agency's line as the worker does. */
    holders: [] as DataHolder[],
    complaints: [] as Array<{ agencyId: string; content: string }>,
    listed: true,
  };
  /** Answers to force, by `METHOD /path` (path without query). */
  overrides = new Map<string, Problem | 'network'>();
  now = () => new Date('2026-11-27T03:00:00.000Z');
  /** The hit count the feed answers with, when set (R-FEED-3). */
  feedTotal: number | null = null;
  /** False: `feedTotal` is the worker's bound and more match (R-FEED-3). */
  feedTotalExact = true;

  /** Adds an event; `seq` follows the last one. */
  addEvent(event: NewEvent): AgencyEvent {
    const full = { createdAt: this.now().toISOString(), ackedAt: null, ...event, seq: this.events.length + 1 } as AgencyEvent;
    this.events.push(full);
    return full;
  }

  /** A profile the agency can open, acquired (or not yet) on a day. */
  addProfile(id: string): Profile {
    const profile = profileWithId(id);
    this.profiles.set(id, profile);
    return profile;
  }

  fetch: typeof fetch = async (input, init) => {
    const request = new Request(input as string, init);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const text = method === 'GET' || method === 'DELETE' ? '' : await request.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    this.requests.push({ method, path: url.pathname + url.search, authorization: request.headers.get('authorization'), body });
    const forced = this.overrides.get(`${method} ${url.pathname}`);
    if (forced === 'network') throw new TypeError('Failed to fetch');
    if (forced) return this.json(forced.status, forced.body, forced.headers);
    return this.route(method, url, body);
  };

  private json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
  }

  private route(method: string, url: URL, body: unknown): Response {
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/v1/agency/events') {
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const items = this.events
        .filter((e) => e.seq > after)
        .slice(0, limit)
        .map((e) => {
          const ack = this.acked.get(e.id);
          return { ...e, ackedAt: ack ? ack.ackedAt : e.ackedAt };
        });
      return this.json(200, { items, lastSeq: items.length ? items[items.length - 1]!.seq : after });
    }
    if (method === 'POST' && (m = /^\/v1\/agency\/events\/([^/]+)\/ack$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      if (!this.events.some((e) => e.id === id)) return this.json(404, problem(404, 'event_not_found').body);
      const b = body as { deletedAt: string; deletedRecords: number };
      this.ackCalls.push({ id, ...b });
      if (!this.acked.has(id)) this.acked.set(id, { ackedAt: this.now().toISOString(), ...b });
      return this.json(200, { id, ackedAt: this.acked.get(id)!.ackedAt });
    }
    if (method === 'GET' && path === '/v1/health') return this.json(200, { ok: true, now: this.now().toISOString() });
    if (method === 'GET' && path === '/v1/agency/me') return this.json(200, this.agency);
    if (method === 'GET' && path === '/v1/agency/quota') return this.json(200, this.quota);
    if (method === 'GET' && path === '/v1/agency/conversations') return this.json(200, { items: this.conversations, nextCursor: null });
    if (method === 'GET' && (m = /^\/v1\/agency\/conversations\/([^/]+)$/.exec(path))) {
      const thread = this.threads.get(decodeURIComponent(m[1]!));
      return thread ? this.json(200, thread) : this.json(404, problem(404, 'not_found').body);
    }
    if (method === 'GET' && path === '/v1/agency/acquisitions') return this.json(200, { items: this.acquisitions });
    if (method === 'GET' && path === '/v1/agency/feed') {
      const items = [...this.profiles.values()].map(
        ({ id, occupations, industries, areas, employmentTypes, wage, ageBand, education, publishedOn, updatedOn }) => ({
          id,
          occupations,
          industries,
          areas,
          employmentTypes,
          wage,
          ageBand,
          education,
          publishedOn,
          updatedOn,
        }),
      );
      return this.json(200, {
        items,
        nextCursor: null,
        ...(this.feedTotal !== null ? { total: this.feedTotal, totalExact: this.feedTotalExact } : {}),
      });
    }
    if (method === 'GET' && (m = /^\/v1\/agency\/feed\/([^/]+)$/.exec(path))) {
      const id = decodeURIComponent(m[1]!);
      const profile = this.profiles.get(id);
      if (!profile) return this.json(404, problem(404, 'profile_not_found').body);
      let acquisition = this.acquisitions.find((a) => a.profileId === id);
      if (!acquisition) {
        const today = jstDate(this.now());
        acquisition = {
          profileId: id,
          acquiredOn: today,
          acceptedOn: null,
          retentionDeadline: retentionDeadline(today),
          state: 'held',
          deletedAt: null,
          deletedRule: null,
        };
        this.acquisitions.push(acquisition);
      }
      return this.json(200, { profile, acquisition });
    }
    if (method === 'POST' && path === '/v1/agency/acceptances') {
      const { profileId, acceptedOn, fees } = body as { profileId: string; acceptedOn: string; fees?: { kind: string } };
      const a = this.acquisitions.find((x) => x.profileId === profileId);
      if (!a) return this.json(404, problem(404, 'not_acquired').body);
      // The fake agency is a paid one (R-APP-5).
      if (!fees) return this.json(422, problem(422, 'fee_statement_required').body);
      const before = a.retentionDeadline;
      a.acceptedOn = acceptedOn;
      a.retentionDeadline = retentionDeadline(a.acquiredOn, acceptedOn);
      return this.json(200, { acquisition: a, extended: a.retentionDeadline !== before, fees });
    }
    if (method === 'POST' && path === '/v1/agency/conversations') {
      const { profileId, body: text } = body as { profileId: string; body: string };
      const id = `cv_new_${this.conversations.length + 1}`;
      const at = this.now().toISOString();
      const conversation: Conversation = {
        id,
        agencyId: AGENCY_ID,
        agencyName: this.agency.name,
        profileId,
        state: 'awaiting_seeker',
        mandatoryInformationVersion: 1,
        mandatoryInformationVersionSeen: 1,
        unread: 0,
        lastMessageAt: at,
      };
      const message = {
        id: `${id}_m1`,
        conversationId: id,
        from: 'agency' as const,
        kind: 'first_contact' as const,
        body: text,
        sentAt: at,
        mandatoryInformation: this.agency.mandatoryInformation!,
      };
      this.conversations.push(conversation);
      this.threads.set(id, { conversation, messages: [message], mandatoryInformation: this.agency.mandatoryInformation! });
      this.quota = { ...this.quota, used: this.quota.used + 1, remaining: this.quota.remaining - 1 };
      return this.json(201, { conversationId: id, message, quota: this.quota, warnings: [], replayed: false });
    }
    if (method === 'GET' && path === '/v1/seeker/conversations') {
      const items = this.seeker.conversations.map((c) => ({
        ...c,
        mandatoryInformation: this.seeker.threads.get(c.id)?.mandatoryInformation ?? this.agency.mandatoryInformation,
      }));
      return this.json(200, { items, nextCursor: null });
    }
    if (method === 'GET' && (m = /^\/v1\/seeker\/conversations\/([^/]+)$/.exec(path))) {
      const thread = this.seeker.threads.get(decodeURIComponent(m[1]!));
      return thread ? this.json(200, thread) : this.json(404, problem(404, 'not_found').body);
    }
    if (method === 'POST' && (m = /^\/v1\/seeker\/conversations\/([^/]+)\/messages$/.exec(path))) {
      const thread = this.seeker.threads.get(decodeURIComponent(m[1]!))!;
      const message = {
        id: `sm_${thread.messages.length + 1}`,
        conversationId: thread.conversation.id,
        from: 'seeker' as const,
        kind: 'reply' as const,
        body: (body as { body: string }).body,
        sentAt: this.now().toISOString(),
      };
      thread.messages.push(message);
      return this.json(201, { conversationId: thread.conversation.id, message });
    }
    if ((method === 'PUT' || method === 'DELETE') && (m = /^\/v1\/seeker\/conversations\/([^/]+)\/paid-service-consent$/.exec(path))) {
      const thread = this.seeker.threads.get(decodeURIComponent(m[1]!))!;
      thread.paidServiceConsentAt = method === 'PUT' ? this.now().toISOString() : null;
      return method === 'PUT'
        ? this.json(200, { conversationId: thread.conversation.id, consentedAt: thread.paidServiceConsentAt })
        : new Response(null, { status: 204 });
    }
    if (method === 'GET' && path === '/v1/seeker/blocks') return this.json(200, { items: this.seeker.blocks });
    if ((method === 'PUT' || method === 'DELETE') && (m = /^\/v1\/seeker\/blocks\/([^/]+)$/.exec(path))) {
      const agencyId = decodeURIComponent(m[1]!);
      this.seeker.blocks = this.seeker.blocks.filter((b) => b.agencyId !== agencyId);
      for (const c of this.seeker.conversations) if (c.agencyId === agencyId) c.state = method === 'PUT' ? 'blocked' : 'closed';
      if (method === 'DELETE') return this.json(204, null);
      const block: Block = { agencyId, agencyName: this.agency.name, blockedAt: this.now().toISOString(), agencyDeletedAt: null };
      this.seeker.blocks.push(block);
      return this.json(200, block);
    }
    if (method === 'POST' && path === '/v1/seeker/deletion-requests') {
      const { agencyId } = body as { agencyId: string };
      const at = this.now().toISOString();
      const holder = this.seeker.holders.find((h) => h.agencyId === agencyId);
      const record: DeletionRequest = {
        id: `dr_${this.seeker.deletionRequests.length + 1}`,
        agencyId,
        agencyName: holder?.agencyName ?? this.agency.name,
        state: 'requested',
        agencyHeldData: true,
        requestedAt: at,
        serverDeletedAt: at,
        agencyDeletedAt: null,
        completedAt: null,
        notice: null,
      };
      this.seeker.deletionRequests.push(record);
      if (holder) {
        // R-DEL-1: the worker removes the agency's access at once; its extension confirms later.
        holder.copy = { state: 'deleted', rule: 'R-DEL-1', deletedAt: at, extensionDeletedAt: null };
        const { id, state, requestedAt, serverDeletedAt, agencyDeletedAt, completedAt } = record;
        holder.deletionRequest = { id, state, requestedAt, serverDeletedAt, agencyDeletedAt, completedAt };
      }
      return this.json(201, record);
    }
    if (method === 'GET' && path === '/v1/seeker/deletion-requests') return this.json(200, { items: this.seeker.deletionRequests });
    if (method === 'GET' && path === '/v1/seeker/data-holders') {
      return this.json(200, { profileId: this.seeker.profileId, asOf: this.now().toISOString(), items: this.seeker.holders });
    }
    if (method === 'POST' && path === '/v1/seeker/complaints') {
      const complaint = body as { agencyId: string; content: string };
      this.seeker.complaints.push(complaint);
      return this.json(201, {
        id: `sc_${this.seeker.complaints.length}`,
        ...complaint,
        agencyName: this.agency.name,
        profileId: '13-7K3QM2XPA9',
        receivedAt: this.now().toISOString(),
        forwardedAt: null,
      });
    }
    if (method === 'DELETE' && path === '/v1/seeker/profile') {
      this.seeker.listed = false;
      return this.json(204, null);
    }
    if (method === 'POST' && (path === '/v1/seeker/sessions' || path === '/v1/seeker/activation')) {
      const { profileId } = body as { profileId: string };
      return this.json(201, {
        token: `s.${profileId}.${'y'.repeat(32)}`,
        expiresAt: '2099-01-01T00:00:00.000Z',
        role: 'seeker',
        profileId,
      });
    }
    if (method === 'POST' && path === '/v1/agency/sessions')
      return this.json(201, { token: AGENCY_TOKEN, expiresAt: '2026-11-27T15:00:00.000Z', role: 'agency' });
    if (method === 'GET' && path === '/v1/me/sessions') {
      return this.json(200, {
        items: [
          {
            id: 'S1',
            createdAt: '2026-11-27T01:00:00.000Z',
            lastSeenAt: '2026-11-27T03:00:00.000Z',
            expiresAt: '2026-11-27T13:00:00.000Z',
            current: true,
          },
        ],
      });
    }
    if (method === 'DELETE' && path.startsWith('/v1/me/sessions/')) return this.json(204, null);
    return this.json(404, problem(404, 'not_found').body);
  }

  /** Requests whose path starts with `prefix`. */
  calls(prefix: string) {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }
}
