import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from './FlowCanvas.js';

export function Canvas() {
  return (
    <section className="canvas" role="region" aria-label="Workflow canvas" data-testid="canvas">
      <ReactFlowProvider>
        <FlowCanvas />
      </ReactFlowProvider>
    </section>
  );
}
