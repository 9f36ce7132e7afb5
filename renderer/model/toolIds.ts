import type { Workflow } from '../../shared/workflow.js';

/** The next free tool id of the form `t<n>`, greater than every `t<n>` in use. */
export function nextToolId(workflow: Pick<Workflow, 'tools'>, taken: ReadonlySet<string> = new Set()): string {
  let highest = 0;
  for (const tool of workflow.tools) {
    const match = /^t(\d+)$/.exec(tool.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  for (const id of taken) {
    const match = /^t(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `t${highest + 1}`;
}
