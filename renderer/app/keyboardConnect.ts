/** Enter on an output anchor picks it; Enter on an input anchor connects the picked output to it. */
import { checkConnection } from '../model/connectionRules.js';
import { catalogStore } from '../store/catalogStore.js';
import { dialogStore } from '../store/dialogStore.js';
import { keyboardConnectStore } from '../store/keyboardConnectStore.js';
import { workflowStore } from '../store/workflowStore.js';

const describe = (pluginId: string) => catalogStore.getState().byId.get(pluginId);

export function pressAnchor(toolId: string, anchor: string, direction: 'in' | 'out'): void {
  const { picked, pickAnchor } = keyboardConnectStore.getState();
  const notice = dialogStore.getState().showNotice;
  if (direction === 'out') {
    pickAnchor({ tool: toolId, anchor });
    notice(`Output ${anchor} of ${toolId} picked: press Enter on an input anchor to connect it, Escape to let go.`);
    return;
  }
  if (!picked) {
    notice('Pick an output first: press Enter on an output anchor (on the right of a tool), then on this input.');
    return;
  }
  const candidate = { fromTool: picked.tool, fromAnchor: picked.anchor, toTool: toolId, toAnchor: anchor };
  const verdict = checkConnection(workflowStore.getState().workflow, describe, candidate);
  if (!verdict.ok) {
    notice(`Cannot connect: ${verdict.reason}`, 'error');
    return;
  }
  workflowStore.getState().connectAnchors({ from: { tool: picked.tool, anchor: picked.anchor }, to: { tool: toolId, anchor } });
  pickAnchor(null);
  notice(`Connected ${picked.tool} ${picked.anchor} to ${toolId} ${anchor}.`);
}

export function dropPickedAnchor(): void {
  keyboardConnectStore.getState().pickAnchor(null);
}
