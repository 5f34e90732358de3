// A stand-in for the CustomFunctions global Excel provides in the custom-functions runtime: the error type and
// codes the functions throw, and an `associate` that records what was registered.
export const associated = new Map<string, (...args: unknown[]) => unknown>();

export class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installCustomFunctionsStub(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode,
    associate: (id: string | Record<string, (...args: unknown[]) => unknown>, f?: (...args: unknown[]) => unknown) => {
      if (typeof id === "string") associated.set(id, f!);
      else for (const [k, v] of Object.entries(id)) associated.set(k, v);
    },
  };
}

/** Sets Office's display language as the functions read it. */
export function setDisplayLanguage(locale: string): void {
  (globalThis as Record<string, unknown>).Office = { context: { displayLanguage: locale } };
}
