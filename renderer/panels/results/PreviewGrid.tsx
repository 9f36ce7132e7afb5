import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { PreviewRow } from '../../../shared/runEvents.js';
import { cellText, isNumeric } from '../../model/cellText.js';
import { SAMPLE_ROWS, clampColumnWidth, columnWidths, estimateTextWidth, type MeasureText } from '../../model/columnWidths.js';

const ROW_HEIGHT = 26;

/** text widths in the grid's own font, through a canvas (no layout); the estimate where there is none */
function canvasMeasure(element: HTMLElement | null): MeasureText {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context || !element) return estimateTextWidth;
  const family = getComputedStyle(element).fontFamily || 'sans-serif';
  return (text, header) => {
    context.font = `${header ? '600 ' : ''}12px ${family}`;
    return context.measureText(text).width;
  };
}

/** whether there is more to see left or right of the visible part: drawn as a shade on that edge */
function useHorizontalOverflow(scroller: RefObject<HTMLDivElement | null>, width: number) {
  const [overflow, setOverflow] = useState({ left: false, right: false });
  const update = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const left = element.scrollLeft > 0;
    const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
    setOverflow((previous) => (previous.left === left && previous.right === right ? previous : { left, right }));
  }, [scroller]);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    update();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    observer?.observe(element);
    return () => observer?.disconnect();
  }, [scroller, update, width]);
  return { overflow, update };
}

/**
 * A virtualized, read-only grid: only the visible rows are in the DOM. Columns fit their header
 * and first values (within limits), a drag on a header's right edge resizes one (double-click:
 * back to fit), the row numbers stay in view, and a shade on an edge shows there is more that way.
 */
export function PreviewGrid({ columns, rowCount, rowAt, label, sort, onSort }: {
  columns: string[]; rowCount: number; rowAt: (index: number) => PreviewRow | undefined; label: string;
  /** with `onSort`: a click on a column header asks to sort by it, and the header shows the order */
  sort?: { field: string; descending: boolean } | null; onSort?: (field: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const [measure, setMeasure] = useState<MeasureText>(() => estimateTextWidth);
  useEffect(() => { setMeasure(() => canvasMeasure(scroller.current)); }, []);
  const fitted = useMemo(() => {
    const sample = Array.from({ length: Math.min(rowCount, SAMPLE_ROWS) }, (_, index) => rowAt(index));
    return columnWidths(columns, sample, measure);
  }, [columns, rowCount, rowAt, measure]);
  const [resized, setResized] = useState<Record<string, number>>({});
  const widths = columns.map((column, index) => resized[column] ?? fitted[index]!);
  const indexWidth = Math.max(44, String(rowCount).length * 8 + 20);
  const width = indexWidth + widths.reduce((sum, columnWidth) => sum + columnWidth, 0);
  const { overflow, update } = useHorizontalOverflow(scroller, width);

  const startResize = (column: string, startWidth: number) => (event: ReactPointerEvent<HTMLSpanElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const grip = event.currentTarget;
    const startX = event.clientX;
    grip.setPointerCapture(event.pointerId);
    const move = (moved: PointerEvent) => setResized((current) => ({ ...current, [column]: clampColumnWidth(startWidth + moved.clientX - startX) }));
    const stop = () => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', stop);
      grip.removeEventListener('pointercancel', stop);
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', stop);
    grip.addEventListener('pointercancel', stop);
  };
  const resetWidth = (column: string) => setResized((current) => {
    const next = { ...current };
    delete next[column];
    return next;
  });

  return (
    <div className={`preview-frame${overflow.left ? ' has-more-left' : ''}${overflow.right ? ' has-more-right' : ''}`}
      style={{ '--preview-index-width': `${indexWidth}px` } as CSSProperties}>
      <div className="preview-scroller" ref={scroller} onScroll={update} tabIndex={0}>
        <div role="grid" aria-label={label} aria-rowcount={rowCount + 1} aria-colcount={columns.length + 1} className="preview-grid" style={{ width }}>
          <div role="row" aria-rowindex={1} className="preview-row preview-header" style={{ width }}>
            <div role="columnheader" className="preview-cell preview-index" style={{ width: indexWidth }}>#</div>
            {columns.map((column, index) => (
              <div key={column} role="columnheader" aria-label={column} className={`preview-cell${onSort ? ' is-sortable' : ''}`} style={{ width: widths[index] }}
                title={onSort ? `${column}: click to sort` : column}
                aria-sort={sort?.field === column ? (sort.descending ? 'descending' : 'ascending') : onSort ? 'none' : undefined}
                onClick={onSort ? () => onSort(column) : undefined}>
                {column}{sort?.field === column ? (sort.descending ? ' ↓' : ' ↑') : ''}
                <span className="column-resizer" role="separator" aria-orientation="vertical" aria-label={`Resize column ${column}`}
                  title="Drag to resize; double-click to fit" onPointerDown={startResize(column, widths[index]!)} onDoubleClick={() => resetWidth(column)}
                  onClick={(event) => event.stopPropagation()} />
              </div>
            ))}
          </div>
          <div className="preview-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rowAt(item.index);
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className="preview-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width }}>
                  <div role="gridcell" className="preview-cell preview-index" style={{ width: indexWidth }}>{item.index + 1}</div>
                  {columns.map((column, index) => {
                    const value = row?.[column];
                    return (
                      <div key={column} role="gridcell" className={`preview-cell${value === null ? ' is-null' : ''}${isNumeric(value) ? ' is-number' : ''}`} style={{ width: widths[index] }} title={cellText(value)}>
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
    </div>
  );
}
