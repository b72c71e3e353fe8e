import { resolveTemporalCli } from '../infra/temporal-cli';

/** `npm run temporal:ensure`: finds or builds the pinned Temporal CLI and prints its path. */
console.log(resolveTemporalCli());
