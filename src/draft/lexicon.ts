// General English news vocabulary used to type and split names. None of it is article-specific.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/u));

/** Titles that precede a name; multi-word titles are matched word by word. */
export const TITLE_WORDS = words(`President Vice Prime Minister Chancellor Secretary General Chief Executive
  Officer Director Chairman Chairwoman Chair Governor Senator Sen Rep Representative Mayor King Queen Prince
  Princess Sir Dame Lord Lady Mr Mrs Ms Dr Prof Professor Pope Archbishop Bishop Judge Justice Commissioner
  Ambassador Spokesman Spokeswoman Spokesperson Foreign Defence Defense Finance Interior Health Economy Trade
  Deputy Acting Interim Former Global Head Founder Leader Premier Minister-President Emir Sheikh Sultan Crown
  CEO CFO COO Gen Col Capt Lt Sgt Admiral Commander Marshal Speaker Attorney Treasurer Coach Manager Captain`);
/** Title words that can also be part of a name and so never start a split alone. */
export const TITLE_ONLY_IN_RUN = words(`General Head Global Former Acting Interim Crown Foreign Trade Health Finance
  Interior Economy Defence Defense Deputy Vice Officer Executive Chief Justice Lord Lady Leader Captain`);

/** Capitalised words that are never names on their own. */
export const NOT_NAMES = words(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
  April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov
  Dec I A An The This That These Those It He She We They You His Her Its Their Our My Your Mr Mrs Ms But And Or
  If When While After Before As At In On Of For From With By To Since Until During Over Under About Also
  However Yet So Then There Here Why How What Who Whom Which Where Today Yesterday Tomorrow Last Next Many
  Some All Both Each Every No Not Such Other Another More Most Credit Photo Source`);

/** Last words that make a name an organisation. */
export const ORG_HEADS = words(`Inc Inc. Incorporated Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited
  plc PLC LLC AG SA NV GmbH Group Holdings Council Commission Union Organization Organisation Party Parliament
  Assembly Congress Senate Bank Fund Exchange Institute Institution University College School Agency Authority
  Ministry Department Office Committee Association Federation League Alliance Forum Foundation Trust Society
  Club Court Army Navy Force Forces Police Service Services Board Bureau Network Airlines Airways Motors
  Industries Technologies Systems Partners Capital Media News Times Post Journal Press Television Radio Studios
  Labs Pharmaceuticals Energy Aerospace Electric Foods Brands Government Cabinet Secretariat Coalition Movement
  Front Church Reserve Tribunal Ventures Bloc Committee`);

/** Last words that make a name an event. */
export const EVENT_HEADS = words(`Summit Conference Election Elections Referendum War Agreement Treaty Accord Accords
  Pact Deal Games Olympics Cup Championship Championships Festival Review Talks Forum Protocol Convention
  Invasion Revolution Crisis Strike Marathon Expo Congress Meeting Dialogue Initiative Plan Act`);

/** Last words that make a name a place. */
export const PLACE_HEADS = words(`Palace Castle Street Square Avenue Road Airport Port Harbour Harbor River Lake Sea
  Ocean Gulf Bay Island Islands Mountain Mountains Hills Valley Park Bridge Station Hall Tower Building
  Cathedral Abbey Stadium Arena Centre Center County Province Region District State Strait Peninsula Desert
  Coast Canal Prison Base Beach Forest Heights Plaza Quarter City Town Village House`);

/** Nouns that name an event when used with a determiner ("the retreat", "a summit"). */
export const EVENT_NOUNS = words(`summit retreat dinner lunch meeting talks conference gathering visit ceremony
  election referendum negotiations session rally forum congress convention`);
/** Event nouns too general to name an event of their own: they refer back to the main event. */
export const GENERIC_EVENT_NOUNS = words('gathering meeting session');

/** Descriptions that refer back to an organisation whose name has one of these words. */
export const DESCRIPTION_HEADS: Record<string, RegExp> = {
  bloc: /\bUnion\b|\bBloc\b/u,
  alliance: /\bAlliance\b|Treaty Organi[sz]ation/u,
  company: /\b(?:Inc|Corp|Co|Company|Group|Ltd|plc|Incorporated)\b/u,
  group: /\bGroup\b/u,
  party: /\bParty\b/u,
  bank: /\bBank\b/u,
};

/** Name particles that stay lower case inside a person's name. */
export const NAME_PARTICLES = words('von der van den de la du da di le bin al el dos das ter');

/** Suffixes that a company's short name drops ("Mars Inc" is "Mars"). */
export const COMPANY_SUFFIXES = words('Inc Inc. Incorporated Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited plc PLC LLC AG SA NV GmbH Group Holdings');

/**
 * Head nouns (lemmas) of subject-matter noun phrases: policy, economic and security domains that a
 * curator marks as topics ("defence spending", "irregular migration", "tariffs").
 */
export const TOPIC_HEADS = words(`spending production migration immigration tariff trade security energy inflation
  growth sanction tax taxation subsidy climate emission regulation reform policy deficit budget investment
  revenue technology collaboration cooperation mobility logistics rearmament food healthcare education
  unemployment employment wage welfare pension housing crime terrorism cybersecurity disinformation aid
  sabotage espionage procurement manufacturing agriculture farming fishing tourism shipping privacy
  surveillance misinformation warming biodiversity deforestation pollution poverty`);

/** Modifiers that grade or point rather than classify, so they stay out of a topic's name ("higher"). */
export const GRADING_ADJECTIVES = words(`new more less much further greater higher lower deeper closer big bigger
  biggest large larger largest small smaller major key such other same own current recent joint first last next
  total overall extra additional strong stronger weak full possible likely huge massive significant several many
  few various annual monthly`);
