// Worker entries and built-in plugins run from dist/, so compile them before the tests run.
export default async function setup(): Promise<void> {
  // @ts-expect-error: plain ESM build script without type declarations
  const { ensureBuilt } = await import('./buildNode.mjs');
  await ensureBuilt();
}
