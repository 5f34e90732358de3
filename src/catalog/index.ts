import { Catalog } from "./catalog";
import { BUILT_IN_TEMPLATES } from "./templates";

export { Catalog, scorableRules, type FoundRule } from "./catalog";
export { normalizeName, closest, similarity } from "./names";
export { validateTemplate, idProblem } from "./validate";
export type * from "./types";

let builtIn: Catalog | undefined;

/** The built-in catalog, built once and shared (the add-in's pane and functions share one runtime). */
export function defaultCatalog(): Catalog {
  builtIn ??= new Catalog(BUILT_IN_TEMPLATES);
  return builtIn;
}
