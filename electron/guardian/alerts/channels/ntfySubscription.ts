// What setup needs for ntfy: a random unguessable topic, the link the family subscribes to, and that link as a QR code.
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

/** 24 random bytes (192 bits) as base64url: 32 characters, inside ntfy's [-_A-Za-z0-9]{1,64} topic rule. */
export function newNtfyTopic(): string {
  return `pg_${randomBytes(24).toString('base64url')}`;
}

/** The topic's web address; the ntfy app subscribes to it when it is opened or scanned. */
export function ntfySubscribeLink(server: string, topic: string): string {
  return `${server.replace(/\/+$/, '')}/${encodeURIComponent(topic)}`;
}

/** The link as an SVG QR code, dark on light, for the setup window to show. */
export function ntfyQrCodeSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
