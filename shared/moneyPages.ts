// The names of the pages a scam ends on, by region: banks, building societies and credit unions, payment apps, gift-card
// shops, crypto exchanges and Bitcoin ATMs, money-transfer services. Data only: the window watcher matches titles with it.
import type { Region } from './settings';

/** What a money page is for: the cover words it as "a page for your money" whatever the kind. */
export type MoneyPageKind = 'bank' | 'gift-cards' | 'crypto' | 'money-transfer';

/**
 * Names of one kind in one region. `names` count when the name stands as a part of the title by itself ("Capital One |
 * Credit Cards") or beside a word of the kind ("Navy Federal Credit Union - Sign In"). `everydayNames` are also
 * ordinary words or places (Chase, Halifax, Kraken, Wise): they count only beside a word of the kind.
 */
export interface MoneyNames {
  readonly names: readonly string[];
  readonly everydayNames?: readonly string[];
}

/** Where a name is used: a region the app offers, or anywhere. Every region is matched on every computer (see README). */
export type MoneyRegion = Region | 'anywhere';

export const MONEY_NAMES: Record<Exclude<MoneyPageKind, 'gift-cards'>, Partial<Record<MoneyRegion, MoneyNames>>> = {
  bank: {
    GB: {
      names: [
        'barclays', 'barclaycard', 'hsbc', 'lloyds', 'lloyds bank', 'natwest', 'royal bank of scotland', 'tsb', 'rbs',
        'metro bank', 'co operative bank', 'cooperative bank', 'first direct', 'virgin money', 'bank of scotland',
        'ulster bank', 'monzo', 'tide', 'chase uk', 'coventry building society', 'yorkshire building society',
        'skipton building society', 'leeds building society', 'nationwide building society', 'principality building society',
        'clydesdale bank', 'danske bank', 'tesco bank', 'sainsburys bank', 'marcus by goldman sachs', 'paym',
      ],
      everydayNames: ['santander', 'halifax', 'nationwide', 'starling', 'coventry', 'yorkshire', 'skipton', 'chase'],
    },
    US: {
      names: [
        'jpmorgan chase', 'chase com', 'bank of america', 'wells fargo', 'citibank', 'citi', 'capital one', 'us bank', 'u s bank',
        'pnc', 'truist', 'td bank', 'fifth third', 'keybank', 'navy federal', 'navy federal credit union', 'usaa',
        'pentagon federal', 'penfed', 'bmo harris', 'citizens bank', 'american express', 'amex', 'synchrony', 'zelle',
        'venmo', 'cash app', 'chime', 'sofi', 'schwab', 'fidelity', 'becu', 'alliant credit union', 'golden 1',
      ],
      everydayNames: ['chase', 'discover', 'ally', 'regions', 'huntington', 'citizens', 'm&t', 'santander'],
    },
    CA: {
      names: [
        'rbc', 'rbc royal bank', 'royal bank of canada', 'td canada trust', 'easyweb', 'scotiabank', 'bmo', 'cibc',
        'national bank of canada', 'desjardins', 'tangerine', 'simplii', 'eq bank', 'atb', 'interac', 'vancity', 'meridian credit union',
      ],
      everydayNames: ['td', 'royal bank', 'coast capital'],
    },
    AU: {
      names: [
        'commbank', 'commonwealth bank', 'netbank', 'westpac', 'anz', 'nab', 'national australia bank', 'st george bank',
        'bankwest', 'macquarie bank', 'ing australia', 'suncorp bank', 'bendigo bank', 'up bank', 'ubank', 'great southern bank',
        'heritage bank', 'payid', 'osko', 'beemit',
      ],
      everydayNames: ['st george', 'bendigo', 'suncorp', 'macquarie', 'beem'],
    },
    IE: {
      names: ['aib', 'allied irish banks', 'bank of ireland', 'ptsb', 'permanent tsb', 'open24', 'an post money'],
      everydayNames: ['credit union'],
    },
    anywhere: {
      names: ['paypal', 'revolut', 'n26', 'wise account'],
      everydayNames: ['ing'],
    },
  },
  crypto: {
    anywhere: {
      names: [
        'coinbase', 'binance', 'crypto com', 'bitstamp', 'kucoin', 'bybit', 'okx', 'bitfinex', 'bitpanda', 'blockchain com',
        'coinspot', 'coinjar', 'swyftx', 'independent reserve', 'newton crypto', 'wealthsimple crypto', 'bitbuy', 'ndax', 'shakepay',
        'cex io', 'etoro', 'moonpay', 'paxful', 'localbitcoins',
        // Bitcoin ATMs: their sites and the ones named on the machines.
        'coinme', 'bitcoin depot', 'coinflip', 'athena bitcoin', 'libertyx', 'byte federal', 'bytefederal', 'coin cloud',
        'rockitcoin', 'bitstop', 'coinhub', 'localcoin', 'bitcoin well', 'cryptobase atm', 'coinstar bitcoin',
      ],
      everydayNames: ['kraken', 'gemini', 'uphold', 'robinhood', 'strike'],
    },
  },
  'money-transfer': {
    anywhere: {
      names: [
        'western union', 'moneygram', 'remitly', 'worldremit', 'xoom', 'ria money transfer', 'sendwave', 'taptap send',
        'azimo', 'transferwise', 'wise com', 'ofx', 'xe money transfer', 'paysend', 'small world money transfer',
      ],
      everydayNames: ['wise', 'ria', 'xe'],
    },
  },
};

/** Shops whose gift cards scammers ask for: a title counts when one is named beside "gift card" (or the like). */
export const GIFT_CARD_SELLERS: readonly string[] = [
  'amazon', 'apple', 'itunes', 'app store', 'google play', 'google', 'steam', 'valve', 'xbox', 'microsoft', 'playstation', 'psn',
  'nintendo', 'ebay', 'walmart', 'target', 'best buy', 'razer gold', 'vanilla', 'visa', 'mastercard', 'one4all', 'love2shop',
  'tesco', 'argos', 'sephora', 'roblox', 'netflix', 'spotify', 'paysafecard', 'neosurf', 'flexepin', 'jb hi fi', 'coles', 'woolworths',
];

/** Phrases that mean a money page whoever runs it ("Online Banking", "Bitcoin ATM near me"): they count alone. */
export const MONEY_PHRASES: Record<MoneyPageKind, readonly string[]> = {
  bank: [
    'online banking', 'internet banking', 'mobile banking', 'digital banking', 'personal banking',
    'sign in to your bank', 'log in to your bank', 'log on to your bank',
  ],
  'gift-cards': ['buy gift cards', 'buy a gift card', 'gift card balance', 'check gift card balance', 'redeem gift card'],
  crypto: ['bitcoin atm', 'bitcoin atms', 'crypto atm', 'crypto atms', 'buy bitcoin', 'buy crypto', 'send bitcoin'],
  'money-transfer': ['international money transfer', 'send money abroad', 'send money online', 'track a transfer', 'track a money transfer'],
};

/**
 * Words of a kind that make a name a page of that kind: "Halifax - Sign in", "Kraken - Buy Bitcoin", "Wise - Send money".
 * Written as regular-expression pieces; they are matched as whole words.
 */
export const KIND_WORDS: Record<Exclude<MoneyPageKind, 'gift-cards'>, readonly string[]> = {
  bank: ['bank', 'banking', 'credit union', 'building society', 'accounts?', 'credit cards?', 'savings', 'checking', 'mortgages?'],
  crypto: ['crypto(?:currency|currencies)?', 'bitcoin', 'btc', 'ethereum', 'exchange', 'wallet', 'trade', 'trading'],
  'money-transfer': ['money', 'transfers?', 'send', 'remittances?'],
};

/** Words that mean signing in to an account, on a page of any kind. */
export const SIGN_IN_WORDS: readonly string[] = ['log ?[io]n', 'sign ?[io]n', 'logon', 'log ?out', 'sign ?out', 'my account'];

/** The gift card words themselves. */
export const GIFT_CARD_WORDS: readonly string[] = ['gift ?cards?', 'e ?gift(?: cards?)?', 'gift codes?', 'gift vouchers?', 'egift'];

/**
 * Sites that write about a bank rather than being it: a title with one of these as a part of its own ("Coinbase -
 * Wikipedia", "Capital One fined - BBC News") is not a money page.
 */
export const ABOUT_SITES: readonly string[] = [
  'wikipedia', 'youtube', 'reddit', 'bbc', 'bbc news', 'reuters', 'the guardian', 'guardian', 'cnn', 'cnbc', 'forbes',
  'bloomberg', 'the new york times', 'new york times', 'the washington post', 'abc news', 'cbc news', 'cbc', 'ctv news',
  'global news', 'rté', 'rte', 'the irish times', 'irish independent', 'the sydney morning herald', 'news com au', 'sky news',
  'yahoo finance', 'yahoo news', 'the times', 'the telegraph', 'daily mail', 'which?', 'which', 'moneysavingexpert', 'the motley fool',
];
