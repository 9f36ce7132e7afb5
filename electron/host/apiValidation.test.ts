import { describe, expect, it } from 'vitest';
import { DESKTOP_SHELL_COMMANDS } from '../../shared/apiBridge.js';
import { COMMAND_ARGS_SCHEMAS, SHELL_ARGS_SCHEMAS } from '../../shared/apiSchemas.js';
import { createCommandValidator, createRequestMessageValidator, createShellValidator } from './apiValidation.js';
import { WEFT_API_COMMANDS } from '../../shared/weftApi.js';
import { emptyWorkflow, type Workflow } from '../../shared/workflow.js';

const commands = createCommandValidator();
const shell = createShellValidator();

const workflow: Workflow = {
  ...emptyWorkflow(),
  tools: [
    { id: '1', plugin: 'weft/text-input', config: { rows: [] }, position: { x: 0, y: 0 }, extraKey: true },
    { id: '2', plugin: 'weft/browse', config: {}, position: { x: 200, y: 0 }, annotation: 'look' },
  ],
  connections: [{ from: { tool: '1', anchor: 'Output' }, to: { tool: '2', anchor: 'Input' } }],
};

describe('command argument schemas', () => {
  it('cover every command of the API and of the desktop shell', () => {
    expect(Object.keys(COMMAND_ARGS_SCHEMAS).sort()).toEqual([...WEFT_API_COMMANDS].sort());
    expect(Object.keys(SHELL_ARGS_SCHEMAS).sort()).toEqual([...DESKTOP_SHELL_COMMANDS].sort());
  });

  it('accept well-formed calls', () => {
    const good: [string, unknown[]][] = [
      ['listTools', []],
      ['openWorkflow', ['/tmp/a.weft.json']],
      ['saveWorkflow', ['/tmp/a.weft.json', workflow]],
      ['updateOnly', [workflow, null]],
      ['runWorkflow', [workflow, '/tmp/a.weft.json']],
      ['cancelRun', []],
      ['browseRows', ['run-1', '2', 'Input', 0, 100]],
      ['listRuns', []],
      ['cleanRuns', [7]],
      ['inspectPlugin', ['/tmp/plugin']],
      ['installPlugin', ['/tmp/plugin', false]],
      ['removePlugin', ['my-tools']],
      ['loadPluginFolder', ['/tmp/plugin']],
      ['saveAsTool', [{ id: 'clean-names', name: 'Clean names', tools: workflow.tools, connections: workflow.connections }]],
      ['removeVirtualTool', ['weft/clean-names']],
      ['listDirectory', [null]],
      ['listDirectory', ['/home']],
      ['listExamples', []],
    ];
    for (const [command, args] of good) {
      expect(commands.has(command)).toBe(true);
      expect(commands.check(command as 'listTools', args), command).toBeNull();
    }
  });

  it('refuse junk with an error naming the command and the argument', () => {
    expect(commands.check('openWorkflow', [42])).toMatchObject({
      message: 'invalid arguments for openWorkflow: args[0] must be string',
      path: 'openWorkflow args[0]',
    });
    expect(commands.check('openWorkflow', [])?.message).toContain('must NOT have fewer than 1 items');
    expect(commands.check('listTools', ['extra'])?.message).toContain('must NOT have more than 0 items');
    expect(commands.check('listTools', 'not-an-array')?.message).toContain('must be array');
    const broken = { ...workflow, tools: [{ ...workflow.tools[0], position: { x: 'left', y: 0 } }] };
    expect(commands.check('runWorkflow', [broken, null])?.path).toBe('runWorkflow args[0].tools[0].position.x');
    expect(commands.check('updateOnly', [{ ...workflow, format: 'other' }, null])?.path).toBe('updateOnly args[0].format');
    expect(commands.check('browseRows', ['r', 't', 'a', -1, 10])?.path).toBe('browseRows args[3]');
    expect(commands.check('browseRows', ['r', 't', 'a', 0, 1e9])?.path).toBe('browseRows args[4]');
    expect(commands.check('removePlugin', ['../etc'])?.path).toBe('removePlugin args[0]');
    expect(commands.check('saveAsTool', [{ id: 'Bad Id', name: 'x', tools: [], connections: [] }])?.path)
      .toBe('saveAsTool args[0].id');
    expect(commands.check('installPlugin', ['/p', 'yes'])?.path).toBe('installPlugin args[1]');
    expect(commands.check('openWorkflow', ['x'.repeat(5000)])?.path).toBe('openWorkflow args[0]');
    expect(commands.has('deleteEverything')).toBe(false);
  });

  it('check the desktop-shell commands', () => {
    expect(shell.check('pickPath', [{ kind: 'folder', title: 'Install plugin' }])).toBeNull();
    expect(shell.check('pickPath', [{ kind: 'file', title: 'Choose a file', defaultPath: '/data/a.csv' }])).toBeNull();
    expect(shell.check('pickPath', [{ kind: 'save-file', title: 'Save to', defaultPath: '/data/new.csv' }])).toBeNull();
    expect(shell.check('pickPath', [{ kind: 'anything' }])?.message).toContain('must be equal to one of the allowed values');
    expect(shell.check('setDocumentState', [{ path: null, dirty: true }])).toBeNull();
    expect(shell.check('setDocumentState', [{ path: null }])?.message).toContain("must have required property 'dirty'");
    expect(shell.check('setUiSettings', [{ panelSizes: { palette: 240 } }])).toBeNull();
    expect(shell.check('setUiSettings', [{ panelSizes: { palette: 'wide' } }])?.path).toBe('setUiSettings args[0].panelSizes.palette');
    expect(shell.check('setUiSettings', [{ injected: 1 }])?.message).toContain('(injected)');
  });
});

describe('request message envelope', () => {
  const checkMessage = createRequestMessageValidator();
  it('needs an integer id, a known method and an args array, nothing else', () => {
    expect(checkMessage({ id: 1, method: 'listTools', args: [] })).toBeNull();
    expect(checkMessage({ id: 1, method: 'rm', args: [] })?.message).toContain('method must be equal to one of the allowed values');
    expect(checkMessage({ id: 'x', method: 'listTools', args: [] })?.message).toContain('id must be integer');
    expect(checkMessage({ id: 1, method: 'listTools' })?.message).toContain("must have required property 'args'");
    expect(checkMessage([1, 2])?.message).toContain('must be object');
    expect(checkMessage({ id: 1, method: 'listTools', args: [], __proto__x: 1 })?.message).toContain('__proto__x');
  });
});
