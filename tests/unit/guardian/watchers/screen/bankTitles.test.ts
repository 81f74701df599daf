// Bank page titles as browsers show them, and everyday titles that merely contain a bank's name or the word "bank".
import { isBankTitle } from '../../../../../electron/guardian/watchers/screen/bankTitles';

describe('isBankTitle', () => {
  it.each([
    'Log in to Online Banking | Barclays - Google Chrome',
    'HSBC UK - Log on to Online Banking',
    'Lloyds Bank - Internet Banking',
    'NatWest Online Banking – Log in — Mozilla Firefox',
    'Santander UK | Log on',
    'Halifax - Sign in',
    'Nationwide Internet Bank',
    'TSB Internet Banking',
    'Royal Bank of Scotland - Digital Banking',
    'Monzo – Log in',
    'Starling Bank',
    'Metro Bank | Personal',
    'The Co-operative Bank - Log in',
    'first direct - Internet Banking',
    'Virgin Money - Sign in',
    'Bank of Scotland',
    'Ulster Bank - Anytime Internet Banking',
    'Sign in - chase.com',
    'Chase Bank - Credit Cards, Mortgages',
    'Bank of America | Online Banking | Log In',
    'Wells Fargo Sign On to View Your Personal Accounts',
    'Citibank Online',
    'Capital One Sign In',
    'Log in to your PayPal account',
    'RBC Royal Bank - Sign In',
    'TD Canada Trust EasyWeb - Login',
    'Scotiabank',
    'BMO Digital Banking',
    'CIBC - Sign On',
    'NetBank - Log on to NetBank - CommBank',
    'Westpac Online Banking',
    'ANZ Internet Banking',
    'NAB Internet Banking',
    'AIB Phone & Internet Banking',
    'Bank of Ireland 365 online',
    'PTSB - Open24 Login',
    'Sign in to your bank',
    'ONLINE BANKING',
  ])('%s is a bank page', (title) => {
    expect(isBankTitle(title)).toBe(true);
  });

  it.each([
    'Riverbank walks near me - Google Search',
    'Banksy exhibition tickets',
    'Chase the dream - YouTube',
    'Halifax weather forecast',
    'Nationwide news',
    'Starling murmuration video',
    'Santander, Spain - travel guide',
    'Barclays Premier League table',
    'Bank holiday dates 2025',
    'The Tate Modern on the South Bank',
    'Paint the fence: banking on the weather',
    'TDS Telecom',
    'Anzac biscuits recipe',
    'Citizens Advice',
    'Inbox (3) - mary@example.com - Gmail',
    '',
    'a'.repeat(100_000),
  ])('%s is not a bank page', (title) => {
    expect(isBankTitle(title)).toBe(false);
  });
});
