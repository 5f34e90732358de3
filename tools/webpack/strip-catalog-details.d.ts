// Types for strip-catalog-details.js (a CommonJS webpack loader), for the tests.
declare function stripCatalogDetailsLoader(this: { resourcePath: string }, source: string | Buffer): string;
declare namespace stripCatalogDetailsLoader {
  const DETAIL_FIELDS: readonly string[];
  function stripCatalogDetails<T>(template: T): T;
}
export = stripCatalogDetailsLoader;
