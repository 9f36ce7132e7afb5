import { useAnchorMetadata } from '../hooks/useAnchorMetadata.js';

export interface EdgeHover {
  fromTool: string;
  fromAnchor: string;
  name: string | undefined;
  x: number;
  y: number;
}

/** The fields that travel on the hovered connection, drawn at screen scale whatever the zoom. */
export function EdgeFieldsTooltip({ hover }: { hover: EdgeHover }) {
  const metadata = useAnchorMetadata(hover.fromTool, hover.fromAnchor);
  return (
    <div className="edge-tooltip" role="tooltip" data-testid="connection.fields" style={{ left: hover.x + 14, top: hover.y + 14 }}>
      <div className="edge-tooltip-title">{hover.fromTool}.{hover.fromAnchor}{hover.name ? ` → ${hover.name}` : ''}</div>
      {metadata ? (
        <table><tbody>
          {metadata.fields.map((field) => (
            <tr key={field.name}><td>{field.name}</td><td className="muted">{field.type}{field.size !== undefined ? `(${field.size})` : ''}</td></tr>
          ))}
        </tbody></table>
      ) : <div className="muted">No field information yet</div>}
    </div>
  );
}
