/** The converter of each Alteryx tool, by GuiSettings plugin name (or macro file name). */
import { convertBrowse } from './converters/browse.js';
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
]);
