// The package is CommonJS: Node's ESM loader (tsx, `npm start`) sees only its default export.
import proto, { type temporal } from '@temporalio/proto';
import { searchAttributeKeys } from '../workflows/contracts/search-attributes';

const KEYWORD = proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;

/** What registering takes of a connection: its operator service's two calls (a client's `connection` has them). */
export interface SearchAttributeOperator {
  operatorService: {
    listSearchAttributes(
      request: temporal.api.operatorservice.v1.IListSearchAttributesRequest,
    ): Promise<{ customAttributes: Record<string, temporal.api.enums.v1.IndexedValueType> }>;
    addSearchAttributes(
      request: temporal.api.operatorservice.v1.IAddSearchAttributesRequest,
    ): Promise<unknown>;
  };
}

/** The Temporal CLI command that registers the search attributes on a namespace (what an operator runs). */
export function searchAttributeCreateCommand(namespace: string, names = searchAttributeNames()): string {
  const pairs = names.map((name) => `--name ${name} --type Keyword`).join(' ');
  return `temporal operator search-attribute create --namespace ${namespace} ${pairs}`;
}

const searchAttributeNames = (): string[] => searchAttributeKeys.map((key) => key.name);

/**
 * OPS — makes sure the namespace knows the custom search attributes the workflows start with
 * (`workflows/contracts/search-attributes.ts`): lists them through the operator service and adds the missing
 * ones as Keyword. Idempotent; a second worker starting at the same time is harmless. A cluster that refuses
 * (no operator permission, Temporal Cloud) is said so in the log with the command to run instead; the worker
 * starts anyway, but orders cannot start until the attributes exist.
 */
export async function ensureSearchAttributes(
  connection: SearchAttributeOperator,
  namespace: string,
  log: (line: string) => void,
): Promise<void> {
  const refused = (what: string, err: unknown, names: string[]) =>
    log(
      `Temporal search attributes: ${what} on namespace ${namespace} was refused (${errorText(err)}); ` +
        `orders cannot start until they exist — register them once with: ${searchAttributeCreateCommand(namespace, names)}`,
    );
  let known: Record<string, temporal.api.enums.v1.IndexedValueType>;
  try {
    const listed = await connection.operatorService.listSearchAttributes({ namespace });
    known = { ...listed.customAttributes };
  } catch (err) {
    // Temporal's time-skipping test server adds search attributes but cannot list them: add each, once.
    if (grpcCode(err) === UNIMPLEMENTED) return addEach(connection, namespace);
    refused('listing the custom search attributes', err, searchAttributeNames());
    return;
  }
  const wrongType = searchAttributeNames().filter((name) => name in known && known[name] !== KEYWORD);
  if (wrongType.length > 0) {
    log(
      `Temporal search attributes: ${wrongType.join(', ')} exist on namespace ${namespace} with another type ` +
        'than Keyword; remove them (`temporal operator search-attribute remove --name …`) and start again',
    );
  }
  const missing = searchAttributeNames().filter((name) => !(name in known));
  if (missing.length === 0) return;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((name) => [name, KEYWORD])),
    });
    log(`Temporal search attributes registered on namespace ${namespace}: ${missing.join(', ')} (Keyword)`);
  } catch (err) {
    // Another worker starting at the same moment may have added them first.
    if (grpcCode(err) === ALREADY_EXISTS) return;
    refused(`adding ${missing.join(', ')}`, err, missing);
  }
}

/** Adds each attribute on its own; one the server has already is left as it is. */
async function addEach(connection: SearchAttributeOperator, namespace: string): Promise<void> {
  for (const name of searchAttributeNames()) {
    try {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: { [name]: KEYWORD },
      });
    } catch (err) {
      if (grpcCode(err) !== ALREADY_EXISTS) throw err;
    }
  }
}

const ALREADY_EXISTS = 6;
const UNIMPLEMENTED = 12;

function grpcCode(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'number'
    ? err.code
    : undefined;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
