'use client';

import { useActionState } from 'react';
import { initialFormState, type FormState } from '@/lib/forms';
import { Field, FormMessage, SubmitButton } from '@/app/ui/form';
import { TAG_DESCRIPTION_MAX, TAG_NAME_MAX, TAG_NAME_MIN } from '@/lib/articles/schemas';

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  tag?: { id: string; name: string; slug: string; description: string | null };
}

export function TagForm({ action, tag }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {tag && <input type="hidden" name="id" value={tag.id} />}
      <Field label="Name" name="name" required minLength={TAG_NAME_MIN} maxLength={TAG_NAME_MAX} state={state} defaultValue={tag?.name} />
      <Field
        label="Slug"
        name="slug"
        state={state}
        defaultValue={tag?.slug}
        hint={tag ? 'The tag page address: /articles/tag/<slug>. Changing it breaks existing links.' : 'Leave empty to make one from the name.'}
      />
      <Field label="Description" name="description" maxLength={TAG_DESCRIPTION_MAX} state={state} defaultValue={tag?.description ?? ''} hint="Optional. Shown on the tag page." />
      <p>
        <SubmitButton>{tag ? 'Save tag' : 'Create tag'}</SubmitButton>
      </p>
    </form>
  );
}
