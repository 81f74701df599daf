// A real SMTP server on 127.0.0.1 (npm smtp-server) with a password (or none, as a home relay), keeping every message it accepts as raw text.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpReceiver {
  port: number;
  messages: string[];
  /** Resolves once `count` messages have fully arrived (accepted or not yet). */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface SmtpReceiverOptions {
  user: string;
  password: string;
  port?: number;
  /** Takes mail without a login, as a home relay does. */
  noLogin?: boolean;
  /** Called once a message's data has arrived; answer false to leave the client waiting (no reply at all). */
  onMessage?: (raw: string, index: number) => boolean;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const messages: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: options.noLogin === true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example')) callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push(raw);
        for (const waiter of waiters.filter((w) => messages.length >= w.count)) waiter.resolve();
        if (options.onMessage?.(raw, messages.length - 1) === false) return;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    waitFor: (count) => (messages.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
