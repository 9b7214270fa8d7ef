/**
 * The data a proposal's preview runs with. Pure.
 *
 * The preview is a fork of the app: the proposed components with the app's data as it is now,
 * so the person tries the change on their own items, their half-typed draft and their settings.
 * The server's proposal carries only the document's shared data as it was when the proposal was
 * made: a `person` or `local` field (a dark-mode switch, a draft) was missing from it, so the
 * preview ran with `undefined` where a boolean was declared, and flipping the new toggle failed
 * with E_RENDER.
 */
import type { JsonValue } from '../../model/types';
import type { LiveSource } from '../../runtime/compiled';
import { checkValue } from '../../schema/statetype';

type Data = Readonly<Record<string, JsonValue>>;

/**
 * Every field the proposed root declares, from the first of `sources` that has a value of the
 * field's (proposed) type, else the proposal's own data, else the field's initial value. Give
 * the sources newest first: what the preview's sandbox holds now (so a value tried out in the
 * preview is not reset), then the live app's data.
 */
export function previewData(
  preview: Extract<LiveSource, { ok: true }>,
  sources: readonly (Data | null)[]
): Record<string, JsonValue> {
  const root = preview.components.find((c) => c.id === preview.root);
  if (!root) return { ...preview.data };
  const out: Record<string, JsonValue> = {};
  for (const [field, initial] of Object.entries(root.state)) {
    const type = Object.hasOwn(root.types, field) ? root.types[field] : undefined;
    const fits = (data: Data | null) =>
      !!data && Object.hasOwn(data, field) && (!type || checkValue(type, data[field]) === null);
    const from = [...sources, preview.data].find(fits);
    out[field] = from ? from[field] : initial;
  }
  return out;
}
