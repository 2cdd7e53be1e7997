import { createRoute, z } from '@hono/zod-openapi';
import {
  AdminComplaintsQuerySchema,
  AgencyComplaintSchema,
  ComplaintForwardSchema,
  CompromiseReportRecordSchema,
  PageLimitSchema,
  SeekerComplaintRecordSchema,
} from '../../shared/schemas';
import { authedErrors, bearer, group, json } from '../lib/context';
import { unwrap } from '../lib/problem';
import { registry, requireRole } from '../middleware/auth';

const staffOnly = [requireRole('staff')];
const AgencyIdParam = z.object({ id: z.string().regex(/^A[0-9A-Z]{10}$/) });

const agencyComplaints = createRoute({
  method: 'get',
  path: '/v1/admin/agencies/{id}/complaints',
  tags: ['admin'],
  summary: '事業者の苦情記録の提出を求める（と労働局に寄せられた苦情）',
  security: bearer,
  middleware: staffOnly,
  request: { params: AgencyIdParam },
  responses: {
    200: json(z.object({ log: z.array(AgencyComplaintSchema), toBureau: z.array(SeekerComplaintRecordSchema) })),
    ...authedErrors,
  },
});
const listComplaints = createRoute({
  method: 'get',
  path: '/v1/admin/complaints',
  tags: ['admin'],
  summary: '求職者から労働局への苦情（管轄分）',
  security: bearer,
  middleware: staffOnly,
  request: { query: AdminComplaintsQuerySchema },
  responses: { 200: json(z.object({ items: z.array(SeekerComplaintRecordSchema) })), ...authedErrors },
});
const forwardComplaint = createRoute({
  method: 'post',
  path: '/v1/admin/complaints/{id}/forward',
  tags: ['admin'],
  summary: '求職者の苦情を事業者に連絡する（事業者の苦情記録に載る）',
  security: bearer,
  middleware: staffOnly,
  request: {
    params: z.object({ id: z.string().regex(/^Q[0-9A-Z]{10}$/) }),
    body: { content: { 'application/json': { schema: ComplaintForwardSchema } }, required: true },
  },
  responses: {
    200: json(z.object({ complaint: SeekerComplaintRecordSchema, agencyComplaint: AgencyComplaintSchema })),
    ...authedErrors,
    409: authedErrors[400],
  },
});
const compromiseReports = createRoute({
  method: 'get',
  path: '/v1/admin/compromise-reports',
  tags: ['admin'],
  summary: 'アカウントの不正利用の疑いの報告（管轄分）',
  security: bearer,
  middleware: staffOnly,
  request: { query: z.strictObject({ limit: PageLimitSchema }) },
  responses: { 200: json(z.object({ items: z.array(CompromiseReportRecordSchema) })), ...authedErrors },
});

/**
 * The bureau's complaints work (R-CMP-1, §7(2)②カ, §15) and the compromise reports it receives
 * (R-SEC-1, §9), each in the staff member's scope.
 */
export const adminComplaintRoutes = group()
  .openapi(agencyComplaints, async (c) => {
    const r = unwrap(await registry(c.env).agencyComplaints(c.req.valid('param').id, c.var.staff, c.var.now.getTime()));
    return c.json({ log: r.log, toBureau: r.toBureau }, 200);
  })
  .openapi(listComplaints, async (c) => {
    const q = c.req.valid('query');
    const items = await registry(c.env).seekerComplaints(c.var.staff, {
      agencyId: q.agencyId,
      forwarded: q.forwarded === undefined ? undefined : q.forwarded === 'true',
      limit: q.limit,
    });
    return c.json({ items }, 200);
  })
  .openapi(forwardComplaint, async (c) => {
    const r = unwrap(
      await registry(c.env).forwardComplaint(c.req.valid('param').id, c.var.staff, c.req.valid('json'), c.var.now.getTime()),
    );
    return c.json({ complaint: r.complaint, agencyComplaint: r.agencyComplaint }, 200);
  })
  .openapi(compromiseReports, async (c) =>
    c.json({ items: await registry(c.env).compromiseReports(c.var.staff, c.req.valid('query').limit) }, 200),
  );
