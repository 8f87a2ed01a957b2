// A small gazetteer of the actors policy texts on security keep naming.
// Aliases include the capitals that stand for their governments
// (`Washington`, `Beijing`) and the demonyms (`Japanese leaders`).
import type { ActorType } from '../../model/index.js'

export interface GazetteerEntry {
  name: string
  type: ActorType
  aliases: readonly string[]
}

const countries: ReadonlyArray<readonly [string, ...string[]]> = [
  ['United States', 'U.S.', 'US', 'USA', 'U.S.A.', 'America', 'Washington', 'American', 'Americans'],
  ['China', "People's Republic of China", 'PRC', 'Beijing', 'Chinese'],
  ['Japan', 'Tokyo', 'Japanese'],
  ['South Korea', 'Republic of Korea', 'ROK', 'Seoul', 'South Korean', 'South Koreans'],
  ['North Korea', "Democratic People's Republic of Korea", 'DPRK', 'Pyongyang', 'North Korean', 'North Koreans'],
  ['Taiwan', 'Taipei', 'Taiwanese'],
  ['Australia', 'Canberra', 'Australian', 'Australians'],
  ['Philippines', 'Manila', 'Filipino', 'Philippine'],
  ['India', 'New Delhi', 'Indian'],
  ['Russia', 'Moscow', 'Russian', 'Russian Federation', 'Kremlin'],
  ['Soviet Union', 'USSR', 'Soviet', 'Soviets'],
  ['United Kingdom', 'U.K.', 'UK', 'Britain', 'Great Britain', 'London', 'British'],
  ['France', 'Paris', 'French'],
  ['Germany', 'Berlin', 'German', 'Germans'],
  ['Ukraine', 'Kyiv', 'Kiev', 'Ukrainian', 'Ukrainians'],
  ['Vietnam', 'Hanoi', 'Vietnamese'],
  ['Indonesia', 'Jakarta', 'Indonesian'],
  ['Malaysia', 'Kuala Lumpur', 'Malaysian'],
  ['Singapore', 'Singaporean'],
  ['Thailand', 'Bangkok', 'Thai'],
  ['New Zealand', 'Wellington'],
  ['Canada', 'Ottawa', 'Canadian'],
  ['Pakistan', 'Islamabad', 'Pakistani'],
  ['Iran', 'Tehran', 'Iranian'],
  ['Israel', 'Israeli'],
  ['Netherlands', 'Dutch'],
  ['Sweden', 'Swedish'],
  ['Poland', 'Warsaw', 'Polish'],
  ['Italy', 'Rome', 'Italian'],
  ['Spain', 'Madrid', 'Spanish'],
]

const organisations: ReadonlyArray<readonly [string, ...string[]]> = [
  ["People's Liberation Army", 'PLA'],
  ['Central Intelligence Agency', 'CIA'],
  ['National Security Agency', 'NSA'],
  ['North Atlantic Treaty Organization', 'NATO'],
  ['Southeast Asia Treaty Organization', 'SEATO'],
  ['CSIS Pacific Forum', 'Pacific Forum CSIS', 'Pacific Forum'],
  ['Center for Strategic and International Studies', 'CSIS'],
  ['U.S. Pacific Command', 'PACOM', 'U.S. Indo-Pacific Command', 'INDOPACOM'],
  ['U.S. Forces Japan', 'USFJ'],
  ['U.S. Forces Korea', 'USFK'],
  ['Department of Defense', 'Pentagon', 'DoD', 'Defense Department'],
  ['Department of State', 'State Department'],
  ['U.S. Congress', 'Congress'],
  ['United Nations', 'UN', 'U.N.'],
  ['European Union', 'EU', 'E.U.'],
  ['Association of Southeast Asian Nations', 'ASEAN'],
  ['AUKUS'],
  ['Quadrilateral Security Dialogue', 'Quad'],
  ['Japan Self-Defense Forces', 'Self-Defense Forces', 'SDF'],
  ['World Trade Organization', 'WTO'],
  ['International Monetary Fund', 'IMF'],
  ['World Bank'],
  ['Chinese Communist Party', 'Communist Party of China', 'CCP', 'CPC'],
]

/** People by their full names, with the short forms texts use after the first mention. */
const people: ReadonlyArray<readonly [string, ...string[]]> = [
  ['Barack Obama', 'Obama'],
  ['Donald Trump', 'Trump'],
  ['Joe Biden', 'Biden'],
  ['George W. Bush', 'Bush'],
  ['Bill Clinton'],
  ['Hillary Clinton'],
  ['Xi Jinping', 'Xi'],
  ['Hu Jintao'],
  ['Vladimir Putin', 'Putin'],
  ['Kim Jong Un', 'Kim Jong-un'],
  ['Shinzo Abe', 'Abe'],
  ['Fumio Kishida', 'Kishida'],
  ['Shigeru Ishiba', 'Ishiba'],
  ['Lee Myung-bak'],
  ['Park Geun-hye'],
  ['Moon Jae-in'],
  ['Yoon Suk Yeol'],
  ['Lee Jae-myung'],
  ['Ferdinand Marcos Jr.', 'Marcos'],
  ['Rodrigo Duterte', 'Duterte'],
  ['Anthony Albanese', 'Albanese'],
  ['Tsai Ing-wen', 'Tsai'],
  ['Lai Ching-te'],
  ['Narendra Modi', 'Modi'],
  ['William Burns', 'Bill Burns'],
  ['Antony Blinken', 'Blinken'],
  ['Lloyd Austin'],
  ['Pete Hegseth', 'Hegseth'],
  ['Marco Rubio', 'Rubio'],
  ['Ash Carter'],
  ['John Kerry', 'Kerry'],
]

function entries(type: ActorType, rows: ReadonlyArray<readonly [string, ...string[]]>): GazetteerEntry[] {
  return rows.map(([name, ...aliases]) => ({ name, type, aliases }))
}

export const gazetteer: readonly GazetteerEntry[] = [
  ...entries('country', countries),
  ...entries('organisation', organisations),
  ...entries('person', people),
]

/** Place names that contain an actor's name without meaning it. */
export const notActors: readonly string[] = [
  'South China Sea',
  'East China Sea',
  'Sea of Japan',
  'Washington Post',
  'Washington Consensus',
  'Taiwan Strait',
]

/** Words that introduce a person's name: `President Obama`, `CIA Director William Burns`. */
export const personTitles: readonly string[] = [
  'President',
  'Vice President',
  'Prime Minister',
  'Minister',
  'Secretary',
  'Director',
  'Chairman',
  'Chair',
  'Ambassador',
  'General',
  'Gen.',
  'Admiral',
  'Adm.',
  'Senator',
  'Sen.',
  'Representative',
  'Rep.',
  'Governor',
  'Gov.',
  'Mayor',
  'Chancellor',
  'King',
  'Queen',
  'Premier',
  'Commander',
  'Colonel',
  'Col.',
  'Lieutenant',
  'Lt.',
  'Professor',
  'Prof.',
  'Dr.',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Speaker',
  'Leader',
  'Envoy',
  'Adviser',
  'Advisor',
]
