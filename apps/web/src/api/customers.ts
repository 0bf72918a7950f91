import type {
  customer,
  customerCreate,
  customerDuplicates,
  customerListQuery,
  customerLookup,
  customerUpdate,
  product,
  productCreate,
  productListQuery,
  productUpdate,
} from '@aftercare/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { restResource } from './resource.ts';

export type Customer = z.infer<typeof customer>;
export type CustomerCreate = z.input<typeof customerCreate>;
export type CustomerUpdate = z.input<typeof customerUpdate>;
export type CustomerListQuery = Partial<z.infer<typeof customerListQuery>>;
export type CustomerLookup = z.infer<typeof customerLookup>;
export type CustomerDuplicates = z.infer<typeof customerDuplicates>;
export type Product = z.infer<typeof product>;
export type ProductCreate = z.input<typeof productCreate>;
export type ProductUpdate = z.input<typeof productUpdate>;
export type ProductListQuery = Partial<z.infer<typeof productListQuery>>;

export const customers = restResource<Customer, CustomerCreate, CustomerUpdate, CustomerListQuery>('/customers');
export const products = restResource<Product, ProductCreate, ProductUpdate, ProductListQuery>('/products');

/** Screen pop: the customers a phone number (any form) or a serial belongs to. */
export function lookupCustomers(by: { phone: string } | { serial: string }) {
  return request<CustomerLookup>('/customers/lookup', { query: by, silent: true });
}

export function useDuplicates(customerId: string | null | undefined) {
  return useQuery({
    queryKey: customers.keys.sub(customerId ?? '', 'duplicates'),
    queryFn: ({ signal }) => request<CustomerDuplicates>(`/customers/${customerId}/duplicates`, { signal }),
    enabled: Boolean(customerId),
    select: (body) => body.items,
  });
}

/** Merges `otherId` into the customer `id` (the survivor); both customers' queries are refreshed. */
export function useMerge(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (otherId: string) => request<Customer>(`/customers/${id}/merge`, { method: 'POST', body: { otherId } }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: customers.keys.all }),
        qc.invalidateQueries({ queryKey: products.keys.all }),
      ]),
  });
}

/** The installed products of one customer (a customer has a handful). */
export function useCustomerProducts(customerId: string | null | undefined) {
  return products.useList({ customerId: customerId ?? undefined, pageSize: 200 }, { enabled: Boolean(customerId) });
}
