/**
 * More of the requests no engine carries out (./offline-safety.ts reads the first ones): reach
 * an app was never given, data copied into a named outside service, and people's IP addresses.
 * Each is a coded refusal that says why, not the generic "I only understand…" text, which would
 * suggest that a connected model would do it. Pure.
 *
 * - Reach: the internet at large, any website, or files on a computer. The assistant grants an
 *   app nothing; its owner grants a network origin to a component in the studio, and no app here
 *   reads a computer's files.
 * - A named service ("save every task to a Google Sheet", "sync the list with Airtable") is an
 *   address outside the app as much as a URL is.
 * - An IP address is something a person did not choose to enter: keeping it is tracking.
 * - A page that passes for another service (its login, its look) or keeps people's passwords is
 *   phishing, whoever asks.
 */
import type { UnsafeRequest } from './offline-safety';

// A service outside the app, by name; not when it names a button or a link the person adds.
const SERVICE =
  /\b(?:google (?:sheets?|docs?|drive|forms?)|spreadsheet online|airtable|notion|zapier|ifttt|make\.com|firebase|supabase|mailchimp|hubspot|salesforce|trello|asana|slack|discord|telegram|whatsapp|twitter|facebook|instagram|dropbox|one ?drive|s3 bucket|icloud|sharepoint)\b(?!\s+(?:button|link|icon|logo|handle|page|url|field)s?\b)/i;
const INTO =
  /\b(?:send|post|save|store|sync|export|copy|push|upload|forward|share|mirror|back ?up|log|write|add|put|dump|stream|keep)\w*\b.{0,40}\b(?:to|into|in|on|with|onto)\b(?:\s+(?:a|an|the|my|our|their|some))?\s*$/i;

// An IP address: kept, shown or read, it is a person's trace, not what they entered.
const IP =
  /\b(?:store|save|keep|log|record|note|remember|collect|get|grab|capture|show|read|track|see|list)\w*\b.{0,40}\b(?:ip|ips|ip address(?:es)?|ip-address(?:es)?)\b/i;

// Reach the app was not given: the internet at large, any website, files on a computer.
const NETWORK = [
  /\b(?:internet|network|web|online) access\b|\baccess (?:to )?(?:the )?(?:internet|network|web)\b/i,
  /\b(?:fetch|load|get|pull|read|call|reach|connect|talk|grab|scrape|browse|open)\w*\b.{0,30}\b(?:any|every|all|other|random|whatever) (?:websites?|sites?|urls?|addresses|servers?|apis?|web ?pages?)\b/i,
  // "look up the weather online", "show today's exchange rate": live data from elsewhere.
  /\b(?:look(?:s|ing)? up|fetch\w*|get|gets|pull\w*|load\w*|grab\w*|check\w*|find\w*|show\w*)\b.{0,40}\b(?:online|(?:from|on) the (?:internet|web))\b/i,
  /\b(?:look(?:s|ing)? up|fetch\w*|get|gets|pull\w*|load\w*|grab\w*|show\w*|display\w*)\b.{0,20}\b(?:the |today'?s |current |live |latest )?(?:weather|forecast|stock prices?|share prices?|exchange rates?|news headlines|live scores?|bitcoin price)\b/i,
  /\b(?:go|get|be|stay|work) online\b(?! (?:badge|status|indicator|dot))|\b(?:use|reach|connect to|talk to) the (?:internet|web)\b/i
];
const FILES = [
  /\b(?:files?|folders?|documents?|photos?|pictures?|images?|data|spreadsheets?|csv)\b.{0,30}\b(?:on|from|in|off|of) (?:my|the|your|their|a|his|her|people'?s?|the user'?s?|users'?) (?:computers?|pcs?|macs?|laptops?|desktops?|disks?|hard ?drives?|machines?|devices?|phones?|downloads|documents folder)\b/i,
  /\b(?:my|the|a|your) (?:desktop|downloads|documents|home) (?:folder|directory)\b|\b(?:local )?file ?system\b|\b(?:read|open|load|access|browse|scan)\w*\b.{0,20}\blocal files?\b/i
];

// Passing for another service, or keeping what people type as passwords.
const BRANDS = String.raw`(?:google|gmail|facebook|meta|apple|icloud|microsoft|outlook|office 365|paypal|amazon|netflix|instagram|twitter|linkedin|dropbox|steam|(?:a |the |my |their )?bank(?:'s)?(?= (?:login|log-?in|sign-?in|site|website|page|app|portal)))`;
const PHISHING = [
  new RegExp(
    String.raw`\b(?:(?:looks?|looking|made to look|designed to look)\s+(?:exactly\s+|just\s+)?(?:like|the same as)|identical to|the same as|exactly like|just like)\s+(?:the\s+)?${BRANDS}\b`,
    'i'
  ),
  new RegExp(
    String.raw`\b(?:fake|copy of|clone of|replica of|imitat\w+|pretend\w* to be|pose as|posing as|passes? for)\s+(?:a\s+|an\s+|the\s+)?${BRANDS}`,
    'i'
  ),
  /\b(?:keep|keeps|store|stores|save|saves|log|logs|record|records|collect|collects|capture|captures|grab|grabs|steal\w*|harvest\w*|send|sends|email|emails)\b.{0,40}\b(?:passwords?|passcodes?|pins?|card numbers?|credit cards?|security codes?|cvv)\b/i
];

/** The unsafe kind of a request that ./offline-safety.ts does not read, or null. */
export function unsafeReach(words: string): UnsafeRequest | null {
  if (PHISHING.some((p) => p.test(words)))
    return {
      code: 'E_AI_PHISHING',
      text:
        "I won't build that: an app that passes for another service, or keeps the passwords or card numbers people type, is a way to deceive them, whoever asks. " +
        "A sign-in for this app is its owner's to set up; ask for the app's own page in its own look."
    };
  const service = SERVICE.exec(words);
  if (service && INTO.test(words.slice(0, service.index)))
    return {
      code: 'E_AI_DATA_LEAVES_APP',
      text:
        `I won't set that up: it copies the app's data into ${service[0]}, a service outside the app, and the assistant never builds a way for data to leave an app, whoever asks. ` +
        'If the app really needs a service, its owner can grant that origin to a component in the studio and write the call in its code.'
    };
  if (IP.test(words))
    return {
      code: 'E_AI_TRACKING',
      text:
        "I won't build that: an IP address is not something people chose to enter, and keeping or showing it tracks them. " +
        'The app can keep the data people choose to enter; ask for a field or a list for it.'
    };
  if (NETWORK.some((p) => p.test(words)) || FILES.some((p) => p.test(words)))
    return {
      code: 'E_AI_REACH',
      text:
        "I can't give the app that: it reaches beyond what the app was granted (the internet at large, or files on a computer), and the assistant never widens what an app may reach. " +
        "Its owner can grant one network origin to a component in the studio; no app here reads a computer's files, so add a field or a list and type or paste the data in."
    };
  return null;
}
