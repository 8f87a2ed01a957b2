/**
 * Sentences about the document rather than its subject: what the report
 * covers ("This In Focus discusses…"), what one of its tables or figures
 * shows ("Table 1 compares…"), what it leaves out ("…is beyond the scope of
 * this report") and where to read more ("For more information, see…").
 * Readers of the source need them to find their way; a slide has nothing to
 * point at, so they never become bullets. Recognised by the shape every
 * report, paper and article shares, never by a publisher's wording.
 */

/** What a document calls itself or its parts. */
const selfNoun =
  '(report|in focus|insight|legal sidebar|sidebar|memo(randum)?|paper|brief|analysis|product|article|study|essay|chapter|section|appendix|overview|primer|series|page|post|piece)'
const partLabel = '(table|figure|fig\\.|box|chart|graph|map|exhibit|appendix|annex)\\s+[A-Z]?-?\\d+[a-z]?'
const describingVerb =
  '(also |further |briefly |first |then |now |here )?(discuss|address|provide|examine|describe|summari[sz]|compare|show|present|include|list|outline|review|analy[sz]|highlight|explain|detail|focus|cover|explore|assess|identif|illustrat|depict|track|offer|update|answer|introduce|consider|look|begin|conclude|set)\\w*\\b'

interface DocumentTalk {
  readonly reason: string
  readonly pattern: RegExp
}

const shapes: readonly DocumentTalk[] = [
  {
    reason: 'what the document covers',
    pattern: new RegExp(
      `\\b(this|the present|the following|the next|the remainder of this) ${selfNoun},? ${describingVerb}`,
      'iu',
    ),
  },
  {
    // `The report` may be another's (`The GAO report found…`): only verbs that describe a document's own plan count.
    reason: 'what the document covers',
    pattern: new RegExp(
      `^the ${selfNoun} (also |first |then )?(focuses on|discusses|describes|examines|summari[sz]es|is organi[sz]ed|begins|concludes with|provides an? (overview|summary|discussion|background))\\b`,
      'iu',
    ),
  },
  {
    reason: 'what the document covers',
    pattern: new RegExp(`\\b(beyond|outside) the scope of (this|the present) ${selfNoun}`, 'iu'),
  },
  { reason: 'what a table or figure shows', pattern: new RegExp(`\\b${partLabel},? ${describingVerb}`, 'iu') },
  {
    reason: 'what a table or figure shows',
    pattern: new RegExp(`^(as )?the (table|figure|chart|graph|map)s? (above |below )?${describingVerb}`, 'iu'),
  },
  {
    reason: 'where to read more',
    pattern:
      /\b(is|are) (provided|presented|discussed|described|shown|listed|summari[sz]ed|given|outlined|detailed) (below|above|later|in (the )?(next|following) (section|part|pages?))\.?$/iu,
  },
  {
    reason: 'where to read more',
    pattern:
      /^(for (more|additional|further|related|background) (information|detail|details|discussion|analysis|data|background)|for (a|an) (discussion|overview|analysis|summary|history) of|see (also )?(crs|the|appendix))\b/iu,
  },
  {
    reason: 'where to read more',
    pattern:
      /\b((can|may) be found in|(is|are) (available|discussed|described) in) (crs|other|related|the following|separate) /iu,
  },
  { reason: 'where to read more', pattern: /\bsee,? (for example, )?crs (report|in focus|insight|legal sidebar)\b/iu },
]

/** Why the sentence talks about the document instead of its subject, or undefined when it does not. */
export function documentTalkReason(sentence: string): string | undefined {
  return shapes.find((shape) => shape.pattern.test(sentence))?.reason
}
