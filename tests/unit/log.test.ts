import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

describe('logger', () => {
  it('redacts the Discord token wherever the config is logged', () => {
    let output = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        output += String(chunk);
        done();
      },
    });
    const log = createLogger('info', sink);
    log.info({ config: { discord: { token: 'secret-token-value' } } }, 'starting');
    log.info({ token: 'secret-token-value' }, 'login');
    log.info({ headers: { authorization: 'Bot secret-token-value' } }, 'request');
    expect(output).not.toContain('secret-token-value');
    expect(output.match(/\[redacted\]/g)).toHaveLength(3);
  });
});
