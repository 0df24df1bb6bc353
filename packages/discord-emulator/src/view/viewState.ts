/** The world as the web view reads it: servers, channels, roles, people and messages, JSON-safe. */
import type { StoredMessage, World } from '../world.js';

export interface ViewState {
  guilds: Array<{
    id: string;
    name: string;
    channels: Array<{
      id: string;
      name: string;
      type: number;
      parent_id: string | null;
      /** A forum's tags. */
      available_tags?: Array<{ id: string; name: string }>;
    }>;
    roles: Array<{ id: string; name: string; color: number }>;
    /** Threads and forum posts, with the tags a post carries. */
    threads: Array<{ id: string; name: string; parent_id: string | null; applied_tags: string[] }>;
  }>;
  users: Record<string, string>;
  messages: Record<string, StoredMessage[]>;
}

/** A snapshot of `world` for GET /view/state. */
export function viewState(world: World): ViewState {
  const users: Record<string, string> = {};
  for (const user of world.users.values()) users[user.id] = user.global_name ?? user.username;
  const messages: Record<string, StoredMessage[]> = {};
  for (const [channelId, list] of world.messages) messages[channelId] = [...list];
  return {
    guilds: [...world.guilds.values()].map((g) => ({
      id: g.id,
      name: g.name,
      channels: g.channels.map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        parent_id: c.parent_id,
        ...(c.available_tags && {
          available_tags: c.available_tags.map((t) => ({ id: t.id, name: t.name })),
        }),
      })),
      roles: g.roles.map((r) => ({ id: r.id, name: r.name, color: r.color })),
      threads: g.threads.map((t) => ({
        id: t.id,
        name: t.name,
        parent_id: t.parent_id,
        applied_tags: t.applied_tags ?? [],
      })),
    })),
    users,
    messages,
  };
}
