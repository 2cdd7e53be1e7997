import { createRoute, z } from '@hono/zod-openapi';
import {
  AdmissionDecisionSchema,
  FormReceivedSchema,
  MandatoryInformationVersionSchema,
  ProcedureKindSchema,
  ProcedureSchema,
  ProcedureStatusSchema,
  RenewalAcceptSchema,
  ServiceSchema,
  StaffDecisionSchema,
  StaffReasonedDecisionSchema,
} from '../../shared/schemas';
import { authedErrors, bearer, group, json } from '../lib/context';
import { unwrap } from '../lib/problem';
import { registry, requireRole } from '../middleware/auth';
import { scopeOf } from './admin';

const staffOnly = [requireRole('staff')];

const RegistrationSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  organisationName: z.string(),
  prefecture: z.string(),
  registeredOn: z.string(),
  deadline: z.string(),
  deletionDate: z.string(),
  status: z.enum(['pending', 'accepted', 'rejected', 'expired']),
  agencyId: z.string().nullable(),
  formReceivedOn: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
const listRegistrations = createRoute({
  method: 'get',
  path: '/v1/admin/registrations',
  tags: ['admin'],
  summary: '管轄の登録一覧',
  security: bearer,
  middleware: staffOnly,
  request: { query: z.strictObject({ status: z.enum(['pending', 'accepted', 'rejected', 'expired']).optional() }) },
  responses: { 200: json(z.object({ items: z.array(RegistrationSummarySchema) })), ...authedErrors },
});
const RegistrationIdParam = z.object({ id: z.string().regex(/^R[0-9A-Z]{10}$/) });
const acceptRegistration = createRoute({
  method: 'post',
  path: '/v1/admin/registrations/{id}/accept',
  tags: ['admin'],
  summary: '登録を受理し、事業者を利用可能にする',
  security: bearer,
  middleware: staffOnly,
  request: { params: RegistrationIdParam, body: { content: { 'application/json': { schema: AdmissionDecisionSchema } }, required: false } },
  responses: { 200: json(z.object({ agencyId: z.string() })), ...authedErrors, 409: authedErrors[400], 422: authedErrors[400] },
});
const rejectRegistration = createRoute({
  method: 'post',
  path: '/v1/admin/registrations/{id}/reject',
  tags: ['admin'],
  summary: '登録を受理しない（理由を記録する）',
  security: bearer,
  middleware: staffOnly,
  request: {
    params: RegistrationIdParam,
    body: { content: { 'application/json': { schema: StaffReasonedDecisionSchema } }, required: true },
  },
  responses: { 200: json(RegistrationSummarySchema), ...authedErrors, 409: authedErrors[400] },
});
const formReceived = createRoute({
  method: 'post',
  path: '/v1/admin/registrations/{id}/form-received',
  tags: ['admin'],
  summary: '申請書の受領日を記録する（期限内に受領した登録は自動削除されない）',
  security: bearer,
  middleware: staffOnly,
  request: { params: RegistrationIdParam, body: { content: { 'application/json': { schema: FormReceivedSchema } }, required: true } },
  responses: { 200: json(RegistrationSummarySchema), ...authedErrors, 409: authedErrors[400], 422: authedErrors[400] },
});

const listProcedures = createRoute({
  method: 'get',
  path: '/v1/admin/procedures',
  tags: ['admin'],
  summary: '管轄の変更・更新・退会の手続一覧',
  security: bearer,
  middleware: staffOnly,
  request: { query: z.strictObject({ kind: ProcedureKindSchema.optional(), status: ProcedureStatusSchema.optional() }) },
  responses: { 200: json(z.object({ items: z.array(ProcedureSchema) })), ...authedErrors },
});
const ProcedureIdParam = z.object({ id: z.string().regex(/^P[0-9A-Z]{10}$/) });
const procedureFormReceived = createRoute({
  method: 'post',
  path: '/v1/admin/procedures/{id}/form-received',
  tags: ['admin'],
  summary: '変更・更新申請の申請書の受領日を記録する（提出期限内に受領した申請は失効しない）',
  security: bearer,
  middleware: staffOnly,
  request: { params: ProcedureIdParam, body: { content: { 'application/json': { schema: FormReceivedSchema } }, required: true } },
  responses: { 200: json(ProcedureSchema), ...authedErrors, 409: authedErrors[400], 422: authedErrors[400] },
});
const acceptChange = createRoute({
  method: 'post',
  path: '/v1/admin/change-requests/{id}/accept',
  tags: ['admin'],
  summary: '変更申請を受理する（このとき効力が生じ、必須情報の変更はやりとり中の求職者に通知される）',
  security: bearer,
  middleware: staffOnly,
  request: { params: ProcedureIdParam, body: { content: { 'application/json': { schema: StaffDecisionSchema } }, required: false } },
  responses: {
    200: json(
      z.object({
        procedure: ProcedureSchema,
        mandatoryInformationVersion: MandatoryInformationVersionSchema.shape.version.nullable(),
        notified: z.number().int(),
      }),
    ),
    ...authedErrors,
    409: authedErrors[400],
  },
});
const rejectChange = createRoute({
  method: 'post',
  path: '/v1/admin/change-requests/{id}/reject',
  tags: ['admin'],
  summary: '変更申請を受理しない',
  security: bearer,
  middleware: staffOnly,
  request: { params: ProcedureIdParam, body: { content: { 'application/json': { schema: StaffReasonedDecisionSchema } }, required: true } },
  responses: { 200: json(ProcedureSchema), ...authedErrors, 409: authedErrors[400] },
});
const acceptRenewal = createRoute({
  method: 'post',
  path: '/v1/admin/renewals/{id}/accept',
  tags: ['admin'],
  summary: '更新申請を受理する（常用就職の実績を再確認する）',
  security: bearer,
  middleware: staffOnly,
  request: { params: ProcedureIdParam, body: { content: { 'application/json': { schema: RenewalAcceptSchema } }, required: false } },
  responses: {
    200: json(z.object({ procedure: ProcedureSchema, services: z.array(ServiceSchema), purged: z.number().int() })),
    ...authedErrors,
    409: authedErrors[400],
    422: authedErrors[400],
  },
});
const rejectRenewal = createRoute({
  method: 'post',
  path: '/v1/admin/renewals/{id}/reject',
  tags: ['admin'],
  summary: '更新申請を受理しない',
  security: bearer,
  middleware: staffOnly,
  request: { params: ProcedureIdParam, body: { content: { 'application/json': { schema: StaffReasonedDecisionSchema } }, required: true } },
  responses: { 200: json(ProcedureSchema), ...authedErrors, 409: authedErrors[400] },
});

/**
 * The bureau's registrations and procedures (R-APP-1..5, R-MSG-7): applications accepted or refused
 * with reasons, the paper forms received, and change and renewal requests decided.
 */
export const adminRegistrationRoutes = group()
  .openapi(listRegistrations, async (c) => {
    const { status } = c.req.valid('query');
    return c.json({ items: await registry(c.env).registrations(scopeOf(c), status ?? null) }, 200);
  })
  .openapi(acceptRegistration, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json') ?? {};
    const r = unwrap(
      await registry(c.env).acceptRegistration(id, c.var.staff, body.reason ?? null, c.var.now.getTime(), {
        endsOn: body.termEndsOn,
        licenceExpiresOn: body.licenceExpiresOn,
      }),
    );
    return c.json({ agencyId: r.agencyId }, 200);
  })
  .openapi(rejectRegistration, async (c) => {
    const r = unwrap(
      await registry(c.env).rejectRegistration(c.req.valid('param').id, c.var.staff, c.req.valid('json').reason, c.var.now.getTime()),
    );
    return c.json(r.registration, 200);
  })
  .openapi(formReceived, async (c) => {
    const body = c.req.valid('json');
    const r = unwrap(
      await registry(c.env).markFormReceived(
        c.req.valid('param').id,
        c.var.staff,
        body.receivedOn,
        body.reason ?? null,
        c.var.now.getTime(),
      ),
    );
    return c.json(r.registration, 200);
  })
  .openapi(procedureFormReceived, async (c) => {
    const body = c.req.valid('json');
    const r = unwrap(
      await registry(c.env).markProcedureFormReceived(
        c.req.valid('param').id,
        c.var.staff,
        body.receivedOn,
        body.reason ?? null,
        c.var.now.getTime(),
      ),
    );
    return c.json(r.procedure, 200);
  })
  .openapi(listProcedures, async (c) => {
    const { kind, status } = c.req.valid('query');
    return c.json({ items: await registry(c.env).procedures(c.var.staff, kind ?? null, status ?? null) }, 200);
  })
  .openapi(acceptChange, async (c) => {
    const body = c.req.valid('json') ?? {};
    const r = unwrap(await registry(c.env).acceptChange(c.req.valid('param').id, c.var.staff, body.reason ?? null, c.var.now.getTime()));
    return c.json({ procedure: r.procedure, mandatoryInformationVersion: r.mandatoryInformationVersion, notified: r.notified }, 200);
  })
  .openapi(rejectChange, async (c) => {
    const r = unwrap(
      await registry(c.env).rejectProcedure(
        c.req.valid('param').id,
        'change',
        c.var.staff,
        c.req.valid('json').reason,
        c.var.now.getTime(),
      ),
    );
    return c.json(r.procedure, 200);
  })
  .openapi(acceptRenewal, async (c) => {
    const body = c.req.valid('json') ?? {};
    const r = unwrap(
      await registry(c.env).acceptRenewal(
        c.req.valid('param').id,
        c.var.staff,
        body.reason ?? null,
        body.termEndsOn ?? null,
        c.var.now.getTime(),
        body.licenceExpiresOn ?? null,
      ),
    );
    return c.json({ procedure: r.procedure, services: r.services, purged: r.purged }, 200);
  })
  .openapi(rejectRenewal, async (c) => {
    const r = unwrap(
      await registry(c.env).rejectProcedure(
        c.req.valid('param').id,
        'renewal',
        c.var.staff,
        c.req.valid('json').reason,
        c.var.now.getTime(),
      ),
    );
    return c.json(r.procedure, 200);
  });
