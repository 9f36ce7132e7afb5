/**
 * Reads an Alteryx document (`<AlteryxDocument>`: .yxmd, also .yxmc and .yxwz) into its tools,
 * connections, text boxes and containers, walking into containers (`<ChildNodes>`, nested).
 */
import type { AlteryxField, AlteryxTool } from './importTypes.js';
import type { XmlElement } from './xmlTree.js';

export const CONTAINER_PLUGIN = 'AlteryxGuiToolkit.ToolContainer.ToolContainer';
export const TEXT_BOX_PLUGIN = 'AlteryxGuiToolkit.TextBox.TextBox';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AlteryxContainer {
  toolId: string;
  caption: string;
  bounds: Rectangle;
  disabled: boolean;
  folded: boolean;
  fillColor: string | undefined;
  parent: string | undefined;
}

export interface AlteryxTextBox {
  toolId: string;
  text: string;
  bounds: Rectangle;
  fillColor: string | undefined;
  container: string | undefined;
}

export interface AlteryxConnection {
  from: { toolId: string; anchor: string };
  to: { toolId: string; anchor: string };
  name: string | undefined;
}

export interface AlteryxDocument {
  version: string | undefined;
  tools: Array<AlteryxTool & { container: string | undefined }>;
  containers: AlteryxContainer[];
  textBoxes: AlteryxTextBox[];
  connections: AlteryxConnection[];
}

function number(text: string | undefined, fallback = 0): number {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) ? value : fallback;
}

function boundsOf(node: XmlElement): Rectangle {
  const position = node.find('GuiSettings/Position');
  return {
    x: number(position?.attr('x')), y: number(position?.attr('y')),
    width: number(position?.attr('width'), 0), height: number(position?.attr('height'), 0),
  };
}

/** the .NET colour names Designer writes for a text box (`<FillColor name="White"/>`, as saved by 10.x) */
const KNOWN_COLOURS: Readonly<Record<string, string>> = {
  white: '#ffffff', black: '#000000', gray: '#808080', silver: '#c0c0c0', red: '#ff0000', green: '#008000',
  blue: '#0000ff', yellow: '#ffff00', orange: '#ffa500', purple: '#800080', lightyellow: '#ffffe0', lightgray: '#d3d3d3',
};

/** `#rrggbb` from Alteryx's `<FillColor r g b/>`, `name="#rrggbb"` or `name="White"` colours */
function colourOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const [r, g, b] = ['r', 'g', 'b'].map((c) => Number(element.attr(c)));
  if ([r, g, b].every((v) => Number.isInteger(v) && v! >= 0 && v! <= 255)) {
    return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
  }
  const name = element.attr('name');
  if (name && /^#[0-9a-f]{6}$/i.test(name)) return name.toLowerCase();
  return name ? KNOWN_COLOURS[name.toLowerCase()] : undefined;
}

function metaInfoOf(node: XmlElement): Map<string, AlteryxField[]> {
  const out = new Map<string, AlteryxField[]>();
  for (const meta of node.child('Properties')?.children('MetaInfo') ?? []) {
    const fields = (meta.child('RecordInfo')?.children('Field') ?? []).map((f) => ({
      name: f.attr('name') ?? '', type: f.attr('type') ?? '',
      ...(f.attr('size') !== undefined && { size: f.attr('size') }), ...(f.attr('scale') !== undefined && { scale: f.attr('scale') }),
    }));
    out.set(meta.attr('connection') ?? 'Output', fields);
  }
  return out;
}

function annotationOf(node: XmlElement): string | undefined {
  const annotation = node.find('Properties/Annotation');
  const name = annotation?.child('Name')?.text().trim();
  if (name) return name;
  const text = annotation?.child('AnnotationText')?.text().trim();
  return text || undefined;
}

function pluginOf(node: XmlElement): string {
  const plugin = node.child('GuiSettings')?.attr('Plugin');
  if (plugin) return plugin;
  const macro = node.child('EngineSettings')?.attr('Macro');
  if (macro) return macro.split(/[\\/]/).pop() ?? macro;
  return 'unknown';
}

export function readAlteryxDocument(root: XmlElement): AlteryxDocument {
  const document: AlteryxDocument = { version: root.attr('yxmdVer'), tools: [], containers: [], textBoxes: [], connections: [] };
  const walk = (nodes: XmlElement[], container: string | undefined) => {
    for (const node of nodes) {
      const toolId = node.attr('ToolID') ?? '';
      const plugin = pluginOf(node);
      const configuration = node.find('Properties/Configuration');
      if (plugin === CONTAINER_PLUGIN) {
        document.containers.push({
          toolId, caption: configuration?.value('Caption') ?? '', bounds: boundsOf(node),
          disabled: configuration?.value('Disabled') !== undefined && configuration.value('Disabled')!.trim().toLowerCase() === 'true',
          folded: configuration?.value('Folded') !== undefined && configuration.value('Folded')!.trim().toLowerCase() === 'true',
          fillColor: styleFill(configuration) ?? colourOf(configuration?.child('FillColor')), parent: container,
        });
        walk(node.child('ChildNodes')?.children('Node') ?? [], toolId);
        continue;
      }
      if (plugin === TEXT_BOX_PLUGIN) {
        document.textBoxes.push({ toolId, text: configuration?.value('Text') ?? '', bounds: boundsOf(node), fillColor: colourOf(configuration?.child('FillColor')), container });
        continue;
      }
      const bounds = boundsOf(node);
      document.tools.push({
        toolId, plugin, position: { x: bounds.x, y: bounds.y }, annotation: annotationOf(node), configuration, node,
        metaInfo: metaInfoOf(node), container,
      });
    }
  };
  walk(root.child('Nodes')?.children('Node') ?? [], undefined);
  for (const connection of root.child('Connections')?.children('Connection') ?? []) {
    const origin = connection.child('Origin');
    const destination = connection.child('Destination');
    if (!origin || !destination) continue;
    document.connections.push({
      from: { toolId: origin.attr('ToolID') ?? '', anchor: origin.attr('Connection') ?? 'Output' },
      to: { toolId: destination.attr('ToolID') ?? '', anchor: destination.attr('Connection') ?? 'Input' },
      name: connection.attr('name') || undefined,
    });
  }
  return document;
}

/** a container's fill colour, from `<Style FillColor="#ecf2f2"/>` */
function styleFill(configuration: XmlElement | undefined): string | undefined {
  const fill = configuration?.child('Style')?.attr('FillColor');
  return fill && /^#[0-9a-f]{6}$/i.test(fill) ? fill.toLowerCase() : undefined;
}
