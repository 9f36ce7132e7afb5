/**
 * Runs a saved group inside the one plugin instance that serves the virtual tool: each inner tool
 * is constructed with a provider that wraps the outer one, and inner anchors are wired in memory
 * (the outer input feeds the bound inner anchor; the bound inner output writes to the outer anchor).
 * The host's lifecycle rules are kept: open before write, onComplete once every input connection
 * has ended, output anchors closed after onComplete, update-only stops after onInputConnectionOpened.
 */
import type {
  InputAnchor, InputConnection, Metadata, OutputAnchor, Plugin, PluginClass, Provider, RecordPacket, RecordRow,
} from '../../shared/sdk/index.js';
import type { GroupTool, SavedGroup } from './savedGroup.js';

class InnerConnection implements InputConnection {
  metadata: Metadata = { fields: [] };
  current: (() => RecordPacket) | null = null;
  opened = false;
  ended = false;

  constructor(
    readonly name: string,
    readonly anchor: string,
    readonly target: InnerTool,
  ) {}

  read(): RecordPacket {
    if (!this.current) throw new Error(`${this.target.id}.${this.anchor}: read() is only valid inside onRecordPacket`);
    return this.current();
  }
}

class InnerOutput implements OutputAnchor {
  metadata: Metadata | null = null;
  isOpen = false;
  readonly targets: InnerConnection[] = [];
  /** the outer anchor this inner anchor is bound to, if any */
  outer: OutputAnchor | null = null;

  constructor(
    readonly name: string,
    private readonly group: GroupRun,
    private readonly owner: InnerTool,
  ) {}

  open(metadata: Metadata): void {
    if (this.metadata && JSON.stringify(this.metadata) !== JSON.stringify(metadata)) {
      throw new Error(`${this.owner.id}: output anchor ${this.name} opened twice with different metadata`);
    }
    if (this.isOpen) return;
    this.metadata = metadata;
    this.isOpen = true;
    if (this.outer && !this.outer.isOpen) this.outer.open(metadata);
    this.group.deliverOpen(this);
  }

  async write(packet: RecordPacket | RecordRow[]): Promise<void> {
    if (!this.isOpen || !this.metadata) throw new Error(`${this.owner.id}: write to output anchor ${this.name} before open()`);
    if (this.group.updateOnly) return;
    const records = Array.isArray(packet) ? this.group.outer.records.fromRows(this.metadata, packet) : packet;
    // inner consumers read the packet before it goes to the host, which may transfer its buffers
    for (const target of this.targets) await this.group.deliverPacket(target, records);
    if (this.outer) await this.outer.write(records);
  }

  async flush(): Promise<void> {
    await this.outer?.flush();
  }

  /** ends the inner connections fed by this anchor; their tools complete in GroupRun.completeReady */
  async close(): Promise<void> {
    if (this.group.updateOnly) return;
    this.isOpen = false;
    for (const target of this.targets) target.ended = true;
    if (this.outer?.isOpen) await this.outer.close();
  }
}

class InnerTool {
  instance: Plugin = {};
  readonly inputs = new Map<string, InnerConnection[]>();
  readonly outputs = new Map<string, InnerOutput>();
  completed = false;
  failed = false;

  constructor(readonly id: string) {}

  connections(): InnerConnection[] {
    return [...this.inputs.values()].flat();
  }
}

export class GroupRun {
  private readonly tools = new Map<string, InnerTool>();
  private constructing = true;
  private readonly pendingOpens: InnerOutput[] = [];
  /** outer input connection → the inner connection it feeds */
  private readonly outerFeeds = new Map<InputConnection, InnerConnection>();
  private chain: Promise<void> = Promise.resolve();
  /** the first error of a queued lifecycle call, thrown to the outer lifecycle call that waits */
  private failure: unknown = null;

  constructor(
    readonly outer: Provider,
    private readonly group: SavedGroup,
    classes: Map<string, PluginClass>,
    defaults: Map<string, Record<string, unknown>>,
  ) {
    for (const tool of group.tools) this.tools.set(tool.id, new InnerTool(tool.id));
    for (const c of group.connections) {
      const target = this.tools.get(c.to.tool) as InnerTool;
      const list = target.inputs.get(c.to.anchor) ?? [];
      const connection = new InnerConnection(`#${list.length + 1}`, c.to.anchor, target);
      list.push(connection);
      target.inputs.set(c.to.anchor, list);
      this.output(c.from.tool, c.from.anchor).targets.push(connection);
    }
    for (const bound of group.outputs) this.output(bound.tool, bound.anchor).outer = outer.getOutputAnchor(bound.name);
    for (const tool of group.tools) {
      const inner = this.tools.get(tool.id) as InnerTool;
      const Class = classes.get(tool.plugin) as PluginClass;
      inner.instance = new Class(this.providerFor(tool, inner, { ...(defaults.get(tool.plugin) ?? {}), ...tool.config }));
    }
    this.constructing = false;
    for (const anchor of this.pendingOpens.splice(0)) this.deliverOpen(anchor);
  }

  get updateOnly(): boolean {
    return this.outer.environment.updateOnly;
  }

  private output(toolId: string, anchor: string): InnerOutput {
    const tool = this.tools.get(toolId) as InnerTool;
    let output = tool.outputs.get(anchor);
    if (!output) {
      output = new InnerOutput(anchor, this, tool);
      tool.outputs.set(anchor, output);
    }
    return output;
  }

  private providerFor(tool: GroupTool, inner: InnerTool, config: Record<string, unknown>): Provider {
    const outer = this.outer;
    const label = (message: string) => `${tool.id}: ${message}`;
    const inputAnchor = (name: string): InputAnchor => ({ name, connections: inner.inputs.get(name) ?? [] });
    return {
      toolId: `${outer.toolId}.${tool.id}`,
      toolConfig: config,
      environment: outer.environment,
      io: {
        info: (m) => outer.io.info(label(m)),
        warn: (m) => outer.io.warn(label(m)),
        error: (m) => {
          inner.failed = true;
          outer.io.error(label(m));
        },
        updateProgress: () => undefined,
      },
      getInputAnchor: inputAnchor,
      getOutputAnchor: (name) => this.output(tool.id, name),
      records: outer.records,
      state: outer.state,
      blobs: outer.blobs,
      results: outer.results,
      virtualPlugins: outer.virtualPlugins,
      virtualPlugin: null,
    };
  }

  /** serializes lifecycle calls, as the host does per instance */
  private call(task: () => void | Promise<void>): Promise<void> {
    const next = this.chain.then(task);
    this.chain = next.catch((error: unknown) => {
      this.failure ??= error;
    });
    return next;
  }

  /** waits until no lifecycle call is queued, including calls queued by the calls awaited */
  private async settle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.chain;
      await current;
    } while (current !== this.chain);
    if (this.failure !== null) {
      const failure = this.failure;
      this.failure = null;
      throw failure;
    }
  }

  deliverOpen(anchor: InnerOutput): void {
    if (this.constructing) {
      this.pendingOpens.push(anchor);
      return;
    }
    for (const target of anchor.targets) {
      target.metadata = anchor.metadata as Metadata;
      target.opened = true;
      void this.call(() => target.target.instance.onInputConnectionOpened?.(target));
    }
  }

  async deliverPacket(target: InnerConnection, packet: RecordPacket): Promise<void> {
    if (target.target.failed) return;
    target.current = () => packet;
    try {
      await target.target.instance.onRecordPacket?.(target);
    } finally {
      target.current = null;
    }
  }

  /** the outer tool's input connection opened: open the bound inner anchor */
  async outerOpened(connection: InputConnection): Promise<void> {
    const bound = this.group.inputs.find((a) => a.name === connection.anchor);
    if (!bound) return;
    const target = this.tools.get(bound.tool) as InnerTool;
    const list = target.inputs.get(bound.anchor) ?? [];
    const inner = new InnerConnection(connection.name, bound.anchor, target);
    inner.metadata = connection.metadata;
    inner.opened = true;
    list.push(inner);
    target.inputs.set(bound.anchor, list);
    this.outerFeeds.set(connection, inner);
    void this.call(() => target.instance.onInputConnectionOpened?.(inner));
    await this.settle();
  }

  async outerPacket(connection: InputConnection): Promise<void> {
    const inner = this.outerFeeds.get(connection);
    if (!inner) return;
    await this.settle();
    const packet = connection.read();
    await this.deliverPacket(inner, packet);
  }

  /** every outer input has ended: complete the inner tools in order */
  async outerComplete(): Promise<void> {
    await this.settle();
    this.outerEnded = true;
    for (const inner of this.outerFeeds.values()) inner.ended = true;
    await this.completeReady();
  }

  private outerEnded = false;

  /** calls onComplete on each inner tool whose inputs have all ended, then closes its outputs */
  private async completeReady(): Promise<void> {
    for (;;) {
      const ready = this.group.tools
        .map((t) => this.tools.get(t.id) as InnerTool)
        .find((t) => !t.completed && t.connections().every((c) => c.ended) && (this.outerEnded || !this.group.inputs.some((a) => a.tool === t.id)));
      if (!ready) return;
      ready.completed = true;
      if (!ready.failed) await ready.instance.onComplete?.();
      await this.settle();
      for (const output of ready.outputs.values()) await output.close();
    }
  }
}
