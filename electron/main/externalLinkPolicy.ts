/**
 * Which links the app hands to the user's browser: documentation on the allow-list opens at once,
 * any other https link only after the user confirms it, anything else (file:, http:, custom
 * schemes, credentials in the URL) never. The project site joins the list once it has one.
 */
export const externalLinkAllowList: readonly string[] = [
  'https://arrow.apache.org/docs/',
  'https://json-schema.org/',
];

export type ExternalLinkDecision = 'open' | 'confirm' | 'refuse';

export function externalLinkDecision(url: string, allowList: readonly string[] = externalLinkAllowList): ExternalLinkDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'refuse';
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return 'refuse';
  const onList = allowList.some((prefix) => {
    const allowed = new URL(prefix);
    return parsed.origin === allowed.origin && parsed.pathname.startsWith(allowed.pathname);
  });
  return onList ? 'open' : 'confirm';
}
