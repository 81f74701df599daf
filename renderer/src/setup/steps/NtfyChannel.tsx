// The phone-app channel: plain steps to get the ntfy app and subscribe, with the QR code of the subscribe link.
// The QR code arrives as SVG markup from the main process; it is shown as an image, never put into the page as markup.
import { useState } from 'react';
import { TextField } from '../TextField';
import type { StepProps } from '../setupForm';

export function NtfyChannel({ form, view, errors, update }: StepProps) {
  const suggestion = view.ntfySuggestion;
  const hasOwnSettingsError = Boolean(errors['contact.ntfy.server'] || errors['contact.ntfy.topic'] || errors['contact.ntfy.token']);
  const [showOwn, setShowOwn] = useState(form.ntfyServer !== suggestion.server);
  const ownOpen = showOwn || hasOwnSettingsError;
  const showsSuggestion = form.ntfyServer === suggestion.server && form.ntfyTopic === suggestion.topic;
  const savedToken = view.contacts[0]?.ntfy?.hasToken ?? false;
  return (
    <div className="channel">
      <ol className="plain-steps">
        <li>
          On {form.contactName.trim() || 'their'}
          {form.contactName.trim() ? '’s' : ''} phone, install the free app called <strong>ntfy</strong> from the App Store or Google Play.
        </li>
        <li>
          Open ntfy and tap <strong>+</strong>.
        </li>
        {form.ntfyServer.trim() !== suggestion.server && form.ntfyServer.trim() !== '' && (
          <li>
            Tick <strong>Use another server</strong> and type <code className="topic">{form.ntfyServer.trim()}</code>
          </li>
        )}
        <li>
          Type this topic name, then tap <strong>Subscribe</strong>:
          <code className="topic">{form.ntfyTopic}</code>
        </li>
      </ol>
      {showsSuggestion && (
        <div className="qr">
          <img src={svgDataUrl(suggestion.qrSvg)} alt={`QR code that opens the alert page ${suggestion.subscribeUrl}`} width={220} height={220} />
          <p>Or point the phone’s camera at this code. It opens the alert page, where you can subscribe too.</p>
        </div>
      )}
      <button type="button" className="link-button" aria-expanded={ownOpen} onClick={() => setShowOwn(!ownOpen)}>
        {ownOpen ? 'Hide the server settings' : 'Use your own ntfy server (optional)'}
      </button>
      {ownOpen && (
        <div className="own-server">
          <TextField
            field="contact.ntfy.server"
            label="ntfy server address"
            hint={`Leave it as ${suggestion.server} unless the family runs its own server.`}
            type="url"
            value={form.ntfyServer}
            onChange={(ntfyServer) => update({ ntfyServer }, 'contact.ntfy.server')}
            error={errors['contact.ntfy.server']}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            field="contact.ntfy.topic"
            label="Topic name"
            hint="Long and hard to guess: anyone who knows it can read the alerts."
            value={form.ntfyTopic}
            onChange={(ntfyTopic) => update({ ntfyTopic }, 'contact.ntfy.topic')}
            error={errors['contact.ntfy.topic']}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
          />
          <TextField
            field="contact.ntfy.token"
            label="Access token (optional)"
            hint={savedToken ? 'A token is saved. Leave this empty to keep it.' : 'Only for a server that asks for one.'}
            type="password"
            value={form.ntfyToken}
            onChange={(ntfyToken) => update({ ntfyToken }, 'contact.ntfy.token')}
            error={errors['contact.ntfy.token']}
            autoComplete="off"
            maxLength={200}
          />
        </div>
      )}
    </div>
  );
}

/** The SVG as a data: URL for an <img>: an image cannot run scripts or add anything to the page. */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
