/** Message validation as Discord does it, so that a bot's over-long embed fails here too. */

export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  customId: 100,
} as const;

type Json = Record<string, unknown>;

function tooLong(path: string, max: number): FieldError {
  return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function checkEmbed(embed: Json, i: number, errors: FieldError[]): number {
  const p = `embeds.${i}`;
  let total = 0;
  const text = (path: string, value: unknown, max: number) => {
    const n = lengthOf(value);
    total += n;
    if (n > max) errors.push(tooLong(`${p}.${path}`, max));
  };
  text('title', embed.title, LIMITS.title);
  text('description', embed.description, LIMITS.description);
  text('footer.text', (embed.footer as Json | undefined)?.text, LIMITS.footer);
  text('author.name', (embed.author as Json | undefined)?.name, LIMITS.author);
  const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
  if (fields.length > LIMITS.fields)
    errors.push({
      path: `${p}.fields`,
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${LIMITS.fields} or fewer in length.`,
    });
  fields.forEach((field, j) => {
    text(`fields.${j}.name`, field.name, LIMITS.fieldName);
    text(`fields.${j}.value`, field.value, LIMITS.fieldValue);
    if (!field.name || !field.value)
      errors.push({
        path: `${p}.fields.${j}`,
        code: 'BASE_TYPE_REQUIRED',
        message: 'This field is required',
      });
  });
  return total;
}

function checkComponents(components: unknown, errors: FieldError[]): void {
  if (!Array.isArray(components)) return;
  components.forEach((row: Json, i) => {
    const inner = Array.isArray(row.components) ? (row.components as Json[]) : [];
    inner.forEach((c, j) => {
      if (lengthOf(c.custom_id) > LIMITS.customId)
        errors.push(tooLong(`components.${i}.components.${j}.custom_id`, LIMITS.customId));
    });
  });
}

/** Problems with a message body (create or edit, or an interaction reply's data). */
export function validateMessage(body: Json): FieldError[] {
  const errors: FieldError[] = [];
  if (lengthOf(body.content) > LIMITS.content) errors.push(tooLong('content', LIMITS.content));
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  if (embeds.length > LIMITS.embeds) errors.push(tooLong('embeds', LIMITS.embeds));
  let total = 0;
  embeds.forEach((embed, i) => (total += checkEmbed(embed, i, errors)));
  if (total > LIMITS.total)
    errors.push({
      path: 'embeds',
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    });
  checkComponents(body.components, errors);
  return errors;
}

/** Discord's error body for an invalid form: nested `_errors` by path. */
export function invalidFormBody(errors: FieldError[]): Json {
  const tree: Json = {};
  for (const error of errors) {
    let node = tree;
    for (const key of error.path.split('.')) node = (node[key] ??= {}) as Json;
    ((node._errors ??= []) as unknown[]).push({ code: error.code, message: error.message });
  }
  return { message: 'Invalid Form Body', code: 50035, errors: tree };
}
