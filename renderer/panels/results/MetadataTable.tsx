import type { Metadata } from '../../../shared/metadata.js';

export function MetadataTable({ metadata }: { metadata: Metadata | undefined }) {
  if (!metadata) return <p className="muted pad">No field information yet.</p>;
  return (
    <table className="metadata-table" aria-label="Fields">
      <thead><tr><th>Name</th><th>Type</th><th>Size</th><th>Source</th></tr></thead>
      <tbody>
        {metadata.fields.map((field) => (
          <tr key={field.name}>
            <td title={field.description}>{field.name}</td>
            <td>{field.type}</td>
            <td>{field.size ?? ''}{field.scale !== undefined ? `.${field.scale}` : ''}</td>
            <td className="muted" title={field.source}>{field.source ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
