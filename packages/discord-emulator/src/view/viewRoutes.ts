/**
 * The emulator's web view: GET /view (one self-contained page), GET /view/state
 * (the world as JSON) and GET /view/events (Server-Sent Events, one per new
 * message). Same server and port as the REST API, nothing fetched from outside.
 */
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoredMessage, World } from '../world.js';
import { VIEW_PAGE } from './page.js';
import { viewFont } from './viewFonts.js';
import { viewState } from './viewState.js';

/** What the view needs from the emulator: its world and its 'message' events. */
export interface ViewHost extends EventEmitter {
  readonly world: World;
}

/** Answers the view's routes; returns false for every other request (REST, gateway). */
export function handleViewRequest(
  host: ViewHost,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if (req.method !== 'GET') return false;
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/view' || path === '/view/') {
    res
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        // The page runs only its own inline script and loads nothing from elsewhere.
        'content-security-policy':
          "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src 'self'",
      })
      .end(VIEW_PAGE);
    return true;
  }
  const font = path?.startsWith('/view/fonts/') ? viewFont(path) : null;
  if (font) {
    res.writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'max-age=3600' }).end(font);
    return true;
  }
  if (path === '/view/state') {
    res
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(viewState(host.world)));
    return true;
  }
  if (path === '/view/events') {
    streamEvents(host, req, res);
    return true;
  }
  return false;
}

function streamEvents(host: ViewHost, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.write('retry: 1000\n\n');
  const onMessage = (message: StoredMessage) =>
    res.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  host.on('message', onMessage);
  req.on('close', () => host.off('message', onMessage));
}

/**
 * Stores a message as if `authorId` had sent it (a reply, a thread message, a
 * member's line) and announces it to the view; for tests and the demo.
 */
export function injectMessage(
  host: ViewHost,
  message: Partial<StoredMessage> & { channel_id: string; id: string },
): StoredMessage {
  const stored: StoredMessage = {
    type: 0,
    author: host.world.botUser,
    content: '',
    embeds: [],
    components: [],
    timestamp: new Date().toISOString(),
    ...message,
  };
  host.world.messagesIn(stored.channel_id).push(stored);
  host.emit('message', stored);
  return stored;
}
