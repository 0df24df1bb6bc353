/**
 * HTTP interactions are answered in the HTTP response, not with a REST callback. The command
 * modules call discord.js's reply/deferReply/respond, which post to the callback route; this REST
 * client catches that post for the interactions being served and writes it as the response of the
 * waiting HTTP request instead. Everything after the first answer (editReply, followUp) goes out
 * over REST as usual, through the interaction's webhook.
 */
import { REST, Routes, type RequestData, type RouteLike } from 'discord.js';

/** Interaction response types (Discord's numbering). */
export const CallbackType = {
  Pong: 1,
  Message: 4,
  DeferredMessage: 5,
  AutocompleteResult: 8,
} as const;

const EPHEMERAL = 1 << 6;

interface CallbackBody {
  type: number;
  data?: Record<string, unknown>;
}

/** One interaction's HTTP request, waiting for its first answer. */
export class InteractionExchange {
  /** The type sent in the HTTP response, once sent. */
  answered: number | null = null;

  constructor(
    private readonly rest: REST,
    private readonly applicationId: string,
    private readonly token: string,
    private readonly kind: 'command' | 'autocomplete',
    private readonly writeResponse: (body: CallbackBody) => Promise<void>,
  ) {}

  /** Answers the HTTP request with `body` (once; a second call does nothing). */
  async answer(body: CallbackBody): Promise<void> {
    if (this.answered !== null) return;
    this.answered = body.type;
    await this.writeResponse(body);
  }

  /**
   * The deadline came with no answer: defer (an ephemeral "thinking…", as the router's own defer),
   * or give autocomplete no choices.
   */
  async answerInTime(): Promise<void> {
    await this.answer(
      this.kind === 'autocomplete'
        ? { type: CallbackType.AutocompleteResult, data: { choices: [] } }
        : { type: CallbackType.DeferredMessage, data: { flags: EPHEMERAL } },
    );
  }

  /** What a callback post of discord.js becomes. */
  async callback(options: RequestData): Promise<undefined> {
    const body = options.body as CallbackBody;
    const files = options.files ?? [];
    if (this.answered === null && files.length === 0) {
      await this.answer(body);
      return undefined;
    }
    // Files cannot go in a JSON response; a message after the deadline can only edit the defer.
    if (this.answered === null)
      await this.answer({
        type: CallbackType.DeferredMessage,
        data: { flags: Number(body.data?.flags ?? 0) & EPHEMERAL },
      });
    if (body.type === CallbackType.Message && this.answered === CallbackType.DeferredMessage) {
      await this.rest.patch(Routes.webhookMessage(this.applicationId, this.token, '@original'), {
        body: body.data ?? {},
        files,
        auth: false,
      });
    }
    return undefined;
  }
}

/** A REST client that hands the callbacks of open exchanges to them. */
export class CallbackRest extends REST {
  private readonly open = new Map<string, InteractionExchange>();

  /** Opens the exchange of interaction `id`; close it when the HTTP request is over. */
  expect(id: string, exchange: InteractionExchange): () => void {
    this.open.set(id, exchange);
    return () => this.open.delete(id);
  }

  override post(fullRoute: RouteLike, options: RequestData = {}): Promise<unknown> {
    const match = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(fullRoute);
    const exchange = match ? this.open.get(match[1] as string) : undefined;
    return exchange ? exchange.callback(options) : super.post(fullRoute, options);
  }
}
