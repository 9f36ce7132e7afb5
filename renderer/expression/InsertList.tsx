import { useMemo, useState } from 'react';
import type { FieldChoice } from './formulaCompletion.js';
import { FORMULA_FUNCTIONS } from './formulaFunctions.js';

/** The fields arriving at the tool and the formula functions, each inserted at the cursor by a click. */
export function InsertList({ fields, onInsertField, onInsertFunction, onHelp }: {
  fields: readonly FieldChoice[];
  onInsertField(name: string): void;
  onInsertFunction(name: string): void;
  onHelp(): void;
}) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shownFields = fields.filter((choice) => choice.field.name.toLowerCase().includes(needle));
  const shownFunctions = useMemo(() => FORMULA_FUNCTIONS.filter((info) => needle === ''
    || info.name.toLowerCase().includes(needle) || info.aliases.some((alias) => alias.toLowerCase().includes(needle))), [needle]);
  return (
    <div className="insert-list" role="group" aria-label="Insert a field or function">
      <div className="insert-list-head">
        <input type="search" value={filter} placeholder="Find a field or function" aria-label="Find a field or function"
          onChange={(event) => setFilter(event.target.value)} />
        <button type="button" className="link-button" onClick={onHelp}>Function reference</button>
      </div>
      <div className="insert-list-body">
        <div className="insert-section" role="group" aria-label="Fields">
          <div className="insert-section-title">Fields</div>
          {fields.length === 0 && <div className="muted small">Connect an input to see its fields.</div>}
          {shownFields.map((choice) => (
            <button key={`${choice.anchor ?? ''}:${choice.field.name}`} type="button" className="insert-item"
              title={`${choice.field.type}${choice.anchor ? ` · ${choice.anchor}` : ''}`}
              aria-label={`Insert field ${choice.field.name}`} onClick={() => onInsertField(choice.field.name)}>
              [{choice.field.name}]
            </button>
          ))}
        </div>
        <div className="insert-section" role="group" aria-label="Functions">
          <div className="insert-section-title">Functions</div>
          {shownFunctions.map((info) => (
            <button key={info.name} type="button" className="insert-item" title={`${info.signature}\n${info.description}`}
              aria-label={`Insert function ${info.name}`} onClick={() => onInsertFunction(info.name)}>
              {info.name}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
