/**
 * What the AI sidebar and the server say to each other (`POST /api/assist`, server-sent events).
 * Browser-safe: types only.
 */
import type { EditError } from '../ops/errors';
import type { LiveSource } from '../runtime/compiled';
import type { DiffLine, Fold } from './diff';

/** The code diff of each component a proposal changes, by name. */
export type ProposalDiff = readonly {
  readonly component: string;
  readonly lines: readonly (DiffLine | Fold)[];
}[];

/** What the sidebar receives, as server-sent events. */
export type AssistMessage =
  | { readonly type: 'engine'; readonly engine: 'claude' | 'offline'; readonly note: string }
  | { readonly type: 'status'; readonly text: string }
  | {
      readonly type: 'proposal';
      readonly ops: readonly unknown[];
      readonly summary: string;
      readonly changes: readonly string[];
      readonly diff: ProposalDiff;
      readonly live: LiveSource;
      /** The batch changes capabilities: only an owner may apply it, explicitly. */
      readonly needsApproval: boolean;
      readonly attempts: number;
    }
  | { readonly type: 'question'; readonly text: string }
  | {
      readonly type: 'refusal';
      readonly text: string;
      /** Why no engine does it (`E_AI_DATA_LEAVES_APP`, ...), when that is the reason. */
      readonly code?: string;
      /** Phrasings near the request that the offline planner understands, to try instead. */
      readonly suggestions?: readonly string[];
    }
  | { readonly type: 'failed'; readonly text: string; readonly errors: readonly EditError[] };
