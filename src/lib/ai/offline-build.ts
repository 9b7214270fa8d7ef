/**
 * Things built from nothing (issue 15), on any app, the blank one too: a whole list with its
 * extras, and a small form whose inputs come with what they compute. Each builder claims only a
 * request it reads whole. Pure.
 */
import type { Scene } from './offline-refs';
import type { RuleResult, TempIds } from './offline-turn';
import { buildList } from './offline-build-list';
import { buildForm } from './offline-build-form';

/** The builders in order; the first that recognises the request answers it. */
export function build(scene: Scene, temps: TempIds): RuleResult {
  return buildList(scene, temps) ?? buildForm(scene, temps);
}
