/** Small constructors the converters share. */
import type { Converted, Unsupported } from './importTypes.js';

export function converted(plugin: string, config: Record<string, unknown>, extra: Partial<Omit<Converted, 'kind' | 'plugin' | 'config'>> = {}): Converted {
  return { kind: 'converted', plugin, config, approximations: [], notes: [], ...extra };
}

export function unsupported(reason: string): Unsupported {
  return { kind: 'unsupported', reason };
}
