import type { productWarrantyQuery, warrantyEvaluation } from '@aftercare/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { products } from './customers.ts';

export type WarrantyEvaluation = z.infer<typeof warrantyEvaluation>;
export type ProductWarrantyQuery = z.input<typeof productWarrantyQuery>;

/** The warranty verdict of a stored product for a fault (today when no date is given). */
export function useProductWarranty(productId: string | null | undefined, query: ProductWarrantyQuery = {}) {
  return useQuery({
    queryKey: [...products.keys.sub(productId ?? '', 'warranty'), query],
    queryFn: ({ signal }) =>
      request<WarrantyEvaluation>(`/products/${productId}/warranty`, { query, signal, silent: true }),
    enabled: Boolean(productId),
  });
}
