// Config parsing: defaults, and one clear line naming a bad variable.
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databasePath).toBe(path.resolve('data/reisekart.db'));
    expect(c.trustProxy).toBe(0);
    expect(c.seedDemo).toBe(true);
    expect(c.logLevel).toBe('info');
    expect(c.baseUrl).toBe('http://localhost:3000');
    expect(c.sessionSecret).toBeUndefined();
  });

  it('requires BASE_URL in production, so absolute links never come from a request (#15.5)', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^Invalid configuration: BASE_URL is required when NODE_ENV=production/);
    expect(loadConfig({ NODE_ENV: 'production', BASE_URL: 'https://reisekart.kommune.no' }).baseUrl).toBe('https://reisekart.kommune.no');
  });

  it('reads given values', () => {
    const c = loadConfig({ PORT: '8080', TRUST_PROXY: '2', SEED_DEMO: 'off', LOG_LEVEL: 'warn', BASE_URL: 'https://reisekart.example/', HOST: '127.0.0.1' });
    expect([c.port, c.trustProxy, c.seedDemo, c.logLevel, c.baseUrl, c.host]).toEqual([8080, 2, false, 'warn', 'https://reisekart.example', '127.0.0.1']);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['TRUST_PROXY', 'true'],
    ['SEED_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['BASE_URL', 'ftp://x'],
    ['SESSION_SECRET', 'short'],
  ])('refuses %s=%s with one line naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(`Invalid configuration: ${name}=`)).toBe(true);
    expect(message).not.toContain('\n');
  });
});
