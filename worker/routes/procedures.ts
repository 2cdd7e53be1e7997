import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { accountKey, throttle } from '../flows/sign-in';
import {
  AgencyComplaintCreateSchema,
  AgencyComplaintSchema,
  AgencyComplaintUpdateSchema,
  AnnualReportRecordSchema,
  AnnualReportRequestSchema,
  ChangeRequestSchema,
  CompromiseReportRecordSchema,
  CompromiseReportSchema,
  IsoDateSchema,
  ProcedureSchema,
  RenewalRequestSchema,
  ReportYearParamSchema,
  SeekerComplaintRecordSchema,
  SeekerComplaintSchema,
  StatusChangeResultSchema,
  WithdrawalRequestSchema,
} from '../../shared/schemas';
import type { PrefectureCode } from '../../shared/data/prefectures';
import type { AppEnv } from '../lib/context';
import { authedErrors, bearer, group, json } from '../lib/context';
import { unwrap } from '../lib/problem';
import { registry, requireAnyRole, requireRole } from '../middleware/auth';
import { checkReportAgainstHires } from '../flows/job-orders';
import { agencyStub as agencyById, seekerStub } from '../lib/stubs';

const agencyOnly = [requireRole('agency')];
const seekerOnly = [requireRole('seeker')];

function agencyStub(c: Context<AppEnv>) {
  return agencyById(c.env, c.var.agency.id);
}

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const changeRequest = createRoute({
  method: 'post',
  path: '/v1/agency/change-requests',
  tags: ['procedures'],
  summary: '変更申請（必須情報・連絡方法・責任者など）。管轄労働局が受理したときに効力が生じる',
  security: bearer,
  middleware: agencyOnly,
  request: body(ChangeRequestSchema),
  responses: {
    201: json(ProcedureSchema, '受け付けた変更申請と完了期限'),
    ...authedErrors,
    409: authedErrors[400],
    422: authedErrors[400],
  },
});

const renewal = createRoute({
  method: 'post',
  path: '/v1/agency/renewals',
  tags: ['procedures'],
  summary: '更新申請。求職情報提供サービスは申請日から過去3か月以内の常用就職の実績が必要',
  security: bearer,
  middleware: agencyOnly,
  request: body(RenewalRequestSchema),
  responses: {
    201: json(ProcedureSchema, '受け付けた更新申請と完了期限'),
    ...authedErrors,
    409: authedErrors[400],
    422: authedErrors[400],
  },
});

const withdrawal = createRoute({
  method: 'post',
  path: '/v1/agency/withdrawal',
  tags: ['procedures'],
  summary: '退会。ただちに効力が生じ、提供を受けた求職者情報はすべて削除される。アカウントIDは5年間保持される',
  security: bearer,
  middleware: agencyOnly,
  request: body(WithdrawalRequestSchema),
  responses: {
    200: json(z.object({ procedure: ProcedureSchema, result: StatusChangeResultSchema, emailReservedUntil: IsoDateSchema })),
    ...authedErrors,
    409: authedErrors[400],
  },
});

const myProcedures = createRoute({
  method: 'get',
  path: '/v1/agency/procedures',
  tags: ['procedures'],
  summary: '自社の変更・更新・退会の手続と、その状態',
  security: bearer,
  middleware: agencyOnly,
  responses: { 200: json(z.object({ items: z.array(ProcedureSchema) })), ...authedErrors },
});

const fileReport = createRoute({
  method: 'put',
  path: '/v1/agency/reports/{fiscalYear}',
  tags: ['procedures'],
  summary: '年度の利用状況の報告（4月20日まで）。0件でも報告が必要。手数料は有料職業紹介事業者のみ。再送すると訂正になる',
  security: bearer,
  middleware: agencyOnly,
  request: { params: ReportYearParamSchema, ...body(AnnualReportRequestSchema) },
  responses: {
    200: json(AnnualReportRecordSchema, '訂正した報告'),
    201: json(AnnualReportRecordSchema, '受け付けた報告'),
    ...authedErrors,
    409: authedErrors[400],
    422: authedErrors[400],
  },
});

const complaintLog = createRoute({
  method: 'get',
  path: '/v1/agency/complaints',
  tags: ['procedures'],
  summary: '苦情の記録（受付日、内容、対応の経過）。労働局から連絡された苦情も載る',
  security: bearer,
  middleware: agencyOnly,
  responses: { 200: json(z.object({ items: z.array(AgencyComplaintSchema) })), ...authedErrors },
});

const addComplaint = createRoute({
  method: 'post',
  path: '/v1/agency/complaints',
  tags: ['procedures'],
  summary: '苦情を記録する',
  security: bearer,
  middleware: agencyOnly,
  request: body(AgencyComplaintCreateSchema),
  responses: { 201: json(AgencyComplaintSchema, '記録した苦情'), ...authedErrors, 422: authedErrors[400] },
});

const addHandling = createRoute({
  method: 'patch',
  path: '/v1/agency/complaints/{id}',
  tags: ['procedures'],
  summary: '苦情への対応の経過を1件追記する（記録済みの内容は書き換えない）',
  security: bearer,
  middleware: agencyOnly,
  request: { params: z.object({ id: z.string().regex(/^C[0-9A-Z]{10}$/) }), ...body(AgencyComplaintUpdateSchema) },
  responses: { 200: json(AgencyComplaintSchema), ...authedErrors, 422: authedErrors[400] },
});

const seekerComplaint = createRoute({
  method: 'post',
  path: '/v1/seeker/complaints',
  tags: ['procedures'],
  summary: '事業者についての苦情を労働局に申し出る（その事業者の管轄労働局に届く）',
  security: bearer,
  middleware: seekerOnly,
  request: body(SeekerComplaintSchema),
  responses: { 201: json(SeekerComplaintRecordSchema.omit({ forwardedBy: true }), '受け付けた苦情'), ...authedErrors },
});

const compromiseReport = createRoute({
  method: 'post',
  path: '/v1/me/compromise-reports',
  tags: ['sessions'],
  summary: 'アカウントの不正利用の疑いを報告する。報告すると、この端末以外のセッションはすべて終了する',
  security: bearer,
  middleware: [requireAnyRole],
  request: body(CompromiseReportSchema),
  responses: { 201: json(CompromiseReportRecordSchema, '受け付けた報告'), ...authedErrors },
});

/** Ends every session of the caller except the one making this request; returns how many ended. */
async function endOtherSessions(c: Context<AppEnv>): Promise<number> {
  const now = c.var.now.getTime();
  const current = c.var.sessionId;
  if (c.var.agency) {
    const stub = agencyStub(c);
    const seat = c.var.seat.id;
    const others = (await stub.listSessions(seat, now)).filter((s) => s.id !== current);
    return (await Promise.all(others.map((s) => stub.endSessions(seat, s.id)))).reduce((a, b) => a + b, 0);
  }
  if (c.var.seeker) {
    const stub = seekerStub(c.env, c.var.seeker.profileId);
    const others = (await stub.listSessions(now)).filter((s) => s.id !== current);
    return (await Promise.all(others.map((s) => stub.endSessions(s.id)))).reduce((a, b) => a + b, 0);
  }
  const reg = registry(c.env);
  const others = (await reg.staffSessions(c.var.staff.id, now)).filter((s) => s.id !== current);
  return (await Promise.all(others.map((s) => reg.endStaffSessions(c.var.staff.id, s.id)))).reduce((a, b) => a + b, 0);
}

/**
 * The agency's procedures (R-APP-4, R-ELIG-4, R-RET-3), annual report (R-REP-1) and complaint log
 * (R-CMP-1); the jobseeker's complaint to the bureau (R-CMP-1); compromise reports (R-SEC-1).
 */
export const procedureRoutes = group()
  .openapi(changeRequest, async (c) => {
    const r = unwrap(await registry(c.env).submitProcedure(c.var.agency.id, 'change', c.req.valid('json'), c.var.now.getTime()));
    return c.json(r.procedure, 201);
  })
  .openapi(renewal, async (c) => {
    const r = unwrap(await registry(c.env).submitProcedure(c.var.agency.id, 'renewal', c.req.valid('json'), c.var.now.getTime()));
    return c.json(r.procedure, 201);
  })
  .openapi(withdrawal, async (c) => {
    const r = unwrap(await registry(c.env).withdraw(c.var.agency.id, c.req.valid('json').reason ?? null, c.var.now.getTime()));
    return c.json({ procedure: r.procedure, result: r.change, emailReservedUntil: r.emailReservedUntil }, 200);
  })
  .openapi(myProcedures, async (c) => c.json({ items: await registry(c.env).agencyProcedures(c.var.agency.id) }, 200))
  .openapi(fileReport, async (c) => {
    // R-REP-1: hires recorded through the job-offer service are the floor of the report.
    await checkReportAgainstHires(c.env, c.var.agency, c.req.valid('param').fiscalYear, c.req.valid('json'));
    const r = unwrap(
      await registry(c.env).fileReport(c.var.agency.id, c.req.valid('param').fiscalYear, c.req.valid('json'), c.var.now.getTime()),
    );
    return r.created ? c.json(r.record, 201) : c.json(r.record, 200);
  })
  .openapi(complaintLog, async (c) => c.json({ items: await agencyStub(c).complaintLog() }, 200))
  .openapi(addComplaint, async (c) => {
    const r = unwrap(await agencyStub(c).addComplaint(c.req.valid('json'), c.var.now.getTime()));
    return c.json(r.complaint, 201);
  })
  .openapi(addHandling, async (c) => {
    const r = unwrap(await agencyStub(c).addComplaintHandling(c.req.valid('param').id, c.req.valid('json').handling, c.var.now.getTime()));
    return c.json(r.complaint, 200);
  })
  .openapi(seekerComplaint, async (c) => {
    const { agencyId, content } = c.req.valid('json');
    const r = unwrap(await registry(c.env).fileSeekerComplaint(c.var.seeker.profileId, agencyId, content, c.var.now.getTime()));
    const { forwardedBy: _by, ...complaint } = r.complaint;
    return c.json(complaint, 201);
  })
  .openapi(compromiseReport, async (c) => {
    const input = c.req.valid('json');
    const who: { role: 'agency' | 'seeker' | 'staff'; accountId: string; prefecture: PrefectureCode | null } = c.var.agency
      ? { role: 'agency', accountId: c.var.agency.id, prefecture: c.var.agency.prefecture }
      : c.var.seeker
        ? { role: 'seeker', accountId: c.var.seeker.profileId, prefecture: c.var.seeker.profileId.slice(0, 2) as PrefectureCode }
        : { role: 'staff', accountId: c.var.staff.id, prefecture: c.var.staff.prefecture };
    const sessionsEnded = await endOtherSessions(c);
    // R-SEC-6: whoever knows the password must change it at the next sign-in.
    const key = c.var.agency
      ? accountKey('agency', c.var.seat.email) // R-ORG-2: the seat that reported
      : c.var.seeker
        ? accountKey('seeker', c.var.seeker.profileId)
        : accountKey('staff', c.var.staff.email.trim().toLowerCase());
    await throttle(c.env, key).setMustChange(true);
    const r = await registry(c.env).fileCompromiseReport(
      { ...who, note: input.note, noticedAt: input.noticedAt ?? null, sessionsEnded },
      c.var.now.getTime(),
    );
    return c.json(r.report, 201);
  });
