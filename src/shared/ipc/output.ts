/**
 * A type-only marker for a channel's output: the contract is a runtime object (so the
 * preload and the registry can walk it) whose output types exist only for the compiler.
 */
export function output<T>(): T {
  return undefined as T;
}
