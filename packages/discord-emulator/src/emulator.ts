/**
 * A local Discord for tests and the offline demo: REST under /api/v10 and the
 * gateway over WebSocket on 127.0.0.1. The real discord.js client talks to it
 * through configuration only (rest.api, and the gateway URL from GET /gateway/bot).
 */
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector, type FaultRule } from './faults.js';
import { Gateway } from './gateway.js';
import { handleRestRequest, type RecordedRequest } from './restServer.js';
import { handleViewRequest } from './view/viewRoutes.js';
import {
  buildDmInteraction,
  replyOf,
  type Reply,
  buildInteraction,
  InteractionType,
  OptionType,
  resolvedFor,
  type CommandOption,
  type InteractionRecord,
  type InteractionTarget,
} from './interactions.js';
import { DISCORD_RATE_LIMITS, RateLimiter, type RateLimitConfig } from './rateLimits.js';
import { nextSnowflake } from './snowflake.js';
import { makeUser, World, type StoredMessage } from './world.js';

export interface EmulatorOptions {
  token?: string;
  botName?: string;
  heartbeatIntervalMs?: number;
  rateLimits?: RateLimitConfig;
  /** How long waits may take before failing (tests fail fast instead of hanging). */
  waitTimeoutMs?: number;
  /** The rate limits' clock (epoch ms): tests move it past an hour-long publish window. */
  rateLimitClock?: () => number;
}

export const DEFAULT_TOKEN = `${Buffer.from('100000000000000001').toString('base64')}.emulator.token`;

export class DiscordEmulator extends EventEmitter {
  readonly token: string;
  readonly world: World;
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultInjector();
  readonly rateLimiter: RateLimiter;
  readonly interactions = new Map<string, InteractionRecord>();
  readonly gatewayEvents: Array<{ event: string; detail: Record<string, unknown> }> = [];
  readonly gateway: Gateway;
  private server: Server | null = null;
  private readonly waitTimeoutMs: number;

  constructor(options: EmulatorOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.token = options.token ?? DEFAULT_TOKEN;
    const bot = makeUser(options.botName ?? 'jikenbo', true);
    this.world = new World(bot, bot.id);
    this.rateLimiter = new RateLimiter(
      options.rateLimits ?? DISCORD_RATE_LIMITS,
      options.rateLimitClock ?? Date.now,
    );
    this.waitTimeoutMs = options.waitTimeoutMs ?? 10_000;
    this.gateway = new Gateway({
      world: this.world,
      token: this.token,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      gatewayUrl: () => this.gatewayUrl,
      onEvent: (event, detail) => {
        this.gatewayEvents.push({ event, detail });
        this.emit('change');
      },
    });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      if (!handleViewRequest(this, req, res)) void handleRestRequest(this, req, res);
    });
    this.server.on('upgrade', (req, socket, head) => {
      if ((req.url ?? '').startsWith('/gateway')) this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.gateway.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The REST base for discord.js's `rest.api` option (it appends /v10). */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  /** The web view of this emulator's servers, channels and messages. */
  get viewUrl(): string {
    return `${this.origin}/view`;
  }

  get gatewayUrl(): string {
    return `${this.origin.replace('http', 'ws')}/gateway`;
  }

  configureRateLimits(config: RateLimitConfig): void {
    this.rateLimiter.configure(config);
  }

  /** The next `times` requests matching `path` (and `method`) fail or wait as `fault` says. */
  injectFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  /** Closes the gateway connections with `code`, as Discord does on errors and restarts. */
  closeGateway(code = 4000): void {
    this.gateway.closeAll(code);
  }

  /** Sends a dispatch event to the bot. */
  dispatch(t: string, d: unknown): void {
    this.gateway.dispatch(t, d);
  }

  /** Resolves with `check()`'s first non-undefined value, re-checking on every change; no polling. */
  until<T>(check: () => T | undefined | null | false, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const test = () => {
        const value = check();
        if (value !== undefined && value !== null && value !== false) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`emulator: timed out after ${this.waitTimeoutMs} ms waiting for ${what}`));
      }, this.waitTimeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('change', test);
      };
      this.on('change', test);
      test();
    });
  }

  waitForRequest(
    predicate: (r: RecordedRequest) => boolean,
    what = 'a request',
  ): Promise<RecordedRequest> {
    return this.until(() => this.requests.find(predicate), what);
  }

  /** Messages the bot posted in a channel, oldest first. */
  messages(channelId: string): StoredMessage[] {
    return [...this.world.messagesIn(channelId)];
  }

  waitForMessages(channelId: string, count: number): Promise<StoredMessage[]> {
    return this.until(
      () =>
        this.world.messagesIn(channelId).length >= count ? this.messages(channelId) : undefined,
      `${count} message(s) in ${channelId}`,
    );
  }

  waitForGatewayEvent(event: string, occurrence = 1): Promise<Record<string, unknown>> {
    return this.until(
      () => this.gatewayEvents.filter((e) => e.event === event)[occurrence - 1]?.detail,
      `gateway ${event} #${occurrence}`,
    );
  }

  /** Sends a chat-input command as a member; resolves when the bot has answered it for good. */
  async runCommand(
    target: InteractionTarget,
    name: string,
    options: CommandOption[] = [],
  ): Promise<Reply> {
    const record = this.sendCommand(target, name, options);
    return this.waitForReply(record);
  }

  sendCommand(
    target: InteractionTarget,
    name: string,
    options: CommandOption[] = [],
  ): InteractionRecord {
    return this.deliver(this.commandInteraction(target, name, options));
  }

  /** The chat-input interaction `sendCommand` sends, built but not sent (HTTP senders use it). */
  commandInteraction(
    target: InteractionTarget,
    name: string,
    options: CommandOption[] = [],
  ): InteractionRecord {
    const guildId = this.world.channel(target.channelId)?.guild.id ?? '';
    const command = [
      ...(this.world.guildCommands.get(guildId) ?? []),
      ...this.world.globalCommands,
    ].find((c) => c.name === name);
    const resolved = resolvedFor(this.world, guildId, options, target.forgeForeignChannels);
    const data = {
      id: (command?.id as string | undefined) ?? nextSnowflake(),
      name,
      type: 1,
      options,
      ...(resolved ? { resolved } : {}),
      guild_id: guildId,
    };
    return buildInteraction(this.world, target, InteractionType.ApplicationCommand, data);
  }

  /** Sends a chat-input command from a direct message (no guild, no member). */
  async runDmCommand(
    userId: string,
    name: string,
    options: CommandOption[] = [],
    locale = 'en-US',
  ): Promise<Reply> {
    return this.waitForReply(
      this.deliver(
        buildDmInteraction(
          this.world,
          userId,
          { id: nextSnowflake(), name, type: 1, options },
          locale,
        ),
      ),
    );
  }

  /** Sends an autocomplete interaction for the focused option; resolves with the bot's choices. */
  async autocomplete(
    target: InteractionTarget,
    name: string,
    options: CommandOption[],
  ): Promise<Reply> {
    const guildId = this.world.channel(target.channelId)?.guild.id ?? '';
    const command = [
      ...(this.world.guildCommands.get(guildId) ?? []),
      ...this.world.globalCommands,
    ].find((c) => c.name === name);
    const data = {
      id: (command?.id as string | undefined) ?? nextSnowflake(),
      name,
      type: 1,
      options,
    };
    return this.waitForReply(
      this.deliver(buildInteraction(this.world, target, InteractionType.Autocomplete, data)),
    );
  }

  /** Presses a button (or picks from a select) on a message the bot sent. */
  async component(
    target: InteractionTarget,
    customId: string,
    message: Record<string, unknown>,
    values?: string[],
  ): Promise<Reply> {
    const data = {
      custom_id: customId,
      component_type: values ? 3 : 2,
      ...(values ? { values } : {}),
    };
    return this.waitForReply(
      this.deliver(
        buildInteraction(this.world, target, InteractionType.MessageComponent, data, { message }),
      ),
    );
  }

  private deliver(record: InteractionRecord): InteractionRecord {
    this.interactions.set(record.id, record);
    this.gateway.dispatch('INTERACTION_CREATE', record.payload);
    return record;
  }

  /** Waits until the interaction has its final answer (a deferred reply waits for its edit). */
  waitForReply(record: InteractionRecord): Promise<Reply> {
    return this.until(() => replyOf(record), `a reply to interaction ${record.id}`);
  }
}

export { OptionType, InteractionType };
export type { RecordedRequest };
export type { CommandOption, InteractionTarget, InteractionRecord, Reply };
