/** The converter of each Alteryx tool, by GuiSettings plugin name (or macro file name). */
import { convertAutoField } from './converters/autoField.js';
import { convertBrowse } from './converters/browse.js';
import { convertDynamicRename } from './converters/dynamicRename.js';
import { convertFilter } from './converters/filter.js';
import { convertFormula } from './converters/formula.js';
import { convertInputData } from './converters/inputData.js';
import { convertJoin } from './converters/join.js';
import { convertOutputData } from './converters/outputData.js';
import { convertRecordId } from './converters/recordId.js';
import { convertSample } from './converters/sample.js';
import { convertSelect } from './converters/select.js';
import { convertSort } from './converters/sort.js';
import { convertSummarize } from './converters/summarize.js';
import { convertTextInput } from './converters/textInput.js';
import { convertUnion } from './converters/union.js';
import { convertUnique } from './converters/unique.js';
import { convertAppendFields } from './converters/appendFields.js';
import { convertCrossTab } from './converters/crossTab.js';
import { convertDataCleansing } from './converters/dataCleansing.js';
import { convertDateTime } from './converters/dateTime.js';
import { convertFindReplace } from './converters/findReplace.js';
import { convertGenerateRows } from './converters/generateRows.js';
import { convertJsonParse } from './converters/jsonParse.js';
import { convertJoinMultiple } from './converters/joinMultiple.js';
import { convertMultiFieldFormula } from './converters/multiFieldFormula.js';
import { convertMultiRowFormula } from './converters/multiRowFormula.js';
import { convertRegex } from './converters/regex.js';
import { convertRunningTotal } from './converters/runningTotal.js';
import { convertTextToColumns } from './converters/textToColumns.js';
import { convertTile } from './converters/tile.js';
import { convertTranspose } from './converters/transpose.js';
import { convertMacroInput, convertMacroOutput } from './converters/macroAnchors.js';
import { convertRandomSample } from './converters/randomSample.js';
import type { Converter } from './importTypes.js';

export const CONVERTERS: ReadonlyMap<string, Converter> = new Map<string, Converter>([
  ['AlteryxBasePluginsGui.DbFileInput.DbFileInput', convertInputData],
  ['AlteryxBasePluginsGui.TextInput.TextInput', convertTextInput],
  ['AlteryxBasePluginsGui.AlteryxSelect.AlteryxSelect', convertSelect],
  ['AlteryxBasePluginsGui.Filter.Filter', convertFilter],
  ['AlteryxBasePluginsGui.Formula.Formula', convertFormula],
  ['AlteryxBasePluginsGui.Sort.Sort', convertSort],
  ['AlteryxBasePluginsGui.Sample.Sample', convertSample],
  ['AlteryxBasePluginsGui.Unique.Unique', convertUnique],
  ['AlteryxBasePluginsGui.Join.Join', convertJoin],
  ['AlteryxBasePluginsGui.Union.Union', convertUnion],
  ['AlteryxSpatialPluginsGui.Summarize.Summarize', convertSummarize],
  ['AlteryxBasePluginsGui.Summarize.Summarize', convertSummarize],
  ['AlteryxBasePluginsGui.RecordID.RecordID', convertRecordId],
  ['AlteryxBasePluginsGui.BrowseV2.BrowseV2', convertBrowse],
  ['AlteryxBasePluginsGui.Browse.Browse', convertBrowse],
  ['AlteryxBasePluginsGui.DbFileOutput.DbFileOutput', convertOutputData],
  ['AlteryxBasePluginsGui.MultiRowFormula.MultiRowFormula', convertMultiRowFormula],
  ['AlteryxBasePluginsGui.RegEx.RegEx', convertRegex],
  ['AlteryxBasePluginsGui.CrossTab.CrossTab', convertCrossTab],
  ['AlteryxBasePluginsGui.Transpose.Transpose', convertTranspose],
  ['AlteryxBasePluginsGui.TextToColumns.TextToColumns', convertTextToColumns],
  ['Cleanse.yxmc', convertDataCleansing],
  ['AlteryxBasePluginsGui.AppendFields.AppendFields', convertAppendFields],
  ['AlteryxBasePluginsGui.DateTime.DateTime', convertDateTime],
  ['AlteryxBasePluginsGui.FindReplace.FindReplace', convertFindReplace],
  ['AlteryxSpatialPluginsGui.RunningTotal.RunningTotal', convertRunningTotal],
  ['AlteryxBasePluginsGui.RunningTotal.RunningTotal', convertRunningTotal],
  ['AlteryxBasePluginsGui.Tile.Tile', convertTile],
  ['AlteryxBasePluginsGui.GenerateRows.GenerateRows', convertGenerateRows],
  ['AlteryxBasePluginsGui.JSONParse.JSONParse', convertJsonParse],
  ['AlteryxBasePluginsGui.MultiFieldFormula.MultiFieldFormula', convertMultiFieldFormula],
  ['AlteryxBasePluginsGui.JoinMultiple.JoinMultiple', convertJoinMultiple],
  ['AlteryxBasePluginsGui.DynamicRename.DynamicRename', convertDynamicRename],
  ['AlteryxBasePluginsGui.AutoField.AutoField', convertAutoField],
  ['RandomRecords.yxmc', convertRandomSample],
  ['AlteryxBasePluginsGui.MacroInput.MacroInput', convertMacroInput],
  ['AlteryxBasePluginsGui.MacroOutput.MacroOutput', convertMacroOutput],
]);

/** the converter of a plugin name; macros by file name, in any letter case (`cleanse.YXMC`) */
export function converterOf(plugin: string): Converter | undefined {
  return CONVERTERS.get(plugin) ?? (/\.yxmc$/i.test(plugin) ? [...CONVERTERS].find(([name]) => name.toLowerCase() === plugin.toLowerCase())?.[1] : undefined);
}
