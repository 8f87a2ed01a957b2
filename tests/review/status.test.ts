import { describe, expect, it } from 'vitest'
import { applyReview, approveDraft, foldReviewEvents, isDraft, reviewDeck } from '../../src/review/index.js'
import { approveAll, commentOn, stamp, verifiedFold } from './events.js'
import { samplePlan, withSlide } from './plans.js'

const plan = samplePlan()
const reviewers = ['alice', 'bob']

describe('applyReview', () => {
  it('keeps the deck a draft until every required reviewer approved every slide', () => {
    const alice = approveAll(plan, 'alice')
    const bob = approveAll(plan, 'bob')
    expect(applyReview(plan, verifiedFold(alice), reviewers).draft).toBe(true)
    expect(applyReview(plan, verifiedFold([...alice, ...bob.slice(1)]), reviewers).draft).toBe(true)
    expect(applyReview(plan, verifiedFold([...alice, ...bob]), reviewers).draft).toBe(false)
  })

  it('voids an approval when the slide’s content changes', () => {
    const state = verifiedFold([...approveAll(plan, 'alice'), ...approveAll(plan, 'bob')])
    const edited = withSlide(plan, 'key-points-1', (slide) => ({
      ...slide,
      bullets: [{ ...slide.bullets[0]!, text: 'Japan is doubling its defense budget.' }, slide.bullets[1]!],
    }))
    expect(applyReview(edited, state, reviewers).draft).toBe(true)
    const review = reviewDeck(edited, state, reviewers)
    const changed = review.slides.find((slide) => slide.slideId === 'key-points-1')!
    expect(changed).toMatchObject({ approved: false, changedSinceApproval: true, awaiting: ['alice', 'bob'] })
    expect(review.slides.filter((slide) => slide.changedSinceApproval)).toHaveLength(1)
  })

  it('keeps an approval when only the notes change', () => {
    const state = verifiedFold([...approveAll(plan, 'alice'), ...approveAll(plan, 'bob')])
    const renoted = withSlide(plan, 'bluf', (slide) => ({ ...slide, notes: ['New notes for the presenter.'] }))
    expect(applyReview(renoted, state, reviewers).draft).toBe(false)
  })

  it('ignores approvals from people the brief does not name, and from other audiences', () => {
    const allied = samplePlan('allied-ministry')
    const state = verifiedFold([
      ...approveAll(plan, 'mallory'),
      ...approveAll(allied, 'alice'),
      ...approveAll(allied, 'bob'),
    ])
    expect(applyReview(plan, state, reviewers).draft).toBe(true)
    expect(applyReview(allied, state, reviewers).draft).toBe(false)
  })

  it('counts no approval that is unsigned or whose signature does not verify, and lists them as such', () => {
    const unsigned = foldReviewEvents([...approveAll(plan, 'alice'), ...approveAll(plan, 'bob')])
    expect(applyReview(plan, unsigned, reviewers).draft).toBe(true)
    expect(applyReview(plan, unsigned, []).draft).toBe(true)
    const forged = foldReviewEvents([...approveAll(plan, 'alice'), ...approveAll(plan, 'bob')], {
      trust: (approval) => (approval.author === 'bob' ? 'forged' : 'verified'),
    })
    const review = reviewDeck(plan, forged, reviewers)
    expect(review.draft).toBe(true)
    expect(review.slides[0]).toMatchObject({ awaiting: ['bob'], approved: false })
    expect(review.slides[0]!.untrusted.map(({ author, trust }) => [author, trust])).toEqual([['bob', 'forged']])
    expect(reviewDeck(plan, unsigned, reviewers).slides[0]!.untrusted.map(({ trust }) => trust)).toEqual([
      'unsigned',
      'unsigned',
    ])
  })

  it('keeps a verified approval standing when a forged one for the same reviewer follows it', () => {
    const real = approveAll(plan, 'bob')
    const forgedLater = approveAll(plan, 'bob')
    const forgedIds = new Set(forgedLater.map((event) => event.id))
    const state = foldReviewEvents([...approveAll(plan, 'alice'), ...real, ...forgedLater], {
      trust: (approval) => (forgedIds.has(approval.eventId) ? 'forged' : 'verified'),
    })
    expect(applyReview(plan, state, reviewers).draft).toBe(false)
    expect(isDraft(plan, state.approvals, reviewers)).toBe(false)
    expect(reviewDeck(plan, state, reviewers).slides[0]!.untrusted).toHaveLength(1)
  })

  it('needs one approval per slide from anyone when the brief names no reviewers', () => {
    expect(applyReview(plan, verifiedFold([]), []).draft).toBe(true)
    expect(applyReview(plan, verifiedFold(approveAll(plan, 'carol')), []).draft).toBe(false)
  })

  it('changes nothing but the draft flag', () => {
    const approved = applyReview(
      plan,
      verifiedFold([...approveAll(plan, 'alice'), ...approveAll(plan, 'bob')]),
      reviewers,
    )
    expect(approved).toEqual({ ...plan, draft: false })
  })
})

describe('reviewDeck', () => {
  it('counts open threads and stale approvals as outstanding', () => {
    const approvals = [...approveAll(plan, 'alice'), ...approveAll(plan, 'bob')]
    expect(reviewDeck(plan, verifiedFold(approvals), reviewers).outstanding).toBe(0)
    const withComment = verifiedFold([...approvals, commentOn(plan, '2', 'alice', 'Cite the source.')])
    const review = reviewDeck(plan, withComment, reviewers)
    expect(review.outstanding).toBe(1)
    expect(review.slides[1]).toMatchObject({ number: 2, slideId: 'bluf', openThreads: 1 })
  })

  it('moves a thread with its blocks when they land on another slide', () => {
    const comment = commentOn(plan, 'key-points-2', 'alice', 'Which document says so?')
    const moved = { ...plan, slides: plan.slides.filter((slide) => slide.id !== 'key-points-2') }
    moved.slides = moved.slides.map((slide) =>
      slide.id === 'key-points-1'
        ? {
            ...slide,
            blockIds: [...slide.blockIds, 'pact:0000000d'],
            bullets: [...slide.bullets, { text: 'Australia…', blockIds: ['pact:0000000d'] }],
          }
        : slide,
    )
    const review = reviewDeck(moved, verifiedFold([comment]), reviewers)
    expect(review.slides.find((slide) => slide.slideId === 'key-points-1')!.threads.map((thread) => thread.id)).toEqual(
      [comment.id],
    )
    expect(review.strayThreads).toEqual([])
  })

  it('keeps threads whose slide and blocks are gone as stray, still outstanding', () => {
    const comment = commentOn(plan, 'key-points-2', 'alice', 'Drop this?')
    const shorter = { ...plan, slides: plan.slides.slice(0, 3) }
    const review = reviewDeck(shorter, verifiedFold([comment]), reviewers)
    expect(review.strayThreads.map((thread) => thread.id)).toEqual([comment.id])
    expect(review.outstanding).toBeGreaterThanOrEqual(1 + shorter.slides.length)
  })

  it('records the approval of a slide by its content hash', () => {
    const approval = stamp(approveDraft({ plan, slide: plan.slides[0]!, author: 'alice' }))
    expect(approval).toMatchObject({
      type: 'approve',
      slideId: 'cover',
      contentHash: reviewDeck(plan, verifiedFold([]), []).slides[0]!.contentHash,
    })
  })
})
