/**
 * The Browse tool stores its whole stream as the run result `browse-<toolId>.arrow`; the host
 * pages through that file and the results panel recognises it: one place names it for both (the
 * plugin, written as a third party would, spells the same name out).
 */
export function browseResultFileName(toolId: string): string {
  return `browse-${toolId}.arrow`;
}

/** the tool id of a browse result path, or null when the path is not one */
export function browseResultToolId(resultPath: string): string | null {
  return /(?:^|[\\/])browse-([^\\/]+)\.arrow$/.exec(resultPath)?.[1] ?? null;
}
