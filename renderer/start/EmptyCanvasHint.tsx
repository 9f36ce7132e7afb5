/** Shown on an empty canvas: what to do first. It lets drops and clicks through to the canvas. */
export function EmptyCanvasHint() {
  return (
    <div className="canvas-hint" data-testid="canvas.hint" aria-live="polite">
      <p><strong>This workflow is empty.</strong></p>
      <p>Drag a tool here from the Tools list, or select one there and press Enter.</p>
      <p>Then connect a tool&apos;s output (right) to the next tool&apos;s input (left), and Run.</p>
    </div>
  );
}
