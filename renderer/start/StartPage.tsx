import { useEffect, useState } from 'react';
import type { ExampleWorkflow } from '../../shared/weftApi.js';
import { getWeftApi } from '../api/index.js';
import { newWorkflow, openWorkflowAt, requestOpenWorkflow } from '../app/workflowCommands.js';
import { useSettingsStore } from '../store/settingsStore.js';
import { startPageStore } from './startPageStore.js';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** New, Open, recent workflows, the examples that ship with Weft, and how it works, in one card. */
export function StartPage() {
  const recent = useSettingsStore((state) => state.recentWorkflows);
  const [examples, setExamples] = useState<ExampleWorkflow[]>([]);
  useEffect(() => {
    let live = true;
    getWeftApi().listExamples().then((list) => { if (live) setExamples(list); }).catch(() => undefined);
    return () => { live = false; };
  }, []);
  const open = (path: string) => void openWorkflowAt(path);
  return (
    <div className="start-page" role="region" aria-label="Start">
      <div className="start-card">
        <h2>Start</h2>
        <div className="start-actions">
          <button type="button" className="primary" onClick={() => { startPageStore.getState().hideStartPage(); newWorkflow(); }}>New workflow</button>
          <button type="button" onClick={requestOpenWorkflow}>Open…</button>
        </div>
        <div className="start-columns">
          <section aria-label="Recent workflows">
            <h3>Recent</h3>
            {recent.length === 0 ? <p className="muted small">Workflows you open or save show here.</p> : (
              <ul>{recent.map((path) => <li key={path}><button type="button" className="link-button" title={path} onClick={() => open(path)}>{fileName(path)}</button></li>)}</ul>
            )}
          </section>
          <section aria-label="Examples">
            <h3>Examples</h3>
            {examples.length === 0 ? <p className="muted small">No examples found.</p> : (
              <ul>{examples.map((example) => (
                <li key={example.path}>
                  <button type="button" className="link-button" title={example.path} onClick={() => open(example.path)}>{example.name}</button>
                  {example.description && <span className="muted small"> · {example.description}</span>}
                </li>
              ))}</ul>
            )}
          </section>
        </div>
        <section className="start-how" aria-label="How it works">
          <h3>How it works</h3>
          <p className="small">
            A workflow is a chain of tools. Drag a tool from the Tools list onto the canvas (or select it and press Enter), then
            drag from a tool&apos;s output on its right to the next tool&apos;s input on its left. Select a tool to set it up on the
            right; tools that still need something say so in grey. Run reads your data through the chain: each connection shows its
            record count, and the Results panel shows the rows and fields of the selected tool.
          </p>
        </section>
      </div>
    </div>
  );
}
