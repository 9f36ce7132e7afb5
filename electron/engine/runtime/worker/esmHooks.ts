/**
 * Module loader hooks, registered in each tool-host worker (`module.register`): the spec says a
 * plugin's `.js` files load as ES modules even when no package.json says `"type": "module"`.
 * Every `.js` file outside a `node_modules` folder is loaded as ESM; packages in `node_modules`
 * keep Node's own rules, so CommonJS dependencies of a plugin still work.
 */
interface LoadContext {
  format?: string | null;
  [key: string]: unknown;
}
type NextLoad = (url: string, context: LoadContext) => Promise<unknown>;

export async function load(url: string, context: LoadContext, nextLoad: NextLoad): Promise<unknown> {
  if (url.startsWith('file:')) {
    const pathname = new URL(url).pathname;
    if (pathname.endsWith('.js') && !pathname.includes('/node_modules/')) {
      return nextLoad(url, { ...context, format: 'module' });
    }
  }
  return nextLoad(url, context);
}
