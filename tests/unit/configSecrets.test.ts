import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, withoutUrlPassword } from '../../src/config/loadConfig.js';
import { CONFIG_DIR } from '../helpers/paths.js';

describe('configuration errors never show a store password', () => {
  it('masks the password of a STORE_URL it rejects, and keeps the rest for diagnosis', () => {
    let message = '';
    try {
      loadConfig({ STORE_URL: 'ftp://jikenbo:s3cret-pw@db.internal:21/x' }, CONFIG_DIR);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/STORE_URL/);
    expect(message).not.toContain('s3cret-pw');
    expect(message).toContain('ftp://jikenbo:***@db.internal:21/x');
  });

  it('leaves URLs without a password as they are', () => {
    expect(withoutUrlPassword('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(withoutUrlPassword('sqlite://data/x.sqlite')).toBe('sqlite://data/x.sqlite');
    expect(withoutUrlPassword('redis://:pw@host:6379/0')).toBe('redis://:***@host:6379/0');
  });
});
