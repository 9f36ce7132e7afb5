/**
 * `defaultConfig` is merged under a tool's saved config: the saved keys win, one level deep
 * (the SDK contract (docs/sdk.md)). Nested objects are merged key by key at the first level only.
 */
export function mergeDefaultConfig(
  defaults: Record<string, unknown>,
  saved: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(saved ?? {})) merged[key] = value;
  return merged;
}
