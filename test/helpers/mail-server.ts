// A real SMTP server for tests (smtp-server), run by the test itself: it keeps every message it accepted, parsed with
// mailparser, and can refuse (a 4xx or 5xx to every recipient) or hold a message before answering its DATA.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailServer {
  url: string;
  /** Messages the server accepted (answered 250 to DATA while the client was still connected). */
  accepted: ParsedMail[];
  /** A 4xx or 5xx code refuses every recipient until set back to null. */
  refuse: number | null;
  /** While set, each message waits for this promise before the server answers its DATA. */
  hold: Promise<void> | null;
  /** How many messages reached the end of their DATA (accepted or not). */
  received: number;
  /** Client connections open now. */
  connections(): number;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const state = { accepted: [] as ParsedMail[], refuse: null as number | null, hold: null as Promise<void> | null, received: 0 };
  const open = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(session, callback) {
      open.add(session.id);
      callback();
    },
    onClose(session) {
      open.delete(session.id);
    },
    onRcptTo(_address, _session, callback) {
      if (state.refuse === null) return callback();
      const err = Object.assign(new Error(`refused for the test (${state.refuse})`), { responseCode: state.refuse });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.received += 1;
        const hold = state.hold;
        void (async () => {
          if (hold) await hold;
          // A client that went away before the answer did not have its message accepted: nothing is delivered.
          if (!open.has(session.id)) return;
          state.accepted.push(await simpleParser(Buffer.concat(chunks)));
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => open.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
