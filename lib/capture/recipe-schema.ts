/**
 * What a recipe the user made on a page must look like. Apart from lib/capture/recipes.ts so that the
 * recipe content script, which applies recipes the background already checked, carries no zod (20 KB
 * gzipped on every recipe portal page); the background checks every recipe it stores with this schema.
 */
import { z } from 'zod';

const selector = z.string().max(500);
export const recipeInputSchema = z.object({
  name: z.string().trim().min(1, 'Name the portal').max(80),
  pathPrefix: z.string().max(300).regex(/^\//, 'Expected a path starting with /'),
  rowSelector: selector.min(1),
  fields: z.object({
    id: selector.min(1),
    title: selector.min(1),
    status: selector,
    updated: selector,
    link: selector,
  }),
});
export type RecipeInput = z.infer<typeof recipeInputSchema>;
