/**
 * The constants a formula can name: the workflow's own (`<Properties><Constants>`, `[User.X]`)
 * and the engine's (`[Engine.WorkflowDirectory]`, …), as Weft formula literals.
 */
import os from 'node:os';
import path from 'node:path';
import { formulaLiteral, type FormulaConstants } from './formulaDialect.js';
import { isTrue } from './alteryxTypes.js';
import type { XmlElement } from './xmlTree.js';

export function workflowConstants(root: XmlElement, outputDir: string): FormulaConstants {
  const constants = new Map<string, { literal: string; approximation?: string }>([
    // Alteryx writes the folder with its trailing separator
    ['Engine.WorkflowDirectory', { literal: formulaLiteral(outputDir + path.sep, false) }],
    ['Engine.IterationNumber', { literal: '0' }],
    ['Engine.TempFilePath', { literal: formulaLiteral(os.tmpdir() + path.sep, false), approximation: '[Engine.TempFilePath] is this machine\'s temp folder at import time' }],
    ['Engine.GuiInteraction', { literal: '0', approximation: '[Engine.GuiInteraction] is 0 (Weft runs have no Designer interaction flag)' }],
  ]);
  for (const constant of root.find('Properties/Constants')?.children('Constant') ?? []) {
    const namespace = constant.value('Namespace')?.trim() || 'User';
    const name = constant.value('Name')?.trim();
    if (!name || namespace === 'Engine') continue;
    constants.set(`${namespace}.${name}`, { literal: formulaLiteral(constant.value('Value') ?? '', isTrue(constant.value('IsNumeric'))) });
  }
  return constants;
}
