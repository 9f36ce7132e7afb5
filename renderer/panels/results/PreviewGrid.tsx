import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { PreviewRow } from '../../../shared/runEvents.js';
import { cellText, isNumeric } from '../../model/cellText.js';

const ROW_HEIGHT = 26;
const COLUMN_WIDTH = 150;
const INDEX_WIDTH = 56;


/** A virtualized, read-only grid: only the visible rows are in the DOM. */
export function PreviewGrid({ columns, rowCount, rowAt, label }: { columns: string[]; rowCount: number; rowAt: (index: number) => PreviewRow | undefined; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const width = INDEX_WIDTH + columns.length * COLUMN_WIDTH;
  return (
    <div className="preview-scroller" ref={scroller}>
      <div role="grid" aria-label={label} aria-rowcount={rowCount + 1} aria-colcount={columns.length + 1} className="preview-grid" style={{ width }}>
        <div role="row" aria-rowindex={1} className="preview-row preview-header">
          <div role="columnheader" className="preview-cell preview-index" style={{ width: INDEX_WIDTH }}>#</div>
          {columns.map((column) => (
            <div key={column} role="columnheader" className="preview-cell" style={{ width: COLUMN_WIDTH }} title={column}>{column}</div>
          ))}
        </div>
        <div className="preview-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rowAt(item.index);
            return (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className="preview-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <div role="gridcell" className="preview-cell preview-index" style={{ width: INDEX_WIDTH }}>{item.index + 1}</div>
                {columns.map((column) => {
                  const value = row?.[column];
                  return (
                    <div key={column} role="gridcell" className={`preview-cell${value === null ? ' is-null' : ''}${isNumeric(value) ? ' is-number' : ''}`} style={{ width: COLUMN_WIDTH }} title={cellText(value)}>
                      {row ? cellText(value) : '…'}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
