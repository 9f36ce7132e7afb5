import { describe, expect, it } from 'vitest';
import { displayStatus, type StatusInputs } from './displayStatus.js';

const base: StatusInputs = { pluginInstalled: true, configValid: true, fullRunStatus: undefined, updateStatus: undefined, hasWarning: false };
const status = (patch: Partial<StatusInputs>) => displayStatus({ ...base, ...patch });

describe('displayStatus', () => {
  it('shows a missing plugin above everything', () => {
    expect(status({ pluginInstalled: false, fullRunStatus: 'ok' })).toBe('missing-plugin');
  });

  it('prefers the current full run, then config validity, then update-only', () => {
    expect(status({ fullRunStatus: 'running', configValid: false })).toBe('running');
    expect(status({ fullRunStatus: 'ok', hasWarning: true })).toBe('warning');
    expect(status({ fullRunStatus: 'cancelled' })).toBe('cancelled');
    expect(status({ fullRunStatus: 'error' })).toBe('error');
    expect(status({ fullRunStatus: 'error', configValid: false })).toBe('not-configured');
    expect(status({ configValid: false, updateStatus: 'error' })).toBe('not-configured');
    expect(status({ updateStatus: 'error' })).toBe('error');
    expect(status({ updateStatus: 'ok' })).toBe('ok');
    expect(status({})).toBe('pending');
  });

  it('a tool update-only skipped (downstream of a failing tool) is not run, never cancelled', () => {
    expect(status({ updateStatus: 'cancelled' })).toBe('pending');
    expect(status({ updateStatus: 'cancelled', configValid: false })).toBe('not-configured');
  });
});
