/** What a CSV read reports as it goes: progress, and the conversion problems of every parsed range added up. */
import type { ConversionIssue } from './csvBatchParser.js';
import type { ChunkResult } from './csvChunks.js';
import { addValueChanges, noValueChanges, type ValueChanges } from './csvParserTypes.js';

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
  changes: ValueChanges;
}

export function emptyCsvReport(): CsvReadReport {
  return { issueCount: 0, issues: [], shortRows: 0, firstShortLine: 0, changes: noValueChanges() };
}

/** a copy of `report` that later additions to `report` do not change */
export function copyCsvReport(report: CsvReadReport): CsvReadReport {
  const changes = noValueChanges();
  addValueChanges(changes, report.changes, 1);
  return { ...report, issues: [...report.issues], changes };
}

/** adds one parser's counts (its lines numbered from 1) to `report`, shifted to start at `line` */
export function addCounts(report: CsvReadReport, counts: Pick<ChunkResult, 'issueCount' | 'issues' | 'shortRows' | 'firstShortLine' | 'changes'>, line: number): void {
  report.issueCount += counts.issueCount;
  for (const issue of counts.issues) if (report.issues.length < 10) report.issues.push({ ...issue, line: issue.line + line - 1 });
  if (counts.shortRows > 0 && report.shortRows === 0) report.firstShortLine = counts.firstShortLine + line - 1;
  report.shortRows += counts.shortRows;
  addValueChanges(report.changes, counts.changes, line);
}
