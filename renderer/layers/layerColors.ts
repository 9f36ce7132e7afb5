/** The colours of notes and groups: named ones come from the theme (styles/layers.css), `#rrggbb` is used as given. */
import type { CSSProperties } from 'react';
import { NAMED_COLORS } from '../../shared/workflow.js';

/** a custom colour as a CSS variable (set through the CSSOM, which the Content-Security-Policy allows) */
export function layerColorStyle(color: string): CSSProperties | undefined {
  if ((NAMED_COLORS as readonly string[]).includes(color)) return undefined;
  return { '--layer-color': color } as CSSProperties;
}

export const COLOR_CHOICES = NAMED_COLORS;
