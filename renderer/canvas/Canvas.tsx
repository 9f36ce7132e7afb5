import { ReactFlowProvider } from '@xyflow/react';
import { EmptyCanvasHint } from '../start/EmptyCanvasHint.js';
import { StartPage } from '../start/StartPage.js';
import { useStartPageStore } from '../start/startPageStore.js';
import { useSettingsStore } from '../store/settingsStore.js';
import { useWorkflowStore } from '../store/workflowStore.js';
import { FlowCanvas } from './FlowCanvas.js';

const selectEmpty = (state: { workflow: { tools: unknown[]; notes?: unknown[]; groups?: unknown[] } }) =>
  state.workflow.tools.length === 0 && (state.workflow.notes?.length ?? 0) === 0 && (state.workflow.groups?.length ?? 0) === 0;

/** The canvas; on an empty workflow, the start page (a window opened without one) or a hint. */
export function Canvas() {
  const empty = useWorkflowStore(selectEmpty);
  const start = useStartPageStore((state) => state.visible);
  const cardSize = useSettingsStore((state) => state.cardSize);
  return (
    <section className={`canvas cards-${cardSize}`} role="region" aria-label="Workflow canvas" data-testid="canvas">
      <ReactFlowProvider>
        <FlowCanvas />
      </ReactFlowProvider>
      {empty && (start ? <StartPage /> : <EmptyCanvasHint />)}
    </section>
  );
}
