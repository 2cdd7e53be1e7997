import { createRoute } from '@hono/zod-openapi';
import { jstDate, mustConfirmTerms, termsInForce } from '../../shared/rules';
import {
  TermsConsentOverviewSchema,
  TermsConsentRecordSchema,
  TermsConsentSchema,
  TermsDocumentSchema,
  TermsPublishSchema,
  TermsStatusSchema,
  TermsVersionSchema,
} from '../../shared/schemas';
import { forgetAnnouncements, termsVersions } from '../lib/bulletin';
import { authedErrors, bearer, group, json } from '../lib/context';
import { ApiError, unwrap } from '../lib/problem';
import { bulletinStub, registryStub } from '../lib/stubs';
import { requireRole } from '../middleware/auth';
import { noteTermsConfirmed, termsSeat } from '../middleware/terms';

const publicTerms = createRoute({
  method: 'get',
  path: '/v1/public/terms',
  tags: ['public'],
  summary: '施行中の利用規約（本文つき）と、公表済みで施行前の版',
  responses: { 200: json(TermsDocumentSchema, '利用規約') },
});

const publish = createRoute({
  method: 'put',
  path: '/v1/admin/terms',
  tags: ['admin'],
  summary: '利用規約の新しい版の公表（厚生労働省）。施行日は翌日以降',
  description:
    '施行日以降、各事業者の担当者は次のサインイン後に変更の概要を確認して同意するまで、検索・閲覧・送信ができません（利用規約§20）。',
  security: bearer,
  middleware: [requireRole('staff')],
  request: { body: { content: { 'application/json': { schema: TermsPublishSchema } }, required: true } },
  responses: { 200: json(TermsVersionSchema, '公表した版'), ...authedErrors, 409: authedErrors[400], 422: authedErrors[400] },
});

const consent = createRoute({
  method: 'post',
  path: '/v1/agency/terms-consents',
  tags: ['agency'],
  summary: '利用規約の変更の確認と同意（担当者ごと）',
  security: bearer,
  middleware: [requireRole('agency')],
  request: { body: { content: { 'application/json': { schema: TermsConsentSchema } }, required: true } },
  responses: { 201: json(TermsConsentRecordSchema, '記録した同意'), ...authedErrors, 409: authedErrors[400] },
});

const status = createRoute({
  method: 'get',
  path: '/v1/agency/terms-consents',
  tags: ['agency'],
  summary: 'この担当者が確認すべき利用規約の版と、施行予定の版',
  security: bearer,
  middleware: [requireRole('agency')],
  responses: { 200: json(TermsStatusSchema, '確認の状況'), ...authedErrors },
});

const overview = createRoute({
  method: 'get',
  path: '/v1/admin/terms-consents',
  tags: ['admin'],
  summary: '施行中の版に同意した事業者と、まだの事業者（管轄内）',
  security: bearer,
  middleware: [requireRole('staff')],
  responses: { 200: json(TermsConsentOverviewSchema, '同意の状況'), ...authedErrors },
});

/** R-TOS-1: the terms by version, their publication, and each seat's confirmation. */
export const termsRoutes = group()
  .openapi(publicTerms, async (c) => {
    const today = jstDate(c.var.now);
    const versions = await termsVersions(c.env, c.var.now.getTime());
    const current = termsInForce(versions, today)!;
    const upcoming = versions.find((v) => v.effectiveOn > today) ?? null;
    const text = (await bulletinStub(c.env).termsText(current.version)) ?? '';
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ current: { ...current, text }, upcoming }, 200);
  })
  .openapi(publish, async (c) => {
    if (c.var.staff.role !== 'ministry') throw new ApiError('ministry_only', 'この操作は厚生労働省のアカウントで行ってください。');
    const now = c.var.now.getTime();
    const r = unwrap(await bulletinStub(c.env).publishTerms(c.req.valid('json'), c.var.staff.id, now));
    forgetAnnouncements();
    await registryStub(c.env).audit(now, c.var.staff.id, 'terms.publish', `terms-v${r.version.version}`, r.version.summary, {
      effectiveOn: r.version.effectiveOn,
    });
    return c.json(r.version, 200);
  })
  .openapi(consent, async (c) => {
    const { version } = c.req.valid('json');
    const versions = await termsVersions(c.env, c.var.now.getTime());
    const current = termsInForce(versions, jstDate(c.var.now))!;
    const upcoming = versions.find((v) => v.effectiveOn > jstDate(c.var.now));
    if (version !== current.version && version !== upcoming?.version) {
      throw new ApiError(
        'terms_version_not_current',
        `同意できるのは施行中の第${current.version}版${upcoming ? `と施行予定の第${upcoming.version}版` : ''}です。表示を更新してください。`,
      );
    }
    const seat = termsSeat(c.var);
    const r = unwrap(await bulletinStub(c.env).confirmTerms(c.var.agency.id, seat, version, c.var.now.getTime()));
    noteTermsConfirmed(seat, version);
    return c.json(r.record, 201);
  })
  .openapi(status, async (c) => {
    const today = jstDate(c.var.now);
    const versions = await termsVersions(c.env, c.var.now.getTime());
    const seat = termsSeat(c.var);
    const confirmedVersion = await bulletinStub(c.env).termsConfirmedBy(seat);
    if (confirmedVersion !== null) noteTermsConfirmed(seat, confirmedVersion);
    const upcoming = versions.find((v) => v.effectiveOn > today && v.version > (confirmedVersion ?? 0)) ?? null;
    return c.json(
      {
        inForce: termsInForce(versions, today)!,
        upcoming,
        confirmedVersion,
        mustConfirm: mustConfirmTerms(versions, today, { admittedOn: c.var.agency.admittedOn, confirmed: confirmedVersion }),
      },
      200,
    );
  })
  .openapi(overview, async (c) => {
    const scope = c.var.staff.role === 'ministry' ? null : c.var.staff.prefecture;
    const now = c.var.now;
    const current = termsInForce(await termsVersions(c.env, now.getTime()), jstDate(now))!;
    const [agencies, consents] = await Promise.all([
      registryStub(c.env).agenciesInScope(scope),
      bulletinStub(c.env).termsConsents(current.version),
    ]);
    const working = agencies.filter((a) => a.status === 'active' || a.status === 'suspended');
    // R-TOS-1, R-ORG-2: each seat confirms for itself; the organisation counts as confirmed from its first seat's confirmation.
    const byAgency = new Map<string, (typeof consents)[number]>();
    for (const r of consents) if (!byAgency.has(r.agencyId)) byAgency.set(r.agencyId, r);
    await registryStub(c.env).audit(now.getTime(), c.var.staff.id, 'terms.consents.read', `terms-v${current.version}`, null, { scope });
    return c.json(
      {
        version: current.version,
        effectiveOn: current.effectiveOn,
        confirmed: working.filter((a) => byAgency.has(a.id)).map((a) => ({ ...byAgency.get(a.id)!, agencyName: a.name })),
        notConfirmed: working
          .filter((a) => !byAgency.has(a.id))
          .map((a) => ({ agencyId: a.id, agencyName: a.name, prefecture: a.prefecture })),
      },
      200,
    );
  });
