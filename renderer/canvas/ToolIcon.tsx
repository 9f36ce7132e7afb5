/**
 * A tool's icon. SVG markup from a plugin is shown as an image (scripts in an image never run)
 * and never inserted as HTML. A tool without an icon gets a tile in its category's colour.
 */
const CATEGORY_COLOURS: Record<string, string> = {
  'In/Out': '#16a34a', Preparation: '#2563eb', Join: '#9333ea', Transform: '#ea580c', Developer: '#64748b', Parse: '#0891b2',
};

function colourOf(category: string): string {
  const known = CATEGORY_COLOURS[category];
  if (known) return known;
  let hash = 0;
  for (const char of category) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 55% 45%)`;
}

export function iconSource(iconSvg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(iconSvg)}`;
}

export function ToolIcon({ iconSvg, name, category, size = 22 }: { iconSvg: string | null | undefined; name: string; category: string; size?: number }) {
  if (iconSvg) return <img className="tool-icon" src={iconSource(iconSvg)} width={size} height={size} alt="" draggable={false} />;
  const letters = name.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => word[0]!.toUpperCase()).join('') || '?';
  return (
    <svg className="tool-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true">
      <rect x="1" y="1" width="22" height="22" rx="5" fill={colourOf(category)} />
      <text x="12" y="16" textAnchor="middle" fontSize={letters.length > 1 ? 9.5 : 12} fontWeight="700" fill="#fff" fontFamily="system-ui, sans-serif">{letters}</text>
    </svg>
  );
}
