// The status page's "Keeping up to date": the app's version, the list of remote-access programs in use and its last
// check, and how the app is updated, in the words shared/updates.ts gives. A refused update is said calmly: it changes nothing.
import type { Status } from '../../../shared/api';
import { updatesSentences, type UpdatesView } from '../../../shared/updates';

export function UpdatesSection({ updates, region }: { updates: UpdatesView; region: Status['region'] }) {
  const [first, ...more] = updatesSentences(updates, region ?? 'GB', new Date());
  return (
    <section aria-labelledby="updates-heading">
      <h2 id="updates-heading">Keeping up to date</h2>
      <p>{first}</p>
      {more.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </section>
  );
}
