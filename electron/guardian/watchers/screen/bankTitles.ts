// Recognises a window title that shows a bank's or online banking's page. Works on the title only; never keeps it.

/** Phrases that mean online banking whoever the bank is. */
const BANKING_PHRASES = [
  'online banking',
  'internet banking',
  'mobile banking',
  'digital banking',
  'personal banking',
  'sign in to your bank',
  'log in to your bank',
  'log on to your bank',
];

/**
 * Banks named in the pages of their sites, UK first, then US, Canada, Australia and Ireland. A space in a name
 * also matches a hyphen, a dot or nothing ("Bank of America", "bankofamerica.com"). Many names are also ordinary
 * words or places (Halifax, Starling, Chase, Santander), so a name counts only together with a banking word.
 */
const BANK_NAMES = [
  // United Kingdom
  'barclays', 'hsbc', 'lloyds', 'natwest', 'santander', 'halifax', 'nationwide', 'tsb', 'rbs',
  'royal bank of scotland', 'monzo', 'starling', 'metro bank', 'co operative bank', 'cooperative bank',
  'first direct', 'virgin money', 'bank of scotland', 'ulster bank', 'revolut',
  // United States
  'chase', 'jpmorgan chase', 'bank of america', 'wells fargo', 'citi', 'citibank', 'capital one', 'paypal',
  'us bank', 'pnc',
  // Canada
  'rbc', 'royal bank', 'td', 'td canada trust', 'easyweb', 'scotiabank', 'bmo', 'cibc',
  // Australia
  'commbank', 'commonwealth bank', 'netbank', 'westpac', 'anz', 'nab', 'national australia bank',
  // Ireland
  'aib', 'bank of ireland', 'ptsb', 'permanent tsb',
];

/** A banking word that must sit beside a bank's name: "Barclays | Log in", "Halifax Online Banking", "Scotiabank". */
const BANKING_WORDS = String.raw`bank(?:ing)?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:log ?[io]n|sign ?[io]n)(?![\p{L}\p{N}])`;

const words = (phrase: string): string =>
  phrase
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s.\\-]*');
const bounded = (alternatives: string[]): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.map(words).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

const bankingPhrase = bounded(BANKING_PHRASES);
const bankName = bounded(BANK_NAMES);
const bankingWord = new RegExp(BANKING_WORDS, 'iu');

/** True when the title shows online banking, or names a bank beside a banking word. */
export function isBankTitle(title: string): boolean {
  if (bankingPhrase.test(title)) return true;
  return bankName.test(title) && bankingWord.test(title);
}
