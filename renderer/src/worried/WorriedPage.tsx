// "I'm on a call and I'm worried", from the tray: kind words, the trusted contact's number, and the advice for the region.
// The region and contact come from the status; until they are known, the default region's advice is shown.
import { useRef } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import { hangingUpIsFine, reassurance } from '../../../shared/advice';
import { defaultSettings } from '../../../shared/settings';
import { AdviceSection } from '../advice/AdviceSection';
import { ReadAloudButton } from '../advice/ReadAloudButton';
import { ContactCard } from '../advice/ContactCard';
import { useLiveStatus } from '../status/useLiveStatus';

const DEFAULT_REGION = defaultSettings().region;

export function WorriedPage({ api, onDone }: { api: PauseGuardApi; onDone: () => void }) {
  const main = useRef<HTMLElement>(null);
  const live = useLiveStatus(api);
  const status = live.kind === 'ready' ? live.status : null;
  const contact = status?.contact ?? null;
  return (
    <main ref={main} className="page calm-page" aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        Worried about a call? You were right to stop and check.
      </h1>
      <p>{hangingUpIsFine}</p>
      <p>{reassurance}</p>
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">{contact ? `Call ${contact.name}` : 'Want to check with someone?'}</h2>
        <ContactCard contact={contact} />
      </section>
      <AdviceSection region={status?.region ?? DEFAULT_REGION} contactName={contact?.name ?? null} openLink={(url) => void api.openExternalLink({ url })} />
      <div className="page-actions">
        <button type="button" className="button primary" onClick={onDone}>
          Close this page
        </button>
        <ReadAloudButton source={main} />
      </div>
    </main>
  );
}
