/**
 * The notes and groups of a workflow file (version 2, docs/workflow-format.md): their shape, with
 * the path of the offending value (`groups[1].size.width`), and their references: unique ids
 * among notes and groups, `group` and `parent` naming a group that exists, no group inside itself.
 */
import type { PlacedError } from './placedError.js';
import {
  DEFAULT_GROUP_SIZE, DEFAULT_NOTE_SIZE, NAMED_COLORS, type Group, type Note, type Position, type Size, type Workflow,
} from './workflow.js';
import { describeValue, isJsonObject, type Json, type ShapeReport } from './workflowFileValues.js';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export interface NotesAndGroups {
  notes: Note[] | undefined;
  groups: Group[] | undefined;
}

/** checks `notes` and `groups` of a parsed file; absent lists stay absent */
export function checkNotesAndGroups(value: Json, error: ShapeReport): NotesAndGroups {
  return {
    notes: checkList(value.notes, 'notes', error, checkNote),
    groups: checkList(value.groups, 'groups', error, checkGroup),
  };
}

function checkList<T>(raw: unknown, key: string, error: ShapeReport, check: (item: Json, at: string, error: ShapeReport) => T | null): T[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    error(key, `expected an array of ${key}, found ${describeValue(raw)}`);
    return undefined;
  }
  const items: T[] = [];
  raw.forEach((item, index) => {
    const at = `${key}[${index}]`;
    if (!isJsonObject(item)) {
      error(at, `expected an object, found ${describeValue(item)}`);
      return;
    }
    const checked = check(item, at, error);
    if (checked) items.push(checked);
  });
  return items;
}

interface Common {
  ok: boolean;
  id: string;
  position: Position;
  size: Size;
  color: string;
}

function checkCommon(item: Json, at: string, error: ShapeReport, defaultSize: Size): Common {
  let ok = true;
  const fail = (path: string, message: string) => {
    error(`${at}.${path}`, message);
    ok = false;
  };
  if (typeof item.id !== 'string' || item.id === '') fail('id', `expected a non-empty string, found ${describeValue(item.id)}`);
  const position = checkPair(item.position, ['x', 'y'], fail, 'position', () => true) as Position | null;
  const size = checkPair(item.size, ['width', 'height'], fail, 'size', (n) => n > 0) as Size | null;
  if (item.color !== undefined && (typeof item.color !== 'string'
    || !(HEX_COLOR.test(item.color) || (NAMED_COLORS as readonly string[]).includes(item.color)))) {
    fail('color', `expected "#rrggbb" or one of ${NAMED_COLORS.join(', ')}, found ${describeValue(item.color)}`);
  }
  for (const key of ['group', 'parent'] as const) {
    if (item[key] !== undefined && (typeof item[key] !== 'string' || item[key] === '')) {
      fail(key, `expected a group id, found ${describeValue(item[key])}`);
    }
  }
  return {
    ok,
    id: item.id as string,
    position: position ?? { x: 0, y: 0 },
    size: size ?? { ...defaultSize },
    color: (item.color as string | undefined) ?? 'yellow',
  };
}

function checkPair(raw: unknown, keys: [string, string], fail: (path: string, message: string) => void, name: string, inRange: (n: number) => boolean): Record<string, number> | null {
  if (raw === undefined) return null;
  if (!isJsonObject(raw)) {
    fail(name, `expected an object {${keys.join(', ')}}, found ${describeValue(raw)}`);
    return null;
  }
  for (const key of keys) {
    const n = raw[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || !inRange(n)) {
      fail(`${name}.${key}`, `expected a ${name === 'size' ? 'positive ' : ''}number, found ${describeValue(n)}`);
    }
  }
  return raw as Record<string, number>;
}

function checkNote(item: Json, at: string, error: ShapeReport): Note | null {
  const common = checkCommon(item, at, error, DEFAULT_NOTE_SIZE);
  if (item.parent !== undefined) {
    error(`${at}.parent`, 'a note sits in a group through "group", not "parent"');
    return null;
  }
  if (item.text !== undefined && typeof item.text !== 'string') {
    error(`${at}.text`, `expected a string, found ${describeValue(item.text)}`);
    return null;
  }
  if (!common.ok) return null;
  const { ok: _ok, ...fields } = common;
  return { ...item, ...fields, text: (item.text as string | undefined) ?? '' };
}

function checkGroup(item: Json, at: string, error: ShapeReport): Group | null {
  const common = checkCommon(item, at, error, DEFAULT_GROUP_SIZE);
  let ok = common.ok;
  if (item.group !== undefined) {
    error(`${at}.group`, 'a group sits in another group through "parent", not "group"');
    ok = false;
  }
  if (item.name !== undefined && typeof item.name !== 'string') {
    error(`${at}.name`, `expected a string, found ${describeValue(item.name)}`);
    ok = false;
  }
  for (const key of ['collapsed', 'disabled'] as const) {
    if (item[key] !== undefined && typeof item[key] !== 'boolean') {
      error(`${at}.${key}`, `expected true or false, found ${describeValue(item[key])}`);
      ok = false;
    }
  }
  if (!ok) return null;
  const { ok: _ok, ...fields } = common;
  return {
    ...item, ...fields,
    name: (item.name as string | undefined) ?? '',
    collapsed: (item.collapsed as boolean | undefined) ?? false,
    disabled: (item.disabled as boolean | undefined) ?? false,
  };
}

/** unique ids among notes and groups; every `group` and `parent` names a group; no group inside itself */
export function checkGroupReferences(workflow: Workflow, file: string | undefined): PlacedError[] {
  const errors: PlacedError[] = [];
  const error = (path: string, message: string, tool?: string) =>
    errors.push({ message, ...(file !== undefined && { file }), path, ...(tool !== undefined && { tool }) });
  const notes = workflow.notes ?? [];
  const groups = workflow.groups ?? [];
  const firstUse = new Map<string, string>();
  const claim = (id: string, at: string) => {
    const first = firstUse.get(id);
    if (first !== undefined) error(`${at}.id`, `duplicate note or group id "${id}" (first used at ${first})`);
    else firstUse.set(id, at);
  };
  groups.forEach((group, index) => claim(group.id, `groups[${index}]`));
  notes.forEach((note, index) => claim(note.id, `notes[${index}]`));

  const groupIds = new Set(groups.map((group) => group.id));
  const missing = (id: string) => `there is no group "${id}"`;
  workflow.tools.forEach((tool, index) => {
    if (tool.group !== undefined && !groupIds.has(tool.group)) error(`tools[${index}].group`, missing(tool.group), tool.id);
  });
  notes.forEach((note, index) => {
    if (note.group !== undefined && !groupIds.has(note.group)) error(`notes[${index}].group`, missing(note.group));
  });
  const byId = new Map(groups.map((group) => [group.id, group]));
  groups.forEach((group, index) => {
    if (group.parent === undefined) return;
    if (!groupIds.has(group.parent)) {
      error(`groups[${index}].parent`, missing(group.parent));
      return;
    }
    const chain = [group.id];
    let parent: string | undefined = group.parent;
    while (parent !== undefined && byId.has(parent) && !chain.includes(parent)) {
      chain.push(parent);
      parent = byId.get(parent)!.parent;
    }
    if (parent !== undefined && parent === group.id) {
      error(`groups[${index}].parent`, `group "${group.id}" would be inside itself: ${[...chain, group.id].join(' → ')}`);
    }
  });
  return errors;
}
