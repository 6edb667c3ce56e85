// Where e-mail goes: an SMTP server through nodemailer (SMTP_URL), or, without one, `.eml` files in a folder under the
// data directory (development, demos, and a site that collects them some other way). Either way a message goes out
// under a Message-ID made from its outbox row, so a resend after a crash is recognisably the same message.
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** Names the file of a file transport: one file per outbox row, so sending it again replaces it. */
  key: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Refused by the server for good (5xx): no retry will help. */
export class PermanentMailError extends Error {}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

function message(mail: OutgoingMail) {
  return { from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, messageId: mail.messageId };
}

/** SMTP with short timeouts, so a stuck server cannot hold a claimed row past its lease. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url, {
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  } as never);
  return {
    async send(mail) {
      try {
        await transporter.sendMail(message(mail));
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        // Only the server's own answer is logged (never the address): the sender keeps it as the row's last error.
        const reason = code ? `SMTP ${code}` : (err as { code?: string }).code ?? 'send failed';
        if (code !== undefined && code >= 500) throw new PermanentMailError(reason);
        throw new Error(reason);
      }
    },
    close: () => transporter.close(),
  };
}

/** `.eml` files, written whole under a temporary name and renamed, so a file is either all there or not at all. */
export function fileTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transporter.sendMail(message(mail));
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${mail.key}.eml`);
      const temporary = `${file}.tmp`;
      fs.writeFileSync(temporary, info.message as Buffer);
      fs.renameSync(temporary, file);
    },
    close: () => transporter.close(),
  };
}
