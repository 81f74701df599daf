// The trusted contact's name and phone number, large enough to dial from across the desk; or, with no contact,
// the advice to call someone trusted on a number already known.
import { neverTheCallersNumber } from '../../../shared/advice';
import type { InterruptionView } from '../../../shared/interruption';

export function ContactCard({ contact }: { contact: InterruptionView['contact'] }) {
  if (contact === null) return <p className="contact-card">{neverTheCallersNumber}</p>;
  return (
    <div className="contact-card">
      <p className="contact-name">{contact.name}</p>
      {contact.phone !== null ? (
        <p className="contact-phone">{contact.phone}</p>
      ) : (
        <p>Use the number you already have for {contact.name}.</p>
      )}
    </div>
  );
}
