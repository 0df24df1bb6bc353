import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDemoGuild, type DemoGuild } from '../src/demoWorld.js';
import { DiscordEmulator } from '../src/emulator.js';

let emulator: DiscordEmulator;
let demo: DemoGuild;

beforeEach(async () => {
  emulator = await new DiscordEmulator({}).start();
  demo = addDemoGuild(emulator.world);
});
afterEach(() => emulator.stop());

/** The fields these tests read of a message or an error body. */
type Answer = {
  id: string;
  type: number;
  message_reference?: unknown;
  errors: { message_reference: { _errors: Array<{ code: string }> } };
};

async function post(channel: string, body: unknown): Promise<{ status: number; json: Answer }> {
  const res = await fetch(`${emulator.apiUrl}/v10/channels/${demo.channel(channel)}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bot ${emulator.token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Answer };
}

describe('emulator replies (message_reference)', () => {
  it('stores a reply as type 19 with the message it references', async () => {
    const original = await post('incident-alerts', { content: 'first report' });
    const reply = await post('incident-alerts', {
      content: 'update',
      message_reference: { message_id: original.json.id },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      type: 19,
      message_reference: {
        message_id: original.json.id,
        channel_id: demo.channel('incident-alerts'),
        guild_id: demo.guild.id,
      },
      referenced_message: { id: original.json.id, content: 'first report' },
    });
  });

  it('refuses a reply to a message that does not exist, unless told not to fail', async () => {
    const missing = await post('incident-alerts', {
      content: 'update',
      message_reference: { message_id: '123456789012345678' },
    });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({
      code: 50035,
      errors: { message_reference: { _errors: [{ code: 'REPLIES_UNKNOWN_MESSAGE' }] } },
    });
    const lenient = await post('incident-alerts', {
      content: 'update',
      message_reference: { message_id: '123456789012345678', fail_if_not_exists: false },
    });
    expect(lenient.status).toBe(200);
    expect(lenient.json.type).toBe(0);
    expect(lenient.json.message_reference).toBeUndefined();
  });

  it('refuses a reply to a message of another channel', async () => {
    const original = await post('incident-alerts', { content: 'first report' });
    const elsewhere = await post('general', {
      content: 'update',
      message_reference: { message_id: original.json.id },
    });
    expect(elsewhere.status).toBe(400);
    const named = await post('general', {
      content: 'update',
      message_reference: {
        message_id: original.json.id,
        channel_id: demo.channel('incident-alerts'),
      },
    });
    expect(named.json.errors.message_reference._errors[0]?.code).toBe(
      'REPLIES_CANNOT_REFERENCE_OTHER_CHANNEL',
    );
  });
});
