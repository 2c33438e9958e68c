import { useEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the latest `value`: for a callback a long-lived listener (a layout
 * run, sigma's events) calls, without starting the listener again whenever the callback changes.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
