import type { InputConnection, Plugin, Provider } from './plugin.js';

/**
 * Optional base class for TypeScript authors: keeps the provider, and gives no-op lifecycle
 * methods so a subclass overrides only what it needs.
 */
export abstract class BasePlugin<Config = Record<string, unknown>> implements Plugin {
  protected readonly provider: Provider<Config>;

  constructor(provider: Provider<Config>) {
    this.provider = provider;
  }

  onInputConnectionOpened(_connection: InputConnection): void | Promise<void> {}

  onRecordPacket(_connection: InputConnection): void | Promise<void> {}

  onComplete(): void | Promise<void> {}
}
