import { describe, expect, it } from 'vitest';
import { findKeyAction, type KeyLike } from './keyActions.js';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('key actions', () => {
  it('binds the documented shortcuts', () => {
    expect(findKeyAction(key('Delete'), false)?.name).toBe('delete');
    expect(findKeyAction(key('z', { ctrlKey: true }), false)?.name).toBe('undo');
    expect(findKeyAction(key('Z', { ctrlKey: true, shiftKey: true }), false)?.name).toBe('redo');
    expect(findKeyAction(key('y', { ctrlKey: true }), false)?.name).toBe('redo');
    expect(findKeyAction(key('s', { metaKey: true }), false)?.name).toBe('save');
    expect(findKeyAction(key('o', { ctrlKey: true }), false)?.name).toBe('open');
    expect(findKeyAction(key('F5'), false)?.name).toBe('run');
  });

  it('leaves editing keys to text fields but keeps save, open and run', () => {
    expect(findKeyAction(key('Delete'), true)).toBeUndefined();
    expect(findKeyAction(key('z', { ctrlKey: true }), true)).toBeUndefined();
    expect(findKeyAction(key('s', { ctrlKey: true }), true)?.name).toBe('save');
    expect(findKeyAction(key('F5'), true)?.name).toBe('run');
  });
});
