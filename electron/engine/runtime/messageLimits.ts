/**
 * Bounds on what a tool can send towards the UI. A plugin's message text, error text or preview
 * cell can be any size, and every byte is cloned to the host and then to the app or the browser:
 * a 50 MB error text would freeze the results panel. Texts are cut with a note saying how long
 * they were; the worker cuts before posting (no huge clone) and the host cuts again (a message
 * that did not come through the provider).
 */
import type { PreviewRow, PreviewValue } from '../../../shared/runEvents.js';

/** characters of one message or error text kept */
export const MAX_MESSAGE_CHARS = 10_000;
/** characters of one preview cell kept */
export const MAX_PREVIEW_CELL_CHARS = 2_000;
/** info and warn messages kept per tool per run (errors are always kept) */
export const MAX_MESSAGES_PER_TOOL = 1_000;

/** room for the note capText appends: a text cut once is not cut again */
const NOTE_ROOM = 64;

/** `text` cut to `limit` characters, with a note of its full length */
export function capText(text: string, limit = MAX_MESSAGE_CHARS): string {
  if (text.length <= limit + NOTE_ROOM) return text;
  return `${text.slice(0, limit)}… [cut: ${text.length.toLocaleString('en')} characters in all]`;
}

/** at most `rows` rows, each string cell cut to MAX_PREVIEW_CELL_CHARS */
export function capPreview(preview: PreviewRow[], rows: number): PreviewRow[] {
  const kept = preview.length > rows ? preview.slice(0, rows) : preview;
  return kept.map((row) => {
    const cells = Object.entries(row);
    if (!cells.some(([, value]) => isLong(value))) return row;
    // fromEntries defines own properties: a field named `__proto__` stays a field
    return Object.fromEntries(cells.map(([key, value]) => [key, capPreviewCell(value)]));
  });
}

/** a preview cell, string cut to MAX_PREVIEW_CELL_CHARS */
export function capPreviewCell(value: PreviewValue): PreviewValue {
  return isLong(value) ? capText(value as string, MAX_PREVIEW_CELL_CHARS) : value;
}

function isLong(value: PreviewValue): boolean {
  return typeof value === 'string' && value.length > MAX_PREVIEW_CELL_CHARS + NOTE_ROOM;
}
