import { describe, expect, it } from 'vitest';
import type { Group, Workflow } from '../../../shared/workflow.js';
import { testWorkflow } from '../testing/index.js';
import { messageTexts, useLifecycleEngine } from '../testing/lifecycleTestEngine.js';

const lifecycle = useLifecycleEngine();

const group = (id: string, extra: Partial<Group> = {}): Group => ({
  id, name: id, position: { x: 0, y: 0 }, size: { width: 300, height: 200 }, color: 'blue', collapsed: false, disabled: false, ...extra,
});

/** two sources into one recorder, a second recorder after the first source; s1 and r1 sit in g1 inside g0 */
function grouped(groups: Group[]): Workflow {
  const workflow = testWorkflow({
    s1: { plugin: 'lt/source', config: { rows: 3 } },
    s2: { plugin: 'lt/source', config: { rows: 4 } },
    both: { plugin: 'lt/recorder' },
    r1: { plugin: 'lt/recorder' },
  }, [['s1.Output', 'both.Input'], ['s2.Output', 'both.Input'], ['s1.Output', 'r1.Input']]);
  workflow.tools[0]!.group = 'g1';
  workflow.tools[3]!.group = 'g1';
  return { ...workflow, groups };
}

describe('a disabled group', () => {
  it('leaves its tools out of a full run; the others run and keep their connection names', async () => {
    const { summary } = await lifecycle.engine.run(grouped([group('g1', { disabled: true })]), { mode: 'full' });
    expect(Object.keys(summary.tools).sort()).toEqual(['both', 's2']);
    expect(summary.status).toBe('ok');
    expect(summary.tools.both!.outputs.Output!.records).toBe(4);
    // s2 stays connection #2 of both.Input although #1 (from the disabled s1) is left out
    expect(messageTexts(summary, 'both').some((t) => t.startsWith('opened Input #2'))).toBe(true);
  });

  it('disables the groups inside it, in update-only runs too', async () => {
    const workflow = grouped([group('g0', { disabled: true }), group('g1', { parent: 'g0' })]);
    const { summary } = await lifecycle.engine.run(workflow, { mode: 'update', useCache: false });
    expect(Object.keys(summary.tools).sort()).toEqual(['both', 's2']);
  });

  it('leaves a downstream tool whose only input came from disabled tools with the usual error', async () => {
    const workflow = grouped([group('g1', { disabled: true })]);
    delete workflow.tools[3]!.group;
    const { summary } = await lifecycle.engine.run(workflow, { mode: 'full' });
    expect(summary.tools.r1!.status).toBe('error');
    expect(messageTexts(summary, 'r1').join('\n')).toMatch(/required input anchor 'Input' is not connected/);
    expect(summary.tools.s1).toBeUndefined();
  });

  it('an enabled group changes nothing', async () => {
    const { summary } = await lifecycle.engine.run(grouped([group('g1')]), { mode: 'full' });
    expect(Object.keys(summary.tools).sort()).toEqual(['both', 'r1', 's1', 's2']);
    expect(summary.tools.both!.outputs.Output!.records).toBe(7);
  });
});
