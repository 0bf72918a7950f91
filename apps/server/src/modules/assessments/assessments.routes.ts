import {
  assessmentSlip,
  assessmentSlipPage,
  idParams,
  remedyApproveBody,
  remedyListQuery,
  remedyProposal,
  remedyProposalPage,
  remedyRejectBody,
  slipAppealBody,
  slipConfirmBody,
  slipListQuery,
  slipReviewBody,
  slipSummaryQuery,
  slipSummary as slipSummaryShape,
} from '@aftercare/contracts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { visibleBrand } from '../network/lookups.ts';
import { appealSlip, confirmSlip, reviewSlip } from './assessments.commands.ts';
import { presentRemedy, presentSlip, presentSummary } from './assessments.presenter.ts';
import { findRemedy, findSlip, listRemedies, listSlips, slipSummary } from './assessments.repository.ts';
import { approveRemedy, rejectRemedy } from './remedies.commands.ts';

export function assessmentRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['assessments'];
  const read = { access: { cap: 'sla.read' as const } };
  const slip = { resource: 'assessment_slip' as const };
  const remedy = { resource: 'remedy_proposal' as const };

  const slipOr404 = async (scope: Parameters<typeof findSlip>[1], id: string) => {
    const row = await findSlip(ctx.db, scope, id);
    if (!row) throw new AppError(CommonErrors.NOT_FOUND);
    return presentSlip(row, ctx.clock.now());
  };

  app.get(
    '/assessment-slips',
    { schema: { tags, querystring: slipListQuery, response: { 200: assessmentSlipPage } }, config: read },
    async (req) => {
      const now = ctx.clock.now();
      const page = await listSlips(ctx.db, req.principal!.scope, req.query);
      return {
        items: page.items.map((s) => presentSlip(s, now)),
        total: page.total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/assessment-slips/summary',
    { schema: { tags, querystring: slipSummaryQuery, response: { 200: slipSummaryShape } }, config: read },
    async (req) => {
      const scope = req.principal!.scope;
      if (!(await visibleBrand(ctx.db, scope, req.query.brandId))) throw new AppError(CommonErrors.NOT_FOUND);
      return presentSummary(req.query.brandId, req.query.period, await slipSummary(ctx.db, scope, req.query));
    },
  );

  app.get(
    '/assessment-slips/:id',
    { schema: { tags, params: idParams, response: { 200: assessmentSlip } }, config: { ...read, ...slip } },
    async (req) => slipOr404(req.principal!.scope, req.params.id),
  );

  app.post(
    '/assessment-slips/:id/appeal',
    {
      schema: { tags, params: idParams, body: slipAppealBody, response: { 200: assessmentSlip } },
      config: { access: { cap: 'sla.appeal' }, ...slip },
    },
    async (req) => {
      await appealSlip(ctx, req.principal!, req.id, req.params.id, req.body);
      return slipOr404(req.principal!.scope, req.params.id);
    },
  );

  app.post(
    '/assessment-slips/:id/review',
    {
      schema: { tags, params: idParams, body: slipReviewBody, response: { 200: assessmentSlip } },
      config: { access: { cap: 'sla.review' }, ...slip },
    },
    async (req) => {
      await reviewSlip(ctx, req.principal!, req.id, req.params.id, req.body);
      return slipOr404(req.principal!.scope, req.params.id);
    },
  );

  app.post(
    '/assessment-slips/:id/confirm',
    {
      schema: { tags, params: idParams, body: slipConfirmBody, response: { 200: assessmentSlip } },
      config: { access: { cap: 'sla.review' }, ...slip },
    },
    async (req) => {
      await confirmSlip(ctx, req.principal!, req.id, req.params.id, req.body);
      return slipOr404(req.principal!.scope, req.params.id);
    },
  );

  const remedyOr404 = async (scope: Parameters<typeof findRemedy>[1], id: string) => {
    const row = await findRemedy(ctx.db, scope, id);
    if (!row) throw new AppError(CommonErrors.NOT_FOUND);
    return presentRemedy(row);
  };

  app.get(
    '/remedy-proposals',
    { schema: { tags, querystring: remedyListQuery, response: { 200: remedyProposalPage } }, config: read },
    async (req) => {
      const page = await listRemedies(ctx.db, req.principal!.scope, req.query);
      return {
        items: page.items.map(presentRemedy),
        total: page.total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.post(
    '/remedy-proposals/:id/approve',
    {
      schema: { tags, params: idParams, body: remedyApproveBody, response: { 200: remedyProposal } },
      config: { access: { cap: 'sla.review' }, ...remedy },
    },
    async (req) => {
      await approveRemedy(ctx, req.principal!, req.id, req.params.id, req.body);
      return remedyOr404(req.principal!.scope, req.params.id);
    },
  );

  app.post(
    '/remedy-proposals/:id/reject',
    {
      schema: { tags, params: idParams, body: remedyRejectBody, response: { 200: remedyProposal } },
      config: { access: { cap: 'sla.review' }, ...remedy },
    },
    async (req) => {
      await rejectRemedy(ctx, req.principal!, req.id, req.params.id, req.body);
      return remedyOr404(req.principal!.scope, req.params.id);
    },
  );
}
