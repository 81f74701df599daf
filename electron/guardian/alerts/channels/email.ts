// The email channel: one message through the family's SMTP server with nodemailer, a plain-text and an HTML part.
// The Message-ID comes from the alert id, so a message sent again after an unknown outcome is the same message
// to every mail server and client that deduplicates on it.
import nodemailer from 'nodemailer';
import { smtpSender } from '../../../../shared/smtpAddress';
import { ALERT_ID_HEADER, DeliveryError, type ChannelSender } from './channel';
import { readSmtpUrl } from './smtpUrl';

export interface EmailConfig {
  to: string;
  smtpUrl: string;
  from: string | null;
}

export function createEmailChannel(config: EmailConfig, key: string, label = 'Email', timeoutMs?: number): ChannelSender {
  const smtp = readSmtpUrl(config.smtpUrl, timeoutMs);
  return {
    key,
    channel: 'email',
    label,
    async send(alert) {
      if (!smtp.ok) throw new DeliveryError(`${label}: ${smtp.problem}`, true);
      const from = smtpSender(config.smtpUrl, config.from);
      if (!from) throw new DeliveryError(`${label}: there is no sender address; please give one in setup.`, true);
      const transport = nodemailer.createTransport(smtp.options);
      try {
        await transport.sendMail({
          from: { name: 'Pause Guard', address: from },
          to: config.to,
          subject: alert.content.title,
          text: alert.content.text,
          html: alert.content.html,
          messageId: alertMessageId(alert.id),
          date: new Date(alert.createdAt),
          priority: alert.content.priority === 'urgent' || alert.content.priority === 'high' ? 'high' : 'normal',
          headers: { [ALERT_ID_HEADER]: alert.id },
        });
      } catch (error) {
        throw emailFailure(error, label);
      } finally {
        transport.close();
      }
    },
  };
}

/** The Message-ID for an alert: the same on every retry. */
export function alertMessageId(alertId: string): string {
  return `<${alertId}@alert.pause-guard>`;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
}

/** SMTP 4xx and network trouble are worth another try; 5xx, refused passwords and refused addresses are not. */
export function emailFailure(error: unknown, label: string): DeliveryError {
  const { code, responseCode, command } = (error ?? {}) as SmtpError;
  const temporary = responseCode !== undefined && responseCode >= 400 && responseCode < 500;
  switch (code) {
    case 'EAUTH':
      return temporary
        ? new DeliveryError(`${label}: the server could not check the password just now; it will be tried again.`, false)
        : new DeliveryError(`${label}: the server refused the password.`, true);
    case 'ENOAUTH':
      return new DeliveryError(`${label}: the server wants a user name and password in the mail server address.`, true);
    case 'EENVELOPE':
      if (temporary) return new DeliveryError(`${label}: the server cannot take the message just now; it will be tried again.`, false);
      return /^MAIL/i.test(command ?? '')
        ? new DeliveryError(`${label}: the sender address was refused.`, true)
        : new DeliveryError(`${label}: the address was refused.`, true);
    case 'ETLS':
      return new DeliveryError(`${label}: a secure connection to the mail server could not be made; it will be tried again.`, false);
    case 'ECONNECTION':
    case 'ETIMEDOUT':
    case 'ESOCKET':
    case 'EDNS':
      return new DeliveryError(`${label}: the mail server could not be reached.`, false);
    default:
      if (temporary) return new DeliveryError(`${label}: the server cannot take the message just now; it will be tried again.`, false);
      if (responseCode !== undefined && responseCode >= 500) return new DeliveryError(`${label}: the server refused the message.`, true);
      return new DeliveryError(`${label}: the mail server could not be reached.`, false);
  }
}
