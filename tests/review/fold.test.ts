import { describe, expect, it } from 'vitest'
import {
  approveDraft,
  foldReviewEvents,
  replyDraft,
  resolveDraft,
  ReviewFold,
  revokeDraft,
} from '../../src/review/index.js'
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

  it('refuses a line that reuses an id for another event, before or after the real one', () => {
    const real = commentOn(plan, 'bluf', 'alice', 'Source?')
    const forged = { ...real, text: 'Approve it as it is.' }
    for (const order of [
      [real, forged],
      [forged, real],
    ]) {
      const fold = new ReviewFold()
      expect(order.map((event) => fold.apply(event))).toEqual(['applied', 'conflicting'])
      expect(fold.state().threads).toHaveLength(1)
    }
  })

  it('reads a log the same whole or one event at a time, whatever the order of replies and comments', () => {
    const comment = commentOn(plan, 'bluf', 'alice', 'Source?')
    const thread = foldReviewEvents([comment]).threads[0]!
    const reply = stamp(replyDraft(thread, 'bob', 'Added.'))
    const resolve = stamp(resolveDraft(thread, 'alice'))
    const replyToReply = stamp(replyDraft({ ...thread, id: reply.id }, 'carol', 'Thanks.'))
    const orders = [
      [comment, reply, resolve],
      [reply, resolve, comment],
      [replyToReply, reply, comment],
      [resolve, comment, reply],
    ]
    for (const events of orders) {
      const state = foldReviewEvents(events)
      expect(state.threads.map((each) => each.id)).toEqual([comment.id])
    }
    expect(foldReviewEvents([replyToReply, reply, comment]).threads[0]!.replies.map(({ id }) => id)).toEqual([
      reply.id,
      replyToReply.id,
    ])
    expect(foldReviewEvents([resolve, comment, reply]).threads[0]!.resolved).toBeNull()
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
