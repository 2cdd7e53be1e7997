import { DurableObject } from 'cloudflare:workers';
import { jstDate } from '../../../shared/rules';
import type {
  AdminReportRequest,
  AgencyReportRequest,
  CorrectionAnswer,
  CorrectionDecision,
  CorrectionRequest,
  CorrectionRequestInput,
  ReportRequestInput,
} from '../../../shared/schemas';
import { migrate, type MigrationStep } from '../../lib/migrations';
import type { Refusal } from '../../lib/problem';
import * as corrections from './corrections';
import type { Addressee } from './corrections';
import * as reports from './report-requests';

const MIGRATIONS: MigrationStep[] = [(sql) => sql.exec(corrections.CORRECTIONS_TABLE), (sql) => sql.exec(reports.REPORT_REQUEST_TABLES)];

const today = (now: number) => jstDate(new Date(now));

/**
 * The bureau's correspondence with agencies between reports (§3, §8, §14, §19(2)): correction
 * requests and measures (R-COR-1, R-COR-3) and reports on request (R-COR-2). One object for the
 * service, as the registry is: bureau work, never on the path of a search or a send. Each method
 * hands over to the module of its concept.
 */
export class Correspondence extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => migrate(ctx.storage.sql, MIGRATIONS));
  }

  async createCorrection(
    input: CorrectionRequestInput,
    to: Addressee,
    by: string,
    now: number,
  ): Promise<{ ok: true; request: CorrectionRequest } | Refusal> {
    return corrections.create(this.sql, input, to, by, now, today(now));
  }

  async correction(id: string, now: number): Promise<CorrectionRequest | null> {
    return corrections.one(this.sql, id, today(now));
  }

  async correctionsOf(agencyId: string, now: number): Promise<CorrectionRequest[]> {
    return corrections.ofAgency(this.sql, agencyId, today(now));
  }

  async correctionsInScope(prefecture: string | null, now: number): Promise<CorrectionRequest[]> {
    return corrections.inScope(this.sql, prefecture, today(now));
  }

  async answerCorrection(
    id: string,
    agencyId: string,
    input: CorrectionAnswer,
    now: number,
  ): Promise<{ ok: true; request: CorrectionRequest } | Refusal> {
    return corrections.answer(this.sql, id, agencyId, input, now, today(now));
  }

  async decideCorrection(
    id: string,
    input: CorrectionDecision,
    by: string,
    now: number,
  ): Promise<{ ok: true; request: CorrectionRequest } | Refusal> {
    return corrections.decide(this.sql, id, input, by, now, today(now));
  }

  async createReportRequest(
    input: Omit<ReportRequestInput, 'target'>,
    targets: Addressee[],
    by: string,
    now: number,
  ): Promise<{ ok: true; request: AdminReportRequest } | Refusal> {
    return reports.create(this.sql, input, targets, by, now, today(now));
  }

  async reportRequestsOf(agencyId: string, now: number): Promise<AgencyReportRequest[]> {
    return reports.ofAgency(this.sql, agencyId, today(now));
  }

  async answerReportRequest(
    id: string,
    agencyId: string,
    answers: string[],
    now: number,
  ): Promise<{ ok: true; request: AgencyReportRequest } | Refusal> {
    return reports.answer(this.sql, id, agencyId, answers, now, today(now));
  }

  async reportRequestsForBureau(prefecture: string | null, now: number): Promise<AdminReportRequest[]> {
    return reports.forBureau(this.sql, prefecture, today(now));
  }
}
