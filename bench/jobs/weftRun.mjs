// Runs one workflow file through the engine, as the app does (a session's runWorkflow), in its
// own process so its peak RSS is its own. Prints { wall_s, peak_rss_mb, status }.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [workflowPath, weftHome] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '..', '..');
const { createEngineHost } = await import(pathToFileURL(path.join(root, 'dist/electron/engine/service/index.js')).href);
const host = await createEngineHost({ dataDir: weftHome });
const session = host.createSession();
const workflow = JSON.parse(fs.readFileSync(workflowPath, 'utf8'));
const started = performance.now();
const summary = await session.runWorkflow(workflow, workflowPath);
const wallS = (performance.now() - started) / 1000;
const failures = Object.entries(summary.tools)
  .filter(([, t]) => t.status !== 'ok')
  .map(([id, t]) => `${id}: ${t.status} ${t.messages.map((m) => m.text).join('; ')}`);
process.stdout.write(JSON.stringify({ wall_s: wallS, peak_rss_mb: process.resourceUsage().maxRSS / 1024, status: summary.status, failures }) + '\n');
await host.dispose();
process.exit(0);
