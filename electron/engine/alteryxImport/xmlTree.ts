/**
 * A small ordered view of an XML document, over fast-xml-parser's preserveOrder output: Alteryx
 * configurations depend on the order of repeated and mixed elements (Select field order, Summarize
 * action order), and placeholders must keep a tool's configuration as XML, so the tree is kept
 * in document order and can be written back.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

type RawNode = Record<string, unknown>;

const PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  // separators such as " || " and values such as "  a" are meaningful: nothing is trimmed
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
} as const;

export class XmlElement {
  constructor(readonly name: string, readonly attributes: Readonly<Record<string, string>>, private readonly raw: RawNode) {}

  /** the element's child elements in document order, optionally only those of one name */
  children(name?: string): XmlElement[] {
    const out: XmlElement[] = [];
    for (const child of this.rawChildren()) {
      const element = toElement(child);
      if (element && (name === undefined || element.name === name)) out.push(element);
    }
    return out;
  }

  /** the first child element of that name */
  child(name: string): XmlElement | undefined {
    return this.children(name)[0];
  }

  /** the first element along a path of child names (`"File"`, `"FormatSpecificOptions/Delimeter"`) */
  find(path: string): XmlElement | undefined {
    return path.split('/').reduce<XmlElement | undefined>((at, part) => at?.child(part), this);
  }

  attr(name: string): string | undefined {
    return this.attributes[name];
  }

  /** the element's own text (CDATA included), untrimmed */
  text(): string {
    let text = '';
    for (const child of this.rawChildren()) {
      if (typeof child['#text'] === 'string') text += child['#text'];
    }
    return text;
  }

  /** the text at a path, or of a `value` attribute there (Alteryx writes both forms) */
  value(path: string): string | undefined {
    const element = this.find(path);
    if (!element) return undefined;
    return element.attr('value') ?? element.text();
  }

  /** the element written back as XML */
  toXml(): string {
    return new XMLBuilder({ ...PARSER_OPTIONS, format: true, indentBy: '  ', suppressEmptyNode: true }).build([this.raw]).trim();
  }

  private rawChildren(): RawNode[] {
    const list = this.raw[this.name];
    return Array.isArray(list) ? (list as RawNode[]) : [];
  }
}

function toElement(raw: RawNode): XmlElement | undefined {
  const name = Object.keys(raw).find((key) => key !== ':@' && key !== '#text');
  if (name === undefined) return undefined;
  const attributes = (raw[':@'] ?? {}) as Record<string, string>;
  return new XmlElement(name, attributes, raw);
}

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; message: string };

/** parses a document; a malformed one gives the parser's message with its line */
export function parseXml(text: string): XmlParseResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, message: `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  const nodes = new XMLParser(PARSER_OPTIONS).parse(text) as RawNode[];
  const root = nodes.map(toElement).find((e) => e !== undefined);
  if (!root) return { ok: false, message: 'the file holds no XML element' };
  return { ok: true, root };
}
