import type { ToolManifest } from '../shared/manifest.js';

export function readToolManifests(pluginsDir?: string): ToolManifest[];
export function renderTool(tool: ToolManifest, packageName?: string): string;
export function renderToolDocs(tools: ToolManifest[]): string;
