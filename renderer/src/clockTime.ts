// A moment as the person's clock shows it ("15:30" or "3:30 PM", as their computer is set); the text itself if it is no date.
export function clockTime(at: Date | string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(date);
}
