import { WEB_API_PATH, WEB_TOKEN_PARAM } from '../../shared/apiBridge.js';

const TOKEN_KEY = 'weft.token';

interface LocationLike {
  protocol: string;
  host: string;
  search: string;
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The WebSocket address of the browser-mode server that served this page. The access token comes
 * from the page address (`?token=…`, as printed by `npm run web`); it is kept in sessionStorage so
 * that a reload of a page whose address lost the token still connects.
 */
export function browserApiUrl(location: LocationLike, storage: StorageLike | null): string {
  const fromQuery = new URLSearchParams(location.search).get(WEB_TOKEN_PARAM);
  if (fromQuery) storage?.setItem(TOKEN_KEY, fromQuery);
  const token = fromQuery ?? storage?.getItem(TOKEN_KEY) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WEB_API_PATH}?${WEB_TOKEN_PARAM}=${encodeURIComponent(token)}`;
}
