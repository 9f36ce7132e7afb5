/** The plugin package manifest (`weft-plugin.json`), the SDK contract (docs/sdk.md). */
export interface AnchorManifest {
  name: string;
  optional?: boolean;
  allowMultiple?: boolean;
}

export interface ToolManifest {
  id: string;
  name: string;
  entry: string;
  inputs: AnchorManifest[];
  outputs: AnchorManifest[];
  category?: string;
  description?: string;
  icon?: string;
  configSchema?: Record<string, unknown>;
  defaultConfig?: Record<string, unknown>;
  /** false: the tool's outputs may differ between runs over the same inputs (side effects, randomness), so they are never replayed from the anchor cache */
  cacheable?: boolean;
}

export interface PluginManifest {
  name: string;
  version: string;
  tools: ToolManifest[];
  displayName?: string;
  sdk?: string;
  author?: string;
  license?: string;
  homepage?: string;
}

export type ToolSource = 'builtin' | 'installed' | 'loaded' | 'virtual';

export interface AnchorSpec {
  name: string;
  optional: boolean;
  allowMultiple: boolean;
}

/** A tool as the palette, the config pane and `weft plugins list` see it: defaults filled in. */
export interface ToolDescriptor {
  /** full id `<package>/<id>` */
  id: string;
  name: string;
  category: string;
  description: string;
  package: string;
  packageDisplayName: string;
  version: string;
  source: ToolSource;
  /** full id of the parent tool for a virtual tool, else null */
  parent: string | null;
  inputs: AnchorSpec[];
  outputs: AnchorSpec[];
  configSchema: Record<string, unknown>;
  defaultConfig: Record<string, unknown>;
  /** SVG markup of the icon, or null for the generic icon */
  iconSvg: string | null;
  /** false: always runs, never replayed from the anchor cache (absent: true) */
  cacheable?: boolean;
}

export const PACKAGE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const BUILTIN_PACKAGE = 'weft';
export const MANIFEST_FILE = 'weft-plugin.json';
