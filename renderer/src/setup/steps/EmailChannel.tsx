// The email channel: the contact's address, the mail server Pause Guard sends through (with a note on app passwords),
// and the sender address a mail server with no login needs.
import { TextField } from '../TextField';
import type { StepProps } from '../setupForm';

export function EmailChannel({ form, view, errors, update }: StepProps) {
  const saved = view.contacts[0]?.email;
  const serverHint = saved ? (
    `Saved: the mail server ${saved.smtpHost}${saved.hasPassword ? ', with its password' : ''}. Leave this empty to keep it.`
  ) : (
    <>
      Your email login, an app password and the mail server, written like this for Gmail:
      <code className="example">smtps://ann@gmail.com:app-password@smtp.gmail.com:465</code>
    </>
  );
  return (
    <div className="channel">
      <TextField
        field="contact.email.to"
        label="Their email address"
        type="email"
        value={form.emailTo}
        onChange={(emailTo) => update({ emailTo }, 'contact.email.to')}
        error={errors['contact.email.to']}
        autoComplete="off"
        spellCheck={false}
        maxLength={254}
      />
      <TextField
        field="contact.email.smtpUrl"
        label="Mail server to send from"
        hint={serverHint}
        value={form.smtpUrl}
        onChange={(smtpUrl) => update({ smtpUrl }, 'contact.email.smtpUrl')}
        error={errors['contact.email.smtpUrl']}
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
      />
      <p className="note">
        Use an <strong>app password</strong>, not the usual email password. Gmail, Outlook and iCloud make one in the account’s
        security settings.
      </p>
      <TextField
        field="contact.email.from"
        label="Send from this address (only for a mail server with no login)"
        hint={
          saved?.sendsFromLogin && form.emailFrom === ''
            ? 'Alerts are sent from the login in the mail server address. Leave this empty to keep it so.'
            : 'A mail server at home, or on this computer, may take mail without a login. Then write the address the alerts come from.'
        }
        type="email"
        value={form.emailFrom}
        onChange={(emailFrom) => update({ emailFrom }, 'contact.email.from')}
        error={errors['contact.email.from']}
        autoComplete="off"
        spellCheck={false}
        maxLength={254}
      />
    </div>
  );
}
