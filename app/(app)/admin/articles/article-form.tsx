'use client';

import { useActionState, useRef, useState, useTransition } from 'react';
import { useFormStatus } from 'react-dom';
import { initialFormState, type FormState } from '@/lib/forms';
import { Field, FormMessage, SubmitButton, TextAreaField } from '@/app/ui/form';
import { MARKDOWN_MAX, SUMMARY_MAX, SUMMARY_MIN, TITLE_MAX, TITLE_MIN } from '@/lib/articles/schemas';
import { previewArticleAction } from './actions';

export interface ArticleFormValues {
  id?: string;
  title: string;
  slug: string;
  summary: string;
  markdown: string;
  tagIds: string[];
}

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  tags: { id: string; name: string }[];
  article?: ArticleFormValues;
}

/** A submit button that tells the action what to do with the article (`intent`). */
function IntentButton({ intent, primary, children }: { intent: 'draft' | 'publish'; primary?: boolean; children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name="intent" value={intent} className={primary ? 'btn btn-primary' : 'btn'} disabled={pending} aria-disabled={pending}>
      {children}
    </button>
  );
}

/** Create/edit form. Editing keeps the status; creating offers "Save draft" or "Publish". */
export function ArticleForm({ action, tags, article }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<{ title: string; html: string } | { error: string } | null>(null);
  const [previewing, startPreview] = useTransition();
  const selected = new Set(state.values?.tagIds !== undefined ? state.values.tagIds.split(',').filter(Boolean) : (article?.tagIds ?? []));

  const showPreview = () =>
    startPreview(async () => {
      const form = formRef.current;
      if (!form) return;
      const data = new FormData(form);
      const result = await previewArticleAction(String(data.get('markdown') ?? ''));
      setPreview(result.ok ? { title: String(data.get('title') ?? ''), html: result.html } : { error: result.message });
    });

  return (
    <>
      <form ref={formRef} action={formAction} className="form" noValidate>
        <FormMessage state={state} />
        {article?.id && <input type="hidden" name="id" value={article.id} />}
        <Field label="Title" name="title" required minLength={TITLE_MIN} maxLength={TITLE_MAX} state={state} defaultValue={article?.title} />
        <Field
          label="Slug"
          name="slug"
          state={state}
          defaultValue={article?.slug}
          hint={article ? 'The address of the article: /articles/<slug>. Changing it breaks existing links.' : 'Leave empty to make one from the title.'}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
        />
        <TextAreaField
          label="Summary"
          name="summary"
          rows={3}
          required
          minLength={SUMMARY_MIN}
          maxLength={SUMMARY_MAX}
          state={state}
          defaultValue={article?.summary}
          hint={`${SUMMARY_MIN}-${SUMMARY_MAX} characters. Shown in listings and as the search engine description.`}
          style={{ minHeight: '5rem', fontFamily: 'inherit' }}
        />
        <TextAreaField label="Text (Markdown)" name="markdown" rows={20} required maxLength={MARKDOWN_MAX} state={state} defaultValue={article?.markdown} />
        <fieldset className="field" aria-describedby={state.errors?.tagIds ? 'f-tagIds-error' : undefined}>
          <legend>Tags</legend>
          {tags.length === 0 ? (
            <p className="hint">No tags yet. Create them under Tags.</p>
          ) : (
            <ul className="tags" style={{ gap: '.5rem 1rem' }}>
              {tags.map((t) => (
                <li key={t.id}>
                  <label>
                    <input type="checkbox" name="tagIds" value={t.id} defaultChecked={selected.has(t.id)} key={`${t.id}-${selected.has(t.id)}`} /> {t.name}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {state.errors?.tagIds && (
            <p id="f-tagIds-error" className="field-error" role="alert">
              {state.errors.tagIds.join(' ')}
            </p>
          )}
        </fieldset>
        <p className="actions">
          <button type="button" className="btn" onClick={showPreview} disabled={previewing}>
            {previewing ? 'Rendering preview…' : 'Preview'}
          </button>
          {article?.id ? (
            <SubmitButton>Save changes</SubmitButton>
          ) : (
            <>
              <IntentButton intent="draft">Save draft</IntentButton>
              <IntentButton intent="publish" primary>
                Save and publish
              </IntentButton>
            </>
          )}
        </p>
      </form>
      {preview && (
        <section aria-labelledby="preview-heading" aria-live="polite" style={{ marginTop: '1.5rem' }}>
          <h2 id="preview-heading">Preview (not saved)</h2>
          {'error' in preview ? (
            <p className="form-message error">{preview.error}</p>
          ) : (
            <div className="article-body" data-testid="article-preview">
              <h1>{preview.title}</h1>
              <div dangerouslySetInnerHTML={{ __html: preview.html }} />
            </div>
          )}
        </section>
      )}
    </>
  );
}
