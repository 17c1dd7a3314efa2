/**
 * Compiles a flat XState v5 machine into a transition table, so that thousands of entities can
 * follow the machine's lifecycle as a state index in plain data (checkpointable, no actor per
 * entity), while XState remains the single definition of which transitions are legal.
 *
 * Contract: the machine is flat (no nested or parallel states), and its transitions depend only
 * on the state and the event type (no guards on context, no delays: timing comes from the
 * engine's scheduler, which stamps simulated time; XState's own delayed events are stamped with
 * the wall clock and could not be checkpointed deterministically).
 */
import { type AnyStateMachine, transition } from 'xstate';

export interface Lifecycle<S extends string = string, E extends string = string> {
  /** State names, in the machine's declaration order; an entity stores an index into this. */
  readonly states: readonly S[];
  /** Index of the initial state. */
  readonly initial: number;
  /** Event types the machine names. */
  readonly events: readonly E[];
  /** Index of the state after `event` from state index `from`, or -1 when the event is not accepted there. */
  next(from: number, event: E): number;
  /** Index of a state by name. */
  indexOf(state: S): number;
  /** Whether state index `s` is final. */
  isFinal(s: number): boolean;
}

/** Builds the table by asking XState for every (state, event) pair once. */
export function compileLifecycle<S extends string, E extends string>(machine: AnyStateMachine): Lifecycle<S, E> {
  const root = machine.root;
  const states = Object.keys(root.states) as S[];
  for (const s of states) {
    if (Object.keys(root.states[s]!.states).length > 0) throw new Error(`lifecycle "${machine.id}": state "${s}" is nested`);
  }
  const events = [...new Set(states.flatMap((s) => Object.keys(root.states[s]!.on ?? {})))] as E[];
  const table = new Int16Array(states.length * events.length).fill(-1);
  const finals = states.map((s) => root.states[s]!.type === 'final');
  for (let si = 0; si < states.length; si++) {
    const from = machine.resolveState({ value: states[si]!, context: {} });
    for (let ei = 0; ei < events.length; ei++) {
      const [to] = transition(machine, from, { type: events[ei]! });
      const target = to.value as string;
      const changed = target !== states[si] || to !== from;
      if (changed && target !== states[si]) table[si * events.length + ei] = states.indexOf(target as S);
    }
  }
  const eventIndex = new Map(events.map((e, i) => [e, i]));
  const initialValue = machine.getInitialSnapshot({} as never).value as S;
  return {
    states,
    events,
    initial: states.indexOf(initialValue),
    next(from, event) {
      const ei = eventIndex.get(event);
      return ei === undefined ? -1 : table[from * events.length + ei]!;
    },
    indexOf: (s) => states.indexOf(s),
    isFinal: (s) => finals[s] === true,
  };
}
