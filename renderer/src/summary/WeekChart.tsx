// The seven-day chart of the weekly summary as a table: one row per day with a bar as long as the share of the day
// protection was on, and that share in words, so a screen reader reads the table and nobody has to judge a bar.
import type { SummaryDay } from '../../../shared/summaryWords';

export function WeekChart({ days }: { days: SummaryDay[] }) {
  return (
    <table className="week-chart">
      <caption>Protection each day, Monday to Sunday</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col" colSpan={2}>
            Protected
          </th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.longLabel}>
            <th scope="row">{day.longLabel}</th>
            <td className="week-chart-bar-column" aria-hidden="true">
              {day.uptimePercent !== null && (
                <span className="week-chart-track">
                  <span className="week-chart-bar" style={{ width: `${day.uptimePercent}%` }} />
                </span>
              )}
            </td>
            <td className="week-chart-value">{day.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
