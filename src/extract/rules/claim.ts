// Claims: what no other rule takes. A sentence about the document itself
// (`… is beyond the scope of this report`, `For background, see …`) is a
// claim too, but the weakest: it says nothing about the subject.
import { reportDescription } from '../cues.js'
import type { Finding, Rule } from './types.js'

const claim: Finding = { kind: 'claim', confidence: 0.4, rule: 'plain-claim' }
const aboutTheDocument: Finding = { kind: 'claim', confidence: 0.2, rule: 'about-the-document' }

/** The document naming itself or pointing the reader elsewhere. */
const documentReference = new RegExp(
  [
    `\\b(this|the present)\\s+(report|in focus|insight|legal sidebar|sidebar|product|paper|brief|memo|analysis|study|chapter|article|fact sheet|primer)\\b`,
    `^the\\s+(report|in focus|insight|legal sidebar|sidebar)\\s+(also\\s+)?(explains|includes|discusses|describes|examines|provides|summari[sz]es|reviews|covers|focuses|addresses|outlines|presents|analy[sz]es|highlights|identifies|uses)\\b`,
    `\\b(beyond|outside)\\s+the\\s+scope\\s+of\\b`,
    `^\\(?(for\\b[^,]{0,80},\\s*)?see\\b`,
    `\\bsee\\s+(also\\s+)?(CRS\\s+)?(Report|In Focus|Insight|Legal Sidebar)\\b`,
    `\\b(can be|is|are)\\s+(found|available)\\s+in\\s+(CRS|other|related|the following|these)\\b`,
  ].join('|'),
  'i',
)

export const documentRemark: Rule = ({ unit }) =>
  documentReference.test(unit.text) || reportDescription.test(unit.text) ? aboutTheDocument : undefined

/** Whatever no other rule takes is a claim: a judgment or assertion the text makes. */
export const plainClaim: Rule = () => claim
