/**
 * The PostgreSQL driver adapter for the Prisma CLI (`migrate deploy`, `migrate status`), used by
 * prisma.config.ts only — the app's run-time client uses a plain `PrismaPg` (lib/server/db.ts).
 *
 * Two fixes over `PrismaPg` as it ships in 6.19:
 * - The WASM schema engine reads PostgreSQL's catalogs, whose columns have the types `name` (19)
 *   and `"char"` (18) and arrays of them, which the adapter cannot describe ("Column type 'name'
 *   could not be deserialized", prisma/orm#27403). This connection reports them as text / text[].
 * - The adapter runs a migration script by splitting it at every ";", which cuts a PL/pgSQL
 *   function body apart. This connection sends the script as one multi-statement query instead,
 *   as Prisma's native engine does.
 * A shadow database is refused: the adapter's would be the main database (a connection string wins
 * over the `database` setting), and `migrate dev` resets its shadow. PostgreSQL migrations are
 * generated from the SQLite ones instead (scripts/generate-postgres-schema.ts).
 */
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

/** Catalog types the adapter cannot map → the type it can: name/"char" → text, their arrays → text[]. */
const REPORTED_AS: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };
const reported = (oid: number) => REPORTED_AS[oid] ?? oid;

type Format = "text" | "binary";
interface TypeSource {
  getTypeParser(oid: number, format?: Format): unknown;
}
type QueryConfig = { text: string; types?: TypeSource } & Record<string, unknown>;
type Callback = (error: Error | null, result?: unknown) => void;

function reportCatalogTypesAsText(result: pg.QueryResult | pg.QueryResult[]) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one.fields ?? []) field.dataTypeID = reported(field.dataTypeID);
  }
  return result;
}

/** A pg client that parses and reports catalog-only column types as text (see above). */
class CatalogTextClient extends pg.Client {
  // pg's query() has many overloads (promise or callback, string or config, submittables);
  // the adapter and pg.Pool use these three shapes, the rest pass through unchanged.
  query(config: unknown, values?: unknown, callback?: unknown): never {
    const passThrough = (super.query as (...args: unknown[]) => unknown).bind(this);
    if (typeof config !== "string" && typeof (config as { submit?: unknown })?.submit === "function") {
      return passThrough(config, values, callback) as never;
    }
    const done = (typeof values === "function" ? values : callback) as Callback | undefined;
    const args = typeof values === "function" ? undefined : values;
    const original = (typeof config === "string" ? { text: config } : config) as QueryConfig;
    const types = original.types ?? pg.types;
    const query = { ...original, types: { getTypeParser: (oid: number, format?: Format) => types.getTypeParser(reported(oid), format) } };
    const promise = (passThrough(query, args) as Promise<pg.QueryResult>).then(reportCatalogTypesAsText);
    if (!done) return promise as never;
    promise.then(
      (result) => done(null, result),
      (error: Error) => done(error),
    );
    return undefined as never;
  }
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/** Runs a migration script as one query (PostgreSQL runs it as one implicit transaction). */
function withWholeScripts(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      // Converts the pg error into the adapter's error shape, as the adapter's own methods do.
      (adapter as unknown as { onError(error: unknown): never }).onError(error);
    }
  };
  return adapter;
}

/** The driver adapter factory prisma.config.ts hands to the CLI for a PostgreSQL URL. */
export function postgresMigrationAdapter(connectionString: string, schema?: string): Pick<PrismaPg, "provider" | "adapterName" | "connect" | "connectToShadowDb"> {
  const factory = new PrismaPg({ connectionString, Client: CatalogTextClient, max: 2 }, schema ? { schema } : undefined);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withWholeScripts(await factory.connect()),
    connectToShadowDb: async (): Promise<Adapter> => {
      throw new Error(
        "A shadow database is not supported on PostgreSQL here: migrations are generated from the SQLite ones (npm run db:generate-postgres), not with migrate dev.",
      );
    },
  };
}
