/**
 * Submitting the app's Server Action forms over plain HTTP, the way a browser without JavaScript
 * does (React renders these forms for progressive enhancement): the rendered <form> carries the
 * action reference in hidden inputs ($ACTION_REF_n, $ACTION_n:0, $ACTION_n:1, $ACTION_KEY);
 * posting them back as multipart form data with the visible fields runs the action, and a
 * redirect() in the action answers 303 with its Location.
 */

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", '#39': "'", '#x27': "'" };

export const decodeHtml = (text: string) => text.replace(/&(amp|quot|lt|gt|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name]);

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(/[$]/g, '\\$')}="([^"]*)"`).exec(tag);
  return m ? decodeHtml(m[1]) : null;
}

export interface ParsedForm {
  /** Hidden inputs, in document order (the action reference among them). */
  hidden: Array<[string, string]>;
  /** Current values of the visible inputs (`value` attributes), e.g. the default date. */
  values: Record<string, string>;
}

/** The first <form> in `html` that has an input named `field`, or null. */
export function findForm(html: string, field: string): ParsedForm | null {
  for (const m of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const body = m[1];
    if (!body.includes(`name="${field}"`)) continue;
    const hidden: Array<[string, string]> = [];
    const values: Record<string, string> = {};
    for (const input of body.matchAll(/<input\b[^>]*>/g)) {
      const tag = input[0];
      const name = attribute(tag, 'name');
      if (!name) continue;
      const value = attribute(tag, 'value') ?? '';
      if (attribute(tag, 'type') === 'hidden') hidden.push([name, value]);
      else values[name] = value;
    }
    if (!hidden.some(([name]) => name.startsWith('$ACTION'))) return null;
    return { hidden, values };
  }
  return null;
}

/** Multipart body: the form's hidden fields, then `fields`. */
export function formBody(form: ParsedForm, fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of form.hidden) data.append(name, value);
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
