import { describe, expect, it } from 'vitest'
import { approveDraft, foldReviewEvents, replyDraft, resolveDraft, revokeDraft } from '../../src/review/index.js'
import { commentOn, stamp } from './events.js'
import { samplePlan } from './plans.js'

const plan = samplePlan()

describe('foldReviewEvents', () => {
  it('gathers replies and resolutions into their thread', () => {
    const comment = commentOn(plan, 'bluf', 'alice', 'Is 2027 the right year?')
    const thread = foldReviewEvents([comment]).threads[0]!
    const reply = stamp(replyDraft(thread, 'bob', 'Yes, per the CIA director.'))
    const resolve = stamp(resolveDraft(thread, 'alice'))
    const state = foldReviewEvents([comment, reply, resolve])
    expect(state.threads).toHaveLength(1)
    expect(state.threads[0]).toMatchObject({
      id: comment.id,
      author: 'alice',
      text: 'Is 2027 the right year?',
      resolved: { by: 'alice' },
    })
    expect(state.threads[0]!.replies).toEqual([
      { id: reply.id, author: 'bob', at: reply.at, text: 'Yes, per the CIA director.' },
    ])
  })

  it('reopens a resolved thread when someone replies, so an objection is not buried', () => {
    const comment = commentOn(plan, 'bluf', 'alice', 'Source?')
    const thread = foldReviewEvents([comment]).threads[0]!
    const resolve = stamp(resolveDraft(thread, 'bob'))
    const reply = stamp(replyDraft(thread, 'alice', 'Still missing.'))
    expect(foldReviewEvents([comment, resolve]).threads[0]!.resolved).not.toBeNull()
    expect(foldReviewEvents([comment, resolve, reply]).threads[0]!.resolved).toBeNull()
  })

  it('attaches a reply that precedes its comment in the file (lines of two merged branches)', () => {
    const comment = commentOn(plan, 'bluf', 'alice', 'Source?')
    const reply = stamp(replyDraft(foldReviewEvents([comment]).threads[0]!, 'bob', 'Added.'))
    expect(foldReviewEvents([reply, comment]).threads[0]!.replies).toHaveLength(1)
  })

  it('counts an event that appears twice once', () => {
    const comment = commentOn(plan, 'bluf', 'alice', 'Source?')
    expect(foldReviewEvents([comment, comment]).threads).toHaveLength(1)
  })

  it('keeps each reviewer’s latest decision per slide', () => {
    const bluf = plan.slides[1]!
    const first = stamp(approveDraft({ plan, slide: bluf, author: 'alice' }))
    const revoke = stamp(revokeDraft({ plan, slide: bluf, author: 'alice' }))
    const again = stamp(approveDraft({ plan, slide: bluf, author: 'alice' }))
    const bob = stamp(approveDraft({ plan, slide: bluf, author: 'bob' }))
    expect(foldReviewEvents([first, revoke]).approvals).toEqual([])
    expect(
      foldReviewEvents([first, revoke, again, bob]).approvals.map((approval) => [approval.author, approval.eventId]),
    ).toEqual([
      ['alice', again.id],
      ['bob', bob.id],
    ])
  })
})
