/**
 * `weft dev DIR [FLOW] [--run]`: the plugin author's loop. On every edit in DIR (after 100 ms of
 * quiet) it runs the package's build (`npm run build`, when package.json has one), reloads the
 * folder, re-runs update-only (or, with --run, a full run) of FLOW or of a generated flow that feeds
 * each tool of the package alone (three sample rows from weft/text-input on every input), and prints
 * each tool's status, output metadata, messages and first rows. A failed build or load is printed
 * with its place and the last good version stays loaded.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { formatPlacedError } from '../../shared/placedError.js';
import type { PreviewRow, RunSummary } from '../../shared/runEvents.js';
import { WORKFLOW_FORMAT, WORKFLOW_VERSION, type Workflow } from '../../shared/workflow.js';
import type { ToolDescriptor } from '../../shared/manifest.js';
import { resolveDataFolder } from '../engine/dataFolder.js';
import { createEngineHost, type EngineHost } from '../engine/service/index.js';
import { loadWorkflowFile } from '../engine/workflowFiles/workflowFileStore.js';
import type { AuthoringCommand } from './authoringCommandLine.js';
import { EXIT_FAILED, EXIT_OK } from './exitCodes.js';
import type { Terminal } from './terminal.js';

type DevCommand = Extract<AuthoringCommand, { kind: 'dev' }>;

const QUIET_MS = 100;
/** edits here never trigger a cycle: what the build itself writes, and what a package does not ship */
const IGNORED = /^(node_modules|\.git)(\/|$)|\.weftpkg$|^src\/[^/]+\.config\.ts$/;

function buildScriptOf(dir: string): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    return typeof pkg.scripts?.build === 'string';
  } catch {
    return false;
  }
}

/** every tool of the package alone, its inputs fed by three sample rows */
function generatedFlow(tools: ToolDescriptor[]): Workflow {
  const workflow: Workflow = { format: WORKFLOW_FORMAT, version: WORKFLOW_VERSION, tools: [], connections: [] };
  for (const [i, tool] of tools.entries()) {
    const id = tool.id.split('/')[1];
    workflow.tools.push({ id, plugin: tool.id, config: {}, position: { x: 300, y: i * 200 } });
    for (const anchor of tool.inputs) {
      const source = `${id}.${anchor.name}`;
      workflow.tools.push({
        id: source, plugin: 'weft/text-input', position: { x: 0, y: i * 200 },
        config: { fields: [{ name: 'name', type: 'v_wstring' }, { name: 'value', type: 'double' }], rows: [['a', 1], ['b', 2], ['c', 3]] },
      });
      workflow.connections.push({ from: { tool: source, anchor: 'Output' }, to: { tool: id, anchor: anchor.name } });
    }
  }
  return workflow;
}

function describeRun(summary: RunSummary, workflow: Workflow, previews: Map<string, PreviewRow[]>, shown: (toolId: string) => boolean): string {
  const lines: string[] = [];
  for (const tool of workflow.tools.filter((t) => shown(t.id))) {
    const result = summary.tools[tool.id];
    if (!result) continue;
    lines.push(`${tool.id} (${tool.plugin}): ${result.status}`);
    for (const [anchor, output] of Object.entries(result.outputs)) {
      const fields = output.metadata.fields.map((f) => `${f.name} ${f.type}${f.size !== undefined ? `(${f.size})` : ''}`).join(', ');
      lines.push(`  ${anchor}${output.records !== undefined ? ` [${output.records} records]` : ''}: ${fields}`);
      for (const row of previews.get(`${tool.id}.${anchor}`) ?? []) lines.push(`    ${JSON.stringify(row)}`);
    }
    for (const message of result.messages) lines.push(`  ${message.level}: ${message.text}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function devCommand(command: DevCommand, terminal: Terminal, stop: AbortSignal = interruptSignal()): Promise<number> {
  let host: EngineHost;
  try {
    host = await createEngineHost({ dataDir: resolveDataFolder() });
  } catch (error) {
    terminal.err(`weft: dev: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  const builds = buildScriptOf(command.dir);
  let tools: ToolDescriptor[] | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  async function cycle(reason: string): Promise<void> {
    const started = performance.now();
    terminal.err(`── ${reason}\n`);
    if (builds) {
      try {
        await promisify(execFile)('npm', ['run', '--silent', 'build'], { cwd: command.dir });
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        terminal.out(`build failed (npm run build in ${command.dir}):\n${stderr || stdout || (error as Error).message}\n`);
        return;
      }
    }
    try {
      tools = await host.registry.loadFolder(command.dir, { watch: false });
    } catch (error) {
      terminal.out(`load failed, ${tools ? 'the last good version stays loaded' : 'nothing loaded'}: ${(error as Error).message}\n`);
      if (command.verbose && (error as Error).stack) terminal.err(`${(error as Error).stack}\n`);
      if (!tools) return;
    }
    let workflow: Workflow;
    let workflowDir: string | null = null;
    if (command.flow) {
      const loaded = await loadWorkflowFile(command.flow, (fullId) => host.registry.resolve(fullId)?.descriptor);
      if (!loaded.ok) {
        terminal.out(`${loaded.errors.map(formatPlacedError).join('\n')}\n`);
        return;
      }
      workflow = loaded.workflow;
      workflowDir = path.dirname(loaded.path);
    } else workflow = generatedFlow(tools!);
    const previews = new Map<string, PreviewRow[]>();
    const summary = await host.runner.run(workflow, {
      mode: command.run ? 'full' : 'update', workflowDir, previewRows: command.rows,
      onEvent: (event) => {
        if (event.type === 'anchor-preview') previews.set(`${event.toolId}.${event.anchor}`, event.rows);
      },
    });
    const ownTools = new Set(tools!.map((t) => t.id));
    const shown = command.flow ? () => true : (id: string) => ownTools.has(workflow.tools.find((t) => t.id === id)!.plugin);
    terminal.out(describeRun(summary, workflow, previews, shown));
    terminal.err(`── ${command.run ? 'full run' : 'update-only'} ${summary.status} in ${Math.round(performance.now() - started)} ms after the ${reason === 'start' ? 'start' : 'edit'}; watching ${command.dir} (Ctrl-C ends)\n`);
  }

  function schedule(reason: string): void {
    if (running) {
      again = true;
      return;
    }
    running = cycle(reason)
      .catch((error: unknown) => terminal.out(`weft: dev: ${(error as Error).message}\n`))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule('edits made during the last run');
        }
      });
  }

  const keepAlive = setInterval(() => {}, 60_000);
  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(command.dir, { recursive: true }, (_event, file) => {
    const relative = String(file ?? '').split(path.sep).join('/');
    if (IGNORED.test(relative) || (builds && /^dist(\/|$)/.test(relative))) return;
    clearTimeout(timer);
    timer = setTimeout(() => schedule(`edit of ${relative}`), QUIET_MS);
  });
  try {
    schedule('start');
    await new Promise<void>((resolve) => (stop.aborted ? resolve() : stop.addEventListener('abort', () => resolve(), { once: true })));
    await running;
    return tools ? EXIT_OK : EXIT_FAILED;
  } finally {
    watcher.close();
    clearTimeout(timer);
    clearInterval(keepAlive);
    await host.dispose();
  }
}

function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}
