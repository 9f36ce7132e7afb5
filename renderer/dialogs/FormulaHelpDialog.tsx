import { useMemo, useState } from 'react';
import { FORMULA_FUNCTIONS } from '../expression/formulaFunctions.js';
import { Dialog } from './Dialog.js';

const CATEGORY_ORDER = ['Text', 'Math', 'Conversion', 'Date/time', 'Test', 'Conditional'];

/** The formula language in brief and every function by category, searchable: the in-app function reference. */
export function FormulaHelpDialog() {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const byCategory = useMemo(() => {
    const shown = FORMULA_FUNCTIONS.filter((info) => needle === '' || info.name.toLowerCase().includes(needle)
      || info.aliases.some((alias) => alias.toLowerCase().includes(needle)) || info.description.toLowerCase().includes(needle));
    const categories = [...new Set([...CATEGORY_ORDER, ...shown.map((info) => info.category)])];
    return categories.map((category) => ({ category, functions: shown.filter((info) => info.category === category) }))
      .filter((group) => group.functions.length > 0);
  }, [needle]);
  return (
    <Dialog title="Formula functions" wide>
      <div className="formula-help">
        <p className="small">
          Fields are written in brackets (<code>[Unit Price]</code>), text in quotes (<code>"north"</code>), and conditions
          with <code>AND</code>, <code>OR</code>, <code>NOT</code> or <code>IF … THEN … ELSEIF … ELSE … ENDIF</code>.
          Comparison: <code>= != &lt; &lt;= &gt; &gt;=</code>; arithmetic: <code>+ - * / %</code>. Names are case-insensitive.
          In the editor, press Ctrl+Space for suggestions.
        </p>
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)}
          placeholder="Find a function" aria-label="Find a function" />
        <div className="formula-help-list">
          {byCategory.map(({ category, functions }) => (
            <section key={category} aria-label={category}>
              <h3>{category}</h3>
              <dl>
                {functions.map((info) => (
                  <div key={info.name} className="formula-help-entry">
                    <dt><code>{info.signature}</code>{info.aliases.length > 0 && <span className="muted small"> also {info.aliases.join(', ')}</span>}</dt>
                    <dd>{info.description}{info.example && <div className="muted small"><code>{info.example}</code></div>}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          {byCategory.length === 0 && <p className="muted">No function matches “{filter}”.</p>}
        </div>
      </div>
    </Dialog>
  );
}
