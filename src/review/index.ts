// The review stage: review state from the log beside the brief, the
// DeckPlan -> DeckPlan step that clears the draft mark, and change tracking.
export { slideContentHash, visibleContent, type VisibleContent } from './hash.js'
export { parseReviewLog, formatReviewEvent, type ReviewLog } from './log.js'
export { foldReviewEvents, ReviewFold, type FoldOutcome } from './fold.js'
export {
  approvalMessage,
  approvalNamespace,
  approvalVerifier,
  allowedSignersPath,
  signedApproval,
  signingKey,
  signMessage,
  verifyMessage,
  generateKey,
  type ApprovalVerifier,
} from './signatures.js'
export { reviewDeck, applyReview, isDraft } from './status.js'
export { stampEvent, commentDraft, replyDraft, approveDraft, revokeDraft, resolveDraft } from './events.js'
export { findSlide } from './slides.js'
export {
  diffDecks,
  slideText,
  formatDeckDiffs,
  type DeckDiff,
  type SlideChange,
  type DiffFormatOptions,
} from './diff.js'
export { formatReviewReport, isOutstanding, type ReviewReport } from './report.js'
export {
  reviewLogPath,
  readReviewLog,
  readReviewState,
  appendReviewEvent,
  checkSignatures,
  conflictingId,
} from './fs.js'
export { checkOutBriefAt, readBuiltPlans } from './revision.js'
