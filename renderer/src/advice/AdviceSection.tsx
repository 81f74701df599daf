// The advice for the person's region, shared by the interruption, the tray warning and "I'm worried": what to do now,
// in order, and who to report to. It only shows words from shared/advice.ts; it never blames.
import { adviceFor, nextSteps, realCompaniesNever, type ReportPlace } from '../../../shared/advice';
import type { Region } from '../../../shared/settings';

export interface AdviceSectionProps {
  region: Region;
  contactName: string | null;
  /** Opens a reporting site in the person's own browser; without it the address is shown as plain text. */
  openLink?: (url: string) => void;
  /** Leave out the ordered steps when the page has already shown them. */
  withSteps?: boolean;
  /** The steps' heading, when "What to do now" would assume too much (a calm warning). */
  stepsHeading?: string;
}

export function AdviceSection({ region, contactName, openLink, withSteps = true, stepsHeading = 'What to do now' }: AdviceSectionProps) {
  const advice = adviceFor(region);
  return (
    <div className="advice">
      {withSteps && (
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">{stepsHeading}</h2>
          <NextSteps region={region} contactName={contactName} />
        </section>
      )}
      <section aria-labelledby="companies-heading">
        <h2 id="companies-heading">Good to know</h2>
        <p>{realCompaniesNever}</p>
        {advice.notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </section>
      <section aria-labelledby="report-heading">
        <h2 id="report-heading">Who to tell</h2>
        <ul className="report-places">
          {advice.reportTo.map((place) => (
            <ReportPlaceItem key={place.name} place={place} openLink={openLink} />
          ))}
        </ul>
      </section>
    </div>
  );
}

export function NextSteps({ region, contactName }: { region: Region; contactName: string | null }) {
  return (
    <ol className="steps">
      {nextSteps(adviceFor(region), contactName).map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  );
}

function ReportPlaceItem({ place, openLink }: { place: ReportPlace; openLink: AdviceSectionProps['openLink'] }) {
  const { url, site } = place;
  const name = place.name.charAt(0).toUpperCase() + place.name.slice(1);
  return (
    <li>
      <strong>{name}</strong>
      {place.purpose !== null && `, ${place.purpose}`}
      {place.phone !== null && (
        <>
          {': call '}
          <span className="phone">{place.phone}</span>
        </>
      )}
      {site !== null && url !== null && (
        <>
          {place.phone !== null ? ', or go to ' : ': go to '}
          {openLink ? (
            <a
              href={url}
              onClick={(event) => {
                event.preventDefault();
                openLink(url);
              }}
            >
              {site}
            </a>
          ) : (
            <span className="site">{site}</span>
          )}
        </>
      )}
      .
    </li>
  );
}
