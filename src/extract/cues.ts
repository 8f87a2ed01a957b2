// Discourse cues shared by the rules. Written for English argumentative
// prose in general (op-eds, essays, reports), never for one text.
import { phraseAlternation as phrases } from '../shared/index.js'

/** Opens a sentence that turns against the one before. */
export const contrastOpener = new RegExp(
  `^(${phrases(['but', 'however', 'yet', 'and yet', 'nevertheless', 'nonetheless', 'still', 'even so', 'that said', 'having said that', 'then again', 'on the other hand', 'by contrast', 'in contrast', 'conversely', 'all the same'])})\\b`,
  'i',
)

/** `however` among the first words: `People, however, who work …`. */
export const earlyHowever = /^(?:[^\s]+\s+){1,8}however\b/i

/** Opens a sentence that adds a reason or draws a consequence for what came before. */
export const supportOpener = new RegExp(
  `^(${phrases(['and', 'also', 'plus', 'besides', 'furthermore', 'moreover', 'in addition', 'additionally', 'because', 'since', 'after all', 'for one thing', 'on top of that', "what's more", 'what is more', 'firstly', 'secondly', 'thirdly', 'not only', 'thus', 'hence', 'therefore', 'consequently', 'as a result', "that's why", 'that is why', 'this is why', 'so'])})\\b`,
  'i',
)

/** Turns that come back to the author's side after a concession: `Still, …`, `Nevertheless …`. */
export const concessiveReturn = new RegExp(
  `^(${phrases(['nevertheless', 'nonetheless', 'still', 'even so', 'all the same', 'that said', 'having said that'])})\\b`,
  'i',
)

/** The author speaking in the first person: `I do doubt that …`, `We believe …`. */
export const authorVoice =
  /\b(I|we)\s+(do\s+|really\s+|strongly\s+)?(think|doubt|believe|find|argue|am convinced|are convinced|consider|maintain|hold)\b/i

/** Opens a conclusion. */
export const conclusionOpener = new RegExp(
  `^(${phrases(['therefore', 'thus', 'hence', 'so', 'consequently', 'accordingly', "that's why", 'that is why', 'this is why', 'for these reasons', 'for all these reasons', 'for this reason', 'in conclusion', 'in sum', 'to sum up', 'all in all', 'overall', 'ultimately', 'in short', 'in the end'])})\\b`,
  'i',
)

/** Opens an illustration of a point made elsewhere. */
export const exampleOpener = /^(for (example|instance)|e\.g\.|such as)\b/i

/** An inference word inside the sentence: `Higher fines are therefore the right measure`. */
export const inferenceWord = /\b(therefore|thus|hence|consequently|accordingly)\b/i

/** Opens a sentence that concedes a point to the other side, whatever follows. */
export const concessionOpener = new RegExp(
  `^(${phrases(['of course', 'admittedly', 'granted', 'to be sure', 'it is true that', "it's true that", 'true enough', 'it is indisputable', 'it is undeniable', 'it cannot be denied', 'no doubt', 'undoubtedly', 'needless to say', 'it must be admitted', 'it must be conceded', 'one must admit', 'i admit', 'i concede'])})\\b`,
  'i',
)

/** Opens a sentence that may concede, when something in or after it turns back. */
export const tentativeConcessionOpener = new RegExp(
  `^(${phrases(['sure', 'certainly', 'yes', 'true', 'indeed', 'clearly', 'obviously', 'naturally', 'perhaps', 'maybe', 'in individual cases', 'in some cases', 'at first glance', 'on the face of it'])})\\b`,
  'i',
)

const sayingVerbs = [
  'say',
  'says',
  'said',
  'argue',
  'argues',
  'argued',
  'think',
  'thinks',
  'believe',
  'believes',
  'claim',
  'claims',
  'find',
  'finds',
  'worry',
  'worries',
  'fear',
  'fears',
  'object',
  'objects',
  'point out',
  'points out',
  'contend',
  'contends',
  'feel',
  'feels',
  'regard',
  'regards',
  'consider',
  'considers',
  'insist',
  'insists',
  'suggest',
  'suggests',
  'maintain',
  'maintains',
  'assume',
  'assumes',
  'hold',
  'holds',
  'count on',
  'counts on',
  'warn',
  'warns',
  'see',
  'sees',
  'stress',
  'stresses',
  'complain',
  'complain',
  'doubt',
  'doubts',
  'question',
  'questions',
  'reject',
  'rejects',
  'oppose',
  'opposes',
  'criticise',
  'criticize',
  'protest',
]

/** The other side speaking: `Some may say`, `Critics point out`, `One could argue`, `It is often argued`. */
export const attributedObjection = new RegExp(
  [
    `^(?:(?:of course|admittedly|granted|now|yes|sure),?\\s+)?(?:(?:some|many|other|several|most)(?:\\s+\\w+){0,3}|critics|opponents|sceptics|skeptics|detractors|proponents|supporters|advocates|defenders|those who[^,]{0,60}|there are (?:those|people|voices) who|people|one|others)(?:\\s+of\\s+[^,]{1,60}?)?\\s+(?:(?:may|might|could|would|will|can|do|often|sometimes|frequently|rightly|commonly|usually|also|still|probably|surely)\\s+)*(?:${phrases(sayingVerbs)})\\b`,
    `^it\\s+(?:is|has\\s+been|could\\s+be|might\\s+be|may\\s+be)\\s+(?:often\\s+|sometimes\\s+|frequently\\s+|commonly\\s+|widely\\s+)?(?:${phrases(['said', 'argued', 'claimed', 'objected', 'suggested', 'held', 'asserted', 'feared'])})\\b`,
    `^(?:${phrases(['one could argue', 'one might argue', 'one may argue', 'one could object', 'one might object', 'one could say', 'one might say', 'one could worry', 'one might think', 'one could think'])})\\b`,
  ].join('|'),
  'i',
)

/** Hedges that mark a clause as granted before a `but`: `Landlords may want …, but`. */
export const hedge =
  /\b(may|might|could|admittedly|indeed|certainly|of course|perhaps|granted|sure|true|(do|does|did)\s+(?!not\b)[a-z]+)\b/i

/** Subordinators that open a conceded clause. */
export const leadingConcession = new RegExp(
  `^(${phrases(['although', 'though', 'even though', 'even if', 'while', 'whilst', 'despite', 'in spite of', 'notwithstanding', 'granted that', 'admittedly', 'even when'])})\\b`,
  'i',
)

/** A conceded clause closing a sentence: `…, although there aren't enough bins.` */
export const trailingConcession = new RegExp(
  `(?:,|;|\\s[–—-])\\s*(${phrases(['although', 'though', 'even though', 'even if', 'even when', 'albeit', 'notwithstanding', 'granted that'])})(?=\\s+\\S+\\s+\\S)`,
  'i',
)

/** Words after a comma that continue a clause instead of starting the main one. */
export const clauseContinuation =
  /^(which|who|whom|whose|where|when|and|or|nor|but|as|since|because|particularly|especially|including|such|e\.g|i\.e|in|on|at|of|for|from|with|by|to|if|not|let alone|say|etc)\b/i

/** Obligation: the language of policy advice. */
export const normative = /\b(should|ought\s+to|must|need(s)?\s+to|has\s+to|have\s+to|had\s+better|shall)\b/i

/** The strong modals only; `has to` and `need to` also describe what is. */
export const strongNormative = /\b(should|ought\s+to|must|had\s+better|shall)\b/i

/** The weak ones: obligation that may also describe what is. */
export const weakNormative = /\b(need(s|ed)?\s+to|has\s+to|have\s+to|had\s+to|is\s+to\s+be|are\s+to\s+be)\b/i

/** Modals of possibility: a clause that grants or weighs rather than asserts. */
export const possibility = /\b(may|might|could|can|perhaps|possibly|probably|likely)\b/i

/**
 * Evaluative words: the author judging rather than reporting. General
 * adjectives and adverbs of appraisal (after Martin and White's appraisal
 * categories), not the words of any one text.
 */
export const evaluative = new RegExp(
  `\\b(${phrases([
    'good',
    'bad',
    'better',
    'worse',
    'best',
    'worst',
    'right',
    'wrong',
    'fair',
    'unfair',
    'just',
    'unjust',
    'wise',
    'unwise',
    'sensible',
    'reasonable',
    'unreasonable',
    'justified',
    'unjustified',
    'appropriate',
    'inappropriate',
    'acceptable',
    'unacceptable',
    'desirable',
    'undesirable',
    'important',
    'useful',
    'useless',
    'pointless',
    'harmful',
    'beneficial',
    'dangerous',
    'irresponsible',
    'absurd',
    'ridiculous',
    'nonsense',
    'a mistake',
    'an error',
    'a good idea',
    'a bad idea',
    'makes sense',
    'make sense',
    'in my opinion',
    'in my view',
    'it is time',
    "it's time",
    'high time',
    'clearly',
    'obviously',
    'certainly',
    'undoubtedly',
  ])})\\b`,
  'i',
)

/** Verbs of saying in the forms that report a statement. */
export const statementVerbs =
  'said|says|say|stated|states|told|noted|notes|announced|announces|testified|testifies|warned|warns|argued|argues|wrote|writes|explained|explains|added|adds|claimed|claims|asserted|asserts|acknowledged|acknowledges|reported|reports|remarked|declared|declares|emphasi[sz]ed|stressed|affirmed|affirms|affirm|observed|contended|maintained|insisted|predicted|cautioned|conceded|suggested|recalled|put it|puts it'

/** A verb of saying, or `according to`. */
export const reportingVerb = new RegExp(`\\b(according\\s+to|(${statementVerbs})\\b)`, 'i')

/** A study, agency or data set finding something: `the survey found that`, `data show`. */
export const findingVerb =
  /\b(found|finds|find|showed|shows|show|estimated|estimates|estimate|projected|projects|concluded|concludes|reported|identified|documented)\s+(that|a|an|the|about|roughly|nearly|more|less|fewer|over|\d)/i

/**
 * A sentence describing the document itself: `This report discusses …`,
 * `This Insight examines …`, and the sentences after it that go on with
 * `It` (`It also discusses …`, `It starts by providing …`).
 */
export const reportDescription =
  /^(this|the present|the following)\s+(report|insight|in focus|product|paper|brief|memo|analysis|legal sidebar|sidebar|study|section|chapter|document|fact sheet|overview|primer)\b.{0,40}\b(discuss|describ|examin|provid|summari[sz]|address|review|explor|outlin|present|analy[sz]|answer|focus|consider|offer|look|highlight|explain|identif|introduc|updat|track|compil)|^it\s+(?:also\s+|then\s+|further\s+|first\s+|next\s+|briefly\s+)?(?:discusses|describes|examines|summari[sz]es|reviews|explores|outlines|analy[sz]es|highlights|concludes|closes|starts by|begins by|ends by)\b/i

/** Necessity adjectives: `It is critical for …`, `Progress … is crucial`. */
export const necessity =
  /\b(it['’]?s|it\s+is|is|are|remains?|has\s+become|becomes?)\s+(critical|crucial|essential|imperative|vital|necessary|urgent|indispensable|paramount)\b/i

/** Policy proposals without a modal of obligation: `… need a reset`, `… could include joint patrols`. */
export const proposal = /\b(needs?\s+(a|an|more|greater)\b|recommends?|proposes?|urges?|(could|should)\s+include)\b/i

/** A fact with its source or as an example: the author's support, not the other side's. */
export const citedSupport = /\b(according\s+to|for\s+example|for\s+instance)\b/i

/** A sentence that opens with a policy verb in the imperative: `Expand joint exercises …` (an option in a list). */
const policyVerbs = [
  'adopt',
  'allocate',
  'avoid',
  'build',
  'clarify',
  'commit',
  'coordinate',
  'create',
  'deepen',
  'deploy',
  'develop',
  'encourage',
  'end',
  'ensure',
  'establish',
  'expand',
  'extend',
  'fund',
  'improve',
  'increase',
  'integrate',
  'introduce',
  'invest',
  'launch',
  'limit',
  'maintain',
  'negotiate',
  'prioritise',
  'prioritize',
  'pursue',
  'raise',
  'reduce',
  'reform',
  'reject',
  'require',
  'resist',
  'restore',
  'review',
  'share',
  'stop',
  'strengthen',
  'support',
]
// Capitalised or not, followed by a lower-case word: `Build quality is poor` (a noun) is rarer than `Build two more bases`.
export const imperative = new RegExp(
  `^(${policyVerbs.map((verb) => `[${verb[0]!.toUpperCase()}${verb[0]}]${verb.slice(1)}`).join('|')})\\s+(?=[a-z])`,
)

/** Signs that a sentence reports facts: sources, figures, findings. */
export const evidential = new RegExp(
  [
    `\\b(${phrases(['according to', 'for example', 'for instance', 'data', 'statistics', 'survey', 'surveys', 'study', 'studies', 'research', 'poll', 'polls', 'evidence', 'figures', 'records', 'found that', 'has shown', 'have shown', 'reported', 'reports', 'estimates', 'estimated'])})\\b`,
    // Verbs of showing only with what they show, since `shows` and `signals` are also nouns.
    `\\b(shows?|showed|shown|demonstrates?|demonstrated|signals?|indicates?|indicated|illustrates?|reveals?|revealed|confirms?|confirmed|proves?|proved)\\s+(that|how|a|an|the|its|their|his|her|our|this|these|those)\\b`,
    // `(?<!\d)`: a figure is read from its first digit only; from every digit of a long run it would be quadratic.
    `(?<!\\d)\\d+(\\.\\d+)?\\s*(%|per\\s*cent|percent)`,
    `[$€£¥]\\s?\\d`,
    `\\b\\d+(\\.\\d+)?\\s*(thousand|million|billion|trillion)\\b`,
  ].join('|'),
  'i',
)

export const question = /\?["”’']?$/

/**
 * A correction inside a sentence, `X is not A, but B`: the writer sets the
 * received view aside for their own. `Not only A but also B` adds, it does
 * not correct.
 */
export const correction = /\bnot\s+(?!only\b|just\b|merely\b|simply\b)[^;:!?]{3,160}?,?\s+but\s+(?!also\b)\w/i

/** Words that place a statement among recent developments: `recently`, `in recent years`. */
export const recentWording = /\b(recent|recently)\b/i

/** Participles that appraise rather than tell (`is alarming`, `was troubling`): adjectives of judgment. */
const appraisingParticiples =
  'interesting|worrying|troubling|alarming|encouraging|promising|compelling|convincing|striking|concerning|disappointing|misleading|surprising|appealing|demanding|pressing|daunting|threatening|exciting|shocking|damning|disturbing|frustrating|confusing|overwhelming|rewarding|devastating|unsettling'

/**
 * A verb telling what someone did or is doing: the present perfect (`has
 * invested`, `have led`), the progressive (`is reassessing`, but not after
 * a degree adverb: `is deeply troubling` appraises), or the simple
 * past after its subject and before its object (`the United States
 * established a network`, `they failed to agree`).
 */
export const happeningVerb = new RegExp(
  [
    `\\b(?:has|have|had)\\s+(?:(?:already|also|since|recently|repeatedly|long|not)\\s+|\\w+ly\\s+)?(?:\\w{2,}ed|begun|brought|built|chosen|done|drawn|fallen|given|gone|grown|held|kept|known|led|lost|made|met|paid|risen|said|seen|sent|set|shown|sought|spent|taken|told|won|written)\\b`,
    `\\b(?:is|are|was|were)\\s+(?:(?:also|now|still|already|not)\\s+)?(?!(?:going|nothing|something|anything|everything|during|morning|evening|thing|willing|unwilling|${appraisingParticiples})\\b)\\w{3,}ing\\b`,
    `\\b(?!(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Tt]his|[Tt]hese|[Tt]hose|of|with|in|on|for|by|and|or|is|are|was|were|be|been|being|has|have|had|more|most|less|newly|recently|well)\\b)[A-Za-z]+\\s+[a-z]\\w{2,}ed\\s+(?:a|an|the|to|its|their|his|her|several|new|two|three|four|five|six|seven|eight|nine|ten|\\d[\\d,.]*|[A-Z]\\w*)\\b`,
  ].join('|'),
)

/** What marks a sentence as the writer's judgment rather than a report: modals, appraisal, necessity, the first person. */
export const judgmentMarker = new RegExp(
  `\\b(?:would|could|should|may|might|must|will|can|cannot|shall|ought)\\b|${evaluative.source}|${necessity.source}|${authorVoice.source}`,
  'i',
)
