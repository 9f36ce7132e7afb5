/** What a CSV read reports as it goes: progress, and the conversion problems of every parsed range added up. */
import type { ConversionIssue } from './csvBatchParser.js';
import type { ChunkResult } from './csvChunks.js';

export interface CsvProgress {
  bytesRead: number;
  size: number;
}

/** the parser's conversion problems so far, for messages */
export interface CsvReadReport {
  issueCount: number;
  issues: ConversionIssue[];
  shortRows: number;
  firstShortLine: number;
}

/** adds one parser's counts (its lines numbered from 1) to `report`, shifted to start at `line` */
export function addCounts(report: CsvReadReport, counts: Pick<ChunkResult, 'issueCount' | 'issues' | 'shortRows' | 'firstShortLine'>, line: number): void {
  report.issueCount += counts.issueCount;
  for (const issue of counts.issues) if (report.issues.length < 10) report.issues.push({ ...issue, line: issue.line + line - 1 });
  if (counts.shortRows > 0 && report.shortRows === 0) report.firstShortLine = counts.firstShortLine + line - 1;
  report.shortRows += counts.shortRows;
}
