// Recognises a window title that shows a page for the person's money: a bank, a payment app, gift cards, crypto or a
// money-transfer service (the names are in shared/moneyPages.ts). Works on the title only; never keeps it.
import {
  ABOUT_SITES, GIFT_CARD_SELLERS, GIFT_CARD_WORDS, KIND_WORDS, MONEY_NAMES, MONEY_PHRASES, SIGN_IN_WORDS,
  type MoneyNames, type MoneyPageKind,
} from '../../../../shared/moneyPages';

/** Dots, hyphens and runs of spaces are one space: "bankofamerica.com" and "Co-operative" read as words. */
const normalised = (text: string): string => text.toLowerCase().replace(/[\s.\-_]+/gu, ' ').trim();

/** A name's words, each written as the browser may join them: "bank of america", "bankofamerica", "bank-of-america". */
const words = (phrase: string): string =>
  phrase
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(' ?');
const anyOf = (alternatives: readonly string[]): string => `(?:${alternatives.join('|')})`;
const wholeWords = (pattern: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu');

/** What may follow a name in a part of the title that is just the name: "Navy Federal Credit Union", "Citibank Online". */
const NAME_SUFFIX = String.raw`(?: (?:bank|uk|us|usa|online|com|co uk|ca|com au|ie|inc|plc|ltd|llc|credit union|building society|canada|australia|ireland|official site|personal|home))*`;

interface KindRule {
  kind: MoneyPageKind;
  /** A name anywhere in the title. */
  name: RegExp;
  /** A name that is the whole of one part of the title. */
  wholePart: RegExp;
  /** An everyday name anywhere in the title; null when the kind has none. */
  everydayName: RegExp | null;
  /** A word of the kind or a sign-in word. */
  kindWord: RegExp;
}

const signInWord = anyOf(SIGN_IN_WORDS);

function ruleFor(kind: Exclude<MoneyPageKind, 'gift-cards'>): KindRule {
  const regions = Object.values(MONEY_NAMES[kind]) as MoneyNames[];
  const names = anyOf(regions.flatMap((region) => region.names).map(words));
  const everyday = regions.flatMap((region) => region.everydayNames ?? []).map(words);
  return {
    kind,
    name: wholeWords(names),
    wholePart: new RegExp(`^(?:the )?${names}${NAME_SUFFIX}$`, 'iu'),
    everydayName: everyday.length > 0 ? wholeWords(anyOf(everyday)) : null,
    kindWord: wholeWords(anyOf([...KIND_WORDS[kind], signInWord])),
  };
}

const RULES = (['bank', 'crypto', 'money-transfer'] as const).map(ruleFor);
const PHRASES = (Object.entries(MONEY_PHRASES) as [MoneyPageKind, readonly string[]][]).map(([kind, phrases]) => ({
  kind,
  phrase: wholeWords(anyOf(phrases.map(words))),
}));
const giftCardWord = wholeWords(anyOf(GIFT_CARD_WORDS));
const giftCardSeller = wholeWords(anyOf(GIFT_CARD_SELLERS.map(words)));
const aboutSites = new Set(ABOUT_SITES);

/** The parts a title is made of: "Sign In | Navy Federal Credit Union - Google Chrome" has three. */
const partsOf = (title: string): string[] =>
  title
    .split(/\s*[|–—·•]\s*|\s+-\s+|:\s+/u)
    .map(normalised)
    .filter((part) => part !== '');

/**
 * What kind of money page the title shows, or null. A name counts as a part of the title by itself or beside a word
 * of its kind; an everyday name only beside such a word; a page of a site that writes about money (Wikipedia, the
 * news) never counts.
 */
export function moneyPageOf(title: string): MoneyPageKind | null {
  const parts = partsOf(title);
  if (parts.some((part) => aboutSites.has(part))) return null;
  const text = normalised(title);
  for (const { kind, phrase } of PHRASES) if (phrase.test(text)) return kind;
  if (giftCardWord.test(text) && giftCardSeller.test(text)) return 'gift-cards';
  for (const rule of RULES) {
    const besideWord = rule.kindWord.test(text);
    if (rule.name.test(text) && (besideWord || parts.some((part) => rule.wholePart.test(part)))) return rule.kind;
    if (besideWord && rule.everydayName?.test(text)) return rule.kind;
  }
  return null;
}
