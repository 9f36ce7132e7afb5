/**
 * The registry's change events: who listens, and a broadcast that one failing listener cannot stop.
 */
import type { PluginChange, Unsubscribe } from '../../../shared/weftApi.js';

export class PluginChanges {
  private readonly listeners = new Set<(change: PluginChange) => void>();

  subscribe(callback: (change: PluginChange) => void): Unsubscribe {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  emit(change: PluginChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // one subscriber's failure must not stop the others
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
