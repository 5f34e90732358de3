// Runs one service call for a component: busy while it runs, then its result or its error.
import { useCallback, useEffect, useRef, useState } from "react";

export interface ActionState<R> {
  busy: boolean;
  result?: R;
  error?: unknown;
}

export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [state, setState] = useState<ActionState<R>>({ busy: false });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setState({ busy: true });
      try {
        const result = await action(...args);
        if (mounted.current) setState({ busy: false, result });
        return result;
      } catch (error) {
        if (mounted.current) setState({ busy: false, error });
        return undefined;
      }
    },
    [action],
  );
  const reset = useCallback(() => setState({ busy: false }), []);
  return { ...state, run, reset };
}
