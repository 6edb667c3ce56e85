// Starts the app in-process on 127.0.0.1 at an ephemeral port, on a fresh temporary database, for browser tests.
import type { AddressInfo } from 'node:net';
import { makeTestApp, type TestApp } from '../../helpers/test-app';

export interface TestServer {
  baseUrl: string;
  /** The app's database and services, to arrange data before the browser looks at it. */
  testApp: TestApp;
  close(): Promise<void>;
}

/** The harness behind each server's address, for the sign-in helpers that answer the second factor (#21.2). */
const running = new Map<string, TestApp>();

export function testAppAt(baseUrl: string): TestApp | undefined {
  return running.get(baseUrl);
}

export async function startServer(): Promise<TestServer> {
  const testApp = makeTestApp();
  const server = await new Promise<ReturnType<TestApp['app']['listen']>>((resolve, reject) => {
    const s = testApp.app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  running.set(baseUrl, testApp);
  return {
    baseUrl,
    testApp,
    async close() {
      running.delete(baseUrl);
      // Keep-alive connections from the browser would otherwise hold close() open.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      testApp.close();
    },
  };
}
