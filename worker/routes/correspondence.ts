import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { describeFindings, findContactDetails } from '../../shared/rules';
import {
  AdminReportRequestSchema,
  AgencyReportRequestSchema,
  CorrectionAnswerSchema,
  CorrectionDecisionSchema,
  CorrectionRequestInputSchema,
  CorrectionRequestSchema,
  IdSchema,
  ReportAnswerSchema,
  ReportRequestInputSchema,
} from '../../shared/schemas';
import { authedErrors, bearer, group, json, type AppEnv } from '../lib/context';
import { ApiError, unwrap } from '../lib/problem';
import { agencyStub, correspondenceStub, registryStub } from '../lib/stubs';
import { requireRole } from '../middleware/auth';

const staffOnly = [requireRole('staff')];
const agencyOnly = [requireRole('agency')];
const idParam = z.object({ id: IdSchema });
const errors = { ...authedErrors, 409: authedErrors[400], 422: authedErrors[400] };

const sendCorrection = createRoute({
  method: 'post',
  path: '/v1/admin/agencies/{id}/correction-requests',
  tags: ['admin'],
  summary: '是正要請（kind=correction）又は運営組織が求める措置（kind=measure、厚生労働省）を送る',
  description:
    '違反・苦情・運用上の所見に基づき、何が問題で何をすべきかと期限を事業者に伝えます（利用規約§3、§8(2)③⑤、§14）。期限までに措置が確認できないと一時停止（§8(3)）が提案されます。',
  security: bearer,
  middleware: staffOnly,
  request: { params: idParam, body: { content: { 'application/json': { schema: CorrectionRequestInputSchema } }, required: true } },
  responses: { 201: json(CorrectionRequestSchema, '送った是正要請'), ...errors },
});
const confirmCorrection = createRoute({
  method: 'post',
  path: '/v1/admin/correction-requests/{id}/confirm',
  tags: ['admin'],
  summary: '是正の確認（confirmed）又は差し戻し（returned）。確認すると「是正まで」の停止を解除する',
  security: bearer,
  middleware: staffOnly,
  request: { params: idParam, body: { content: { 'application/json': { schema: CorrectionDecisionSchema } }, required: true } },
  responses: { 200: json(z.object({ request: CorrectionRequestSchema, suspensionLifted: z.boolean() }), '確認の結果'), ...errors },
});
const adminCorrections = createRoute({
  method: 'get',
  path: '/v1/admin/correction-requests',
  tags: ['admin'],
  summary: '管轄の是正要請と措置（期限切れの措置には一時停止の提案つき）',
  security: bearer,
  middleware: staffOnly,
  responses: { 200: json(z.object({ items: z.array(CorrectionRequestSchema) })), ...authedErrors },
});
const agencyCorrections = createRoute({
  method: 'get',
  path: '/v1/agency/correction-requests',
  tags: ['agency'],
  summary: '労働局からの是正要請と措置（未対応・期限の近いものが先）',
  security: bearer,
  middleware: agencyOnly,
  responses: { 200: json(z.object({ items: z.array(CorrectionRequestSchema) })), ...authedErrors },
});
const answerCorrection = createRoute({
  method: 'post',
  path: '/v1/agency/correction-requests/{id}/answer',
  tags: ['agency'],
  summary: '是正要請・措置への回答（実施した日と内容）',
  security: bearer,
  middleware: agencyOnly,
  request: { params: idParam, body: { content: { 'application/json': { schema: CorrectionAnswerSchema } }, required: true } },
  responses: { 200: json(CorrectionRequestSchema, '回答を記録した是正要請'), ...errors },
});
const askReports = createRoute({
  method: 'post',
  path: '/v1/admin/report-requests',
  tags: ['admin'],
  summary: '利用状況の報告・実態調査の依頼（1事業者、又は都道府県・サービス・許可区分で絞った事業者）',
  security: bearer,
  middleware: staffOnly,
  request: { body: { content: { 'application/json': { schema: ReportRequestInputSchema } }, required: true } },
  responses: { 201: json(AdminReportRequestSchema, '送った依頼'), ...errors },
});
const adminReports = createRoute({
  method: 'get',
  path: '/v1/admin/report-requests',
  tags: ['admin'],
  summary: '報告の依頼と、回答した事業者・期限を過ぎた事業者（管轄内）',
  security: bearer,
  middleware: staffOnly,
  responses: { 200: json(z.object({ items: z.array(AdminReportRequestSchema) })), ...authedErrors },
});
const agencyReports = createRoute({
  method: 'get',
  path: '/v1/agency/report-requests',
  tags: ['agency'],
  summary: '労働局からの報告の依頼と、提出した版',
  security: bearer,
  middleware: agencyOnly,
  responses: { 200: json(z.object({ items: z.array(AgencyReportRequestSchema) })), ...authedErrors },
});
const answerReport = createRoute({
  method: 'put',
  path: '/v1/agency/report-requests/{id}',
  tags: ['agency'],
  summary: '報告の依頼への回答。提出後は変更できず、訂正は新しい版として提出する',
  security: bearer,
  middleware: agencyOnly,
  request: { params: idParam, body: { content: { 'application/json': { schema: ReportAnswerSchema } }, required: true } },
  responses: { 200: json(AgencyReportRequestSchema, '提出した回答'), ...errors },
});

function scopeOf(c: Context<AppEnv>): string | null {
  return c.var.staff.role === 'ministry' ? null : c.var.staff.prefecture;
}

/** Contact details stay out of what agencies write here, as everywhere (R-MSG-4). */
function noContactDetails(...texts: string[]): void {
  const findings = texts.flatMap((t) => findContactDetails(t));
  if (findings.length)
    throw new ApiError(
      'contact_details_not_allowed',
      `${describeFindings(findings)}個人を特定できる情報や連絡先は書かずに送ってください。`,
      {},
      { title: '連絡先などは書けません' },
    );
}

/** R-COR-1, R-COR-2, R-COR-3: the bureau's correspondence with agencies between reports. */
export const correspondenceRoutes = group()
  .openapi(sendCorrection, async (c) => {
    const input = c.req.valid('json');
    if (input.kind === 'measure' && c.var.staff.role !== 'ministry') {
      throw new ApiError('ministry_only', '運営組織としての措置（利用規約§14）は厚生労働省のアカウントで求めてください。');
    }
    const now = c.var.now.getTime();
    const agency = unwrap(await registryStub(c.env).agencyDetail(c.req.valid('param').id, c.var.staff)).record;
    const r = unwrap(
      await correspondenceStub(c.env).createCorrection(
        input,
        { id: agency.id, name: agency.name, prefecture: agency.prefecture },
        c.var.staff.id,
        now,
      ),
    );
    await registryStub(c.env).audit(now, c.var.staff.id, `${input.kind}.request`, agency.id, input.problem, {
      requestId: r.request.id,
      dueOn: input.dueOn,
    });
    return c.json(r.request, 201);
  })
  .openapi(confirmCorrection, async (c) => {
    const now = c.var.now.getTime();
    const { id } = c.req.valid('param');
    const existing = await correspondenceStub(c.env).correction(id, now);
    const scope = scopeOf(c);
    if (!existing || (scope !== null && existing.prefecture !== scope))
      throw new ApiError('correction_request_not_found', 'この是正要請はないか、管轄外です。');
    const input = c.req.valid('json');
    const r = unwrap(await correspondenceStub(c.env).decideCorrection(id, input, c.var.staff.id, now));
    await registryStub(c.env).audit(now, c.var.staff.id, `correction.${input.decision}`, existing.agencyId, input.note, { requestId: id });
    let suspensionLifted = false;
    if (input.decision === 'confirmed') {
      // A suspension "until corrected" waits on exactly this confirmation (R-COR-1, R-SAN-1).
      const detail = unwrap(await registryStub(c.env).agencyDetail(existing.agencyId, c.var.staff));
      if (detail.record.status === 'suspended' && detail.record.suspension?.kind === 'until_corrected') {
        unwrap(await registryStub(c.env).liftSuspension(existing.agencyId, c.var.staff, `是正を確認したため（是正要請 ${id}）`, now));
        suspensionLifted = true;
      }
    }
    return c.json({ request: r.request, suspensionLifted }, 200);
  })
  .openapi(adminCorrections, async (c) => {
    const items = await correspondenceStub(c.env).correctionsInScope(scopeOf(c), c.var.now.getTime());
    return c.json({ items }, 200);
  })
  .openapi(agencyCorrections, async (c) =>
    c.json({ items: await correspondenceStub(c.env).correctionsOf(c.var.agency.id, c.var.now.getTime()) }, 200),
  )
  .openapi(answerCorrection, async (c) => {
    const input = c.req.valid('json');
    noContactDetails(input.text);
    const r = unwrap(
      await correspondenceStub(c.env).answerCorrection(c.req.valid('param').id, c.var.agency.id, input, c.var.now.getTime()),
    );
    return c.json(r.request, 200);
  })
  .openapi(askReports, async (c) => {
    const { target, ...input } = c.req.valid('json');
    const now = c.var.now.getTime();
    const scope = scopeOf(c);
    let targets: Array<{ id: string; name: string; prefecture: string }>;
    if ('agencyId' in target) {
      const record = unwrap(await registryStub(c.env).agencyDetail(target.agencyId, c.var.staff)).record;
      targets = [{ id: record.id, name: record.name, prefecture: record.prefecture }];
    } else {
      if (scope !== null && target.prefecture && target.prefecture !== scope)
        throw new ApiError('out_of_scope', '管轄の都道府県の事業者だけに依頼できます。');
      const inScope = (await registryStub(c.env).agenciesInScope(target.prefecture ?? scope)).filter(
        (a) => a.status === 'active' || a.status === 'suspended',
      );
      const records = target.service || target.licenceKind ? await Promise.all(inScope.map((a) => agencyStub(c.env, a.id).get())) : null;
      targets = inScope
        .filter((_, i) => {
          const r = records?.[i];
          if (!records) return true;
          return (
            !!r &&
            (!target.service || r.services.includes(target.service)) &&
            (!target.licenceKind || r.licence.kind === target.licenceKind)
          );
        })
        .map((a) => ({ id: a.id, name: a.name, prefecture: a.prefecture }));
    }
    const r = unwrap(await correspondenceStub(c.env).createReportRequest(input, targets, c.var.staff.id, now));
    await registryStub(c.env).audit(now, c.var.staff.id, 'report_request.create', r.request.id, input.title, {
      targets: targets.length,
      dueOn: input.dueOn,
    });
    return c.json(r.request, 201);
  })
  .openapi(adminReports, async (c) =>
    c.json({ items: await correspondenceStub(c.env).reportRequestsForBureau(scopeOf(c), c.var.now.getTime()) }, 200),
  )
  .openapi(agencyReports, async (c) =>
    c.json({ items: await correspondenceStub(c.env).reportRequestsOf(c.var.agency.id, c.var.now.getTime()) }, 200),
  )
  .openapi(answerReport, async (c) => {
    const { answers } = c.req.valid('json');
    noContactDetails(...answers);
    const r = unwrap(
      await correspondenceStub(c.env).answerReportRequest(c.req.valid('param').id, c.var.agency.id, answers, c.var.now.getTime()),
    );
    return c.json(r.request, 200);
  });
