import { z } from 'zod';
import type { FormState } from '@/lib/forms';

/** Row ids in admin forms (cuid): anything else is not a row, so the action answers 404. */
export const idSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

/**
 * `invalid()`/`failure()` keep one value per field; a checkbox list has many. Keep the whole
 * selection (comma-separated ids) so a failed submit does not untick the tags.
 */
export function withSelectedTags(state: FormState, formData: FormData): FormState {
  const selected = formData.getAll('tagIds').filter((v): v is string => typeof v === 'string');
  return { ...state, values: { ...state.values, tagIds: selected.join(',') } };
}
