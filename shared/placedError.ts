/** Errors are values with a place, rendered the same in the app, the command and the logs. */
export interface PlacedError {
  message: string;
  file?: string;
  /** a JSON pointer or dotted path inside the file, e.g. `tools[2].plugin` */
  path?: string;
  tool?: string;
  anchor?: string;
  phase?: string;
}

export function formatPlacedError(error: PlacedError): string {
  const place = [
    error.file,
    error.path,
    error.tool ? `tool ${error.tool}` : undefined,
    error.anchor ? `anchor ${error.anchor}` : undefined,
    error.phase,
  ].filter(Boolean);
  return place.length > 0 ? `${place.join(': ')}: ${error.message}` : error.message;
}
