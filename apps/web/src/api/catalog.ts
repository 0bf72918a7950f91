import type {
  modelCreate,
  modelListQuery,
  modelUpdate,
  part,
  partCreate,
  partListQuery,
  partUpdate,
  productModel,
} from '@aftercare/contracts';
import type { z } from 'zod';
import { restResource } from './resource.ts';

export type ProductModel = z.infer<typeof productModel>;
export type ModelCreate = z.input<typeof modelCreate>;
export type ModelUpdate = z.input<typeof modelUpdate>;
export type ModelListQuery = Partial<z.infer<typeof modelListQuery>>;
export type Part = z.infer<typeof part>;
export type PartCreate = z.input<typeof partCreate>;
export type PartUpdate = z.input<typeof partUpdate>;
export type PartListQuery = Partial<Omit<z.infer<typeof partListQuery>, 'mainPart'>> & { mainPart?: 'true' | 'false' };

export const models = restResource<ProductModel, ModelCreate, ModelUpdate, ModelListQuery>('/models');
export const parts = restResource<Part, PartCreate, PartUpdate, PartListQuery>('/parts');

/** The models of one brand (and category), for pickers. */
export function useModelOptions(brandId: string | null | undefined, categoryCode?: string | null) {
  return models.useList(
    { brandId: brandId ?? undefined, categoryCode: categoryCode ?? undefined, pageSize: 200 },
    { enabled: Boolean(brandId) },
  );
}
