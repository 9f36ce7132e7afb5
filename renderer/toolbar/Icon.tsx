/** Small stroke icons for the toolbar, drawn by React (no markup strings). */
const PATHS: Record<string, string> = {
  new: 'M6 3h8l4 4v14H6z M14 3v4h4',
  open: 'M3 7h6l2 2h10v10H3z',
  save: 'M5 3h11l3 3v15H5z M8 3v5h7V3 M8 14h8v7H8z',
  undo: 'M9 14L4 9l5-5 M4 9h10a6 6 0 010 12h-3',
  redo: 'M15 14l5-5-5-5 M20 9H10a6 6 0 000 12h3',
  run: 'M7 4l13 8-13 8z',
  cancel: 'M6 6h12v12H6z',
  fit: 'M4 9V4h5 M20 9V4h-5 M4 15v5h5 M20 15v5h-5',
  layout: 'M3 5h6v5H3z M15 3h6v5h-6z M15 14h6v5h-6z M9 7.5h3v9h3 M12 5.5h3',
  theme: 'M12 3a9 9 0 109 9 7 7 0 01-9-9z',
  plugins: 'M9 3v4 M15 3v4 M6 7h12v5a6 6 0 01-12 0z M12 18v3',
  tool: 'M4 4h7v7H4z M13 13h7v7h-7z M11 7.5h5v5.5',
  folder: 'M3 6h6l2 2h10v11H3z',
  file: 'M6 3h8l4 4v14H6z M14 3v4h4',
  note: 'M5 4h14v11l-5 5H5z M14 20v-5h5 M8 9h8 M8 12h5',
  group: 'M3 6h18v14H3z M3 10h18 M6 8h5',
};

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
