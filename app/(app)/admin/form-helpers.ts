import type { FormState } from '@/lib/forms';


/**
 * `invalid()`/`failure()` keep one value per field; a checkbox list has many. Keep the whole
 * selection (comma-separated ids) so a failed submit does not untick the tags.
 */
export function withSelectedTags(state: FormState, formData: FormData): FormState {
  const selected = formData.getAll('tagIds').filter((v): v is string => typeof v === 'string');
  return { ...state, values: { ...state.values, tagIds: selected.join(',') } };
}
