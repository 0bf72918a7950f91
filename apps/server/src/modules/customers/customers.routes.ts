import {
  customer,
  customerCreate,
  customerDuplicates,
  customerListQuery,
  customerLookup,
  customerLookupQuery,
  customerMerge,
  customerUpdate,
  idParams,
  pageOf,
} from '@aftercare/contracts';
import { actorOf, type Principal } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { normalizePhone } from '../../platform/phone.ts';
import { productsExpiringSoon } from '../warranty/warranty.flags.ts';
import { createCustomer, updateCustomer } from './customers.commands.ts';
import { CustomerErrors } from './customers.errors.ts';
import { mergeCustomers } from './customers.merge.ts';
import { ordersOfCustomers, presentOrderSummary } from './customers.orders.ts';
import { flagsOf, presentCustomer, presentProduct } from './customers.presenter.ts';
import {
  type CustomerRow,
  customersByPhone,
  customerView,
  duplicatesOf,
  findCustomer,
  listCustomers,
  sharingPhones,
  withDetails,
} from './customers.repository.ts';
import { productsBySerial, productsOf } from './products.repository.ts';

export function customerRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['customers'];
  const read = { access: { cap: 'customers.read' as const } };
  const write = { access: { cap: 'customers.write' as const } };

  app.get(
    '/customers',
    { schema: { tags, querystring: customerListQuery, response: { 200: pageOf(customer) } }, config: read },
    async (req) => {
      const p = req.principal!;
      const { items, total } = await listCustomers(ctx.db, p.scope, req.query);
      const views = await withDetails(ctx.db, items);
      return {
        items: views.map((v) => presentCustomer(p, v)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  /** Screen pop: who is calling (any phone form) or whose machine this is (serial). */
  app.get(
    '/customers/lookup',
    { schema: { tags, querystring: customerLookupQuery, response: { 200: customerLookup } }, config: read },
    async (req) => {
      const p = req.principal!;
      let rows: CustomerRow[];
      if (req.query.phone !== undefined) {
        const n = normalizePhone(req.query.phone);
        if (!n) throw new AppError(CustomerErrors.CUSTOMER_LOOKUP_PHONE_INVALID, { phone: req.query.phone });
        rows = await customersByPhone(ctx.db, p.scope, n.normalized);
      } else {
        const products = await productsBySerial(ctx.db, p.scope, req.query.serial!);
        const found = await Promise.all(products.map((pr) => findCustomer(ctx.db, p.scope, pr.customer_id)));
        rows = found.filter((c): c is CustomerRow => c !== undefined);
      }
      return { customers: await screenPop(ctx, p, rows) };
    },
  );

  app.get(
    '/customers/:id',
    { schema: { tags, params: idParams, response: { 200: customer } }, config: { ...read, resource: 'customer' } },
    async (req) => {
      const p = req.principal!;
      const view = await customerView(ctx.db, p.scope, req.params.id);
      if (!view) throw new AppError(CommonErrors.NOT_FOUND);
      return presentCustomer(p, view);
    },
  );

  app.get(
    '/customers/:id/duplicates',
    {
      schema: { tags, params: idParams, response: { 200: customerDuplicates } },
      config: { ...read, resource: 'customer' },
    },
    async (req) => {
      const p = req.principal!;
      const view = await customerView(ctx.db, p.scope, req.params.id);
      if (!view) throw new AppError(CommonErrors.NOT_FOUND);
      const found = await duplicatesOf(ctx.db, p.scope, view);
      const views = await withDetails(
        ctx.db,
        found.map((f) => f.row),
      );
      return { items: found.map((f, i) => ({ customer: presentCustomer(p, views[i]!), reasons: f.reasons })) };
    },
  );

  app.post(
    '/customers',
    { schema: { tags, body: customerCreate, response: { 201: customer } }, config: write },
    async (req, reply) => {
      const p = req.principal!;
      const view = await createCustomer(ctx, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentCustomer(p, view));
    },
  );

  app.patch(
    '/customers/:id',
    {
      schema: { tags, params: idParams, body: customerUpdate, response: { 200: customer } },
      config: { ...write, resource: 'customer' },
    },
    async (req) => {
      const p = req.principal!;
      const view = await updateCustomer(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body);
      return presentCustomer(p, view);
    },
  );

  app.post(
    '/customers/:id/merge',
    {
      schema: { tags, params: idParams, body: customerMerge, response: { 200: customer } },
      config: { ...write, resource: 'customer' },
    },
    async (req) => {
      const p = req.principal!;
      const view = await mergeCustomers(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body.otherId);
      return presentCustomer(p, view);
    },
  );
}

const RECENT_CONTACTS = 5;

async function screenPop(ctx: AppContext, p: Principal, rows: CustomerRow[]) {
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  const ids = unique.map((r) => r.id);
  const [views, products, sharing, orders] = await Promise.all([
    withDetails(ctx.db, unique),
    productsOf(ctx.db, p.scope, ids),
    sharingPhones(ctx.db, p.scope, ids),
    ordersOfCustomers(ctx.db, p.scope, ids),
  ]);
  const expiring = await productsExpiringSoon(ctx, products);
  return views.map((v) => {
    const own = products.filter((pr) => pr.row.customer_id === v.row.id);
    const flags = flagsOf(v, sharing.has(v.row.id));
    if (own.some((pr) => expiring.has(pr.row.id))) flags.push('warranty_expiring_30d');
    const theirs = orders.filter((o) => o.customer_id === v.row.id).map(presentOrderSummary);
    return {
      customer: presentCustomer(p, v),
      products: own.map(presentProduct),
      flags,
      openOrders: theirs.filter((o) => o.status !== 'closed' && o.status !== 'cancelled'),
      recentContacts: theirs.slice(0, RECENT_CONTACTS),
    };
  });
}
