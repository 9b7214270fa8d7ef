/**
 * Requests written as tickets, and comparatives built with "more" (issue 15, from the spent
 * tenth corpus): a bullet, a ticket label ("Story:", "Tech task:") and a user story's frame ("As
 * a coordinator I want …") are taken off, "X: remove" is a removal, and "more big" is "bigger".
 * Each is read as the same request said plainly, and nothing else changes.
 */
import { describe, expect, it } from 'vitest';
import { offlinePlan, type OfflineTurn } from '../../src/lib/ai/offline';
import { template } from './helpers';

const counter = template('counter');
const form = template('form');

const ops = (turn: OfflineTurn) => (turn.kind === 'batch' ? turn.ops : turn.text);

describe('ticket frames', () => {
  it.each([
    ['- the minus button should be red', 'make the minus button red'],
    ['Ticket: make the minus button red', 'make the minus button red'],
    ['Tech task: the minus button should be red', 'the minus button should be red'],
    ["User story: As a coordinator I want a checkbox 'Newsletter'", "add a checkbox 'Newsletter'"],
    ['1. Reset button: remove', 'remove the Reset button'],
    ['* Reset button: delete it', 'remove the Reset button']
  ])('%s reads as %s', (ticket, plain) => {
    const model = /checkbox/i.test(plain) ? form : counter;
    const said = offlinePlan(model, ticket);
    expect(said.kind).toBe('batch');
    expect(ops(said)).toEqual(ops(offlinePlan(model, plain)));
  });

  it('a story with nothing the planner can do is not guessed at', () => {
    const turn = offlinePlan(counter, 'Story: As a volunteer I want to feel welcome');
    expect(turn.kind).not.toBe('batch');
  });
});

describe('comparatives with "more"', () => {
  it('"more big" is "bigger"', () => {
    const said = offlinePlan(counter, 'make the Reset button more big');
    expect(said.kind).toBe('batch');
    expect(ops(said)).toEqual(ops(offlinePlan(counter, 'make the Reset button bigger')));
  });
});
