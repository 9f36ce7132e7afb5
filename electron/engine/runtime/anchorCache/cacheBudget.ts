/** The anchor cache's disk budget per workflow: `$WEFT_CACHE_BUDGET_MB` when set, else 2 GB. */
export const DEFAULT_CACHE_BUDGET_MB = 2048;

export function defaultCacheBudgetBytes(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.WEFT_CACHE_BUDGET_MB);
  return (Number.isFinite(value) && value >= 0 && env.WEFT_CACHE_BUDGET_MB?.trim() ? value : DEFAULT_CACHE_BUDGET_MB) * 1024 * 1024;
}
