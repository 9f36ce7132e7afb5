/**
 * The order a full-run tool's control messages must follow, checked on the host: an anchor opens
 * before it counts or closes, only the tool's own output anchors open, and `done` comes after every
 * opened anchor closed. The worker's own code keeps this order; a message out of order means
 * plugin code reached the tool's port, and the tool fails instead of being taken at its word.
 */
import type { WorkerToHost } from './protocol.js';

export class ToolMessageOrder {
  private readonly opened = new Set<string>();
  private readonly closed = new Set<string>();

  constructor(private readonly outputs: readonly string[]) {}

  /** null when `message` may come now, else why not */
  check(message: WorkerToHost): string | null {
    switch (message.type) {
      case 'anchor-opened':
        if (!this.outputs.includes(message.anchor)) return `opened '${message.anchor}', which is not one of its output anchors`;
        if (this.closed.has(message.anchor)) return `opened '${message.anchor}' after it closed`;
        this.opened.add(message.anchor);
        return null;
      case 'anchor-records':
      case 'anchor-closed':
        if (!this.opened.has(message.anchor) || this.closed.has(message.anchor)) {
          return `reported records of '${message.anchor}', which is not open`;
        }
        if (message.type === 'anchor-closed') this.closed.add(message.anchor);
        return null;
      case 'done': {
        const open = [...this.opened].filter((anchor) => !this.closed.has(anchor));
        return open.length > 0 ? `reported done while ${open.map((a) => `'${a}'`).join(', ')} had not closed` : null;
      }
      default:
        return null;
    }
  }
}
