/**
 * A tool's icon. The SVG markup comes from a plugin, so it is shown as an image (scripts in an
 * image never run) and never inserted as HTML.
 */
const GENERIC_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#64748b" stroke-width="2"><rect x="3" y="3" width="18" height="18" rx="4"/><path d="M8 12h8M12 8v8"/></svg>';

export function iconSource(iconSvg: string | null | undefined): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(iconSvg ?? GENERIC_ICON)}`;
}

export function ToolIcon({ iconSvg, size = 22 }: { iconSvg: string | null | undefined; size?: number }) {
  return <img className="tool-icon" src={iconSource(iconSvg)} width={size} height={size} alt="" draggable={false} />;
}
