/**
 * Discord's other way of delivering interactions: a signed HTTP POST to the application's
 * Interactions Endpoint URL, answered in the HTTP response. The emulator signs with an Ed25519 key
 * pair of its own (give `publicKeyHex` to the bot as DISCORD_PUBLIC_KEY), records the answer as the
 * interaction's first callback, and serves the follow-up webhooks over REST as for the gateway.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { DiscordEmulator } from './emulator.js';
import {
  buildInteraction,
  InteractionType,
  type CommandOption,
  type InteractionRecord,
  type InteractionTarget,
  type Reply,
} from './interactions.js';
import { callback } from './restInteractions.js';
import { nextSnowflake } from './snowflake.js';

/** How a request is signed: properly, by another key (forged), or not at all. */
export type Signing = 'valid' | 'forged' | 'unsigned' | 'stale';

export interface HttpDelivery {
  /** The endpoint's HTTP status. */
  status: number;
  /** The endpoint's response body, parsed when it is JSON. */
  body: unknown;
  record: InteractionRecord;
}

function keyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** The 64 hex digits of an Ed25519 public key, as Discord's developer portal shows it. */
function hexOf(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url').toString('hex');
}

export class SignedInteractionSender {
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;
  private readonly otherKey = keyPair().privateKey;

  /**
   * Sends the emulator's interactions to `url`, the bot's /interactions endpoint (settable later:
   * the bot needs `publicKeyHex` before it can listen).
   */
  constructor(
    private readonly emulator: DiscordEmulator,
    public url = '',
  ) {
    const { publicKey, privateKey } = keyPair();
    this.publicKeyHex = hexOf(publicKey);
    this.privateKey = privateKey;
  }

  /** POSTs `body` signed as `signing` says; resolves the HTTP status and body. */
  async post(body: string, signing: Signing = 'valid'): Promise<{ status: number; body: unknown }> {
    const seconds = Math.floor(Date.now() / 1000) - (signing === 'stale' ? 3600 : 0);
    const timestamp = String(seconds);
    const key = signing === 'forged' ? this.otherKey : this.privateKey;
    const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signing !== 'unsigned') {
      headers['x-signature-ed25519'] = signature;
      headers['x-signature-timestamp'] = timestamp;
    }
    const response = await fetch(this.url, { method: 'POST', headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, body: parsed };
  }

  /** Sends PING; resolves the endpoint's answer (a PONG is `{ type: 1 }`). */
  ping(signing: Signing = 'valid'): Promise<{ status: number; body: unknown }> {
    const payload = {
      id: nextSnowflake(),
      application_id: this.emulator.world.applicationId,
      type: InteractionType.Ping,
      token: nextSnowflake(),
      version: 1,
    };
    return this.post(JSON.stringify(payload), signing);
  }

  /** Sends a chat-input command; the answer in the response is recorded as its callback. */
  sendCommand(
    target: InteractionTarget,
    name: string,
    options: CommandOption[] = [],
    signing: Signing = 'valid',
  ): Promise<HttpDelivery> {
    return this.deliver(this.emulator.commandInteraction(target, name, options), signing);
  }

  /** Sends an autocomplete interaction for the focused option. */
  sendAutocomplete(
    target: InteractionTarget,
    name: string,
    options: CommandOption[],
  ): Promise<HttpDelivery> {
    const data = { id: nextSnowflake(), name, type: 1, options };
    return this.deliver(
      buildInteraction(this.emulator.world, target, InteractionType.Autocomplete, data),
      'valid',
    );
  }

  /** Sends a command and waits for its final answer (a deferred one waits for its edit). */
  async runCommand(
    target: InteractionTarget,
    name: string,
    options: CommandOption[] = [],
  ): Promise<Reply> {
    const sent = await this.sendCommand(target, name, options);
    if (sent.status !== 200) throw new Error(`endpoint answered ${sent.status}`);
    return this.emulator.waitForReply(sent.record);
  }

  private async deliver(record: InteractionRecord, signing: Signing): Promise<HttpDelivery> {
    // Known before sending: the bot may edit or follow up over REST before its response lands.
    this.emulator.interactions.set(record.id, record);
    const { status, body } = await this.post(JSON.stringify(record.payload), signing);
    if (status === 200 && body && typeof body === 'object') {
      callback(
        {
          world: this.emulator.world,
          gatewayUrl: this.emulator.gatewayUrl,
          interactions: this.emulator.interactions,
          onMessage: (message) => this.emulator.emit('message', message),
          onInteractionUpdate: (interaction) => this.emulator.emit('interaction', interaction),
        },
        { method: 'POST', path: '', body: body as Record<string, unknown>, authorized: false },
        [record.id, record.token],
      );
      this.emulator.emit('change');
    } else {
      this.emulator.interactions.delete(record.id);
    }
    return { status, body, record };
  }
}
