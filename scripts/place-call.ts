import { connectSimulators } from '../simulators/control-client';
import { loadConfig } from '../temporal.config';

/**
 * REQ: Q-2 — plays the call-centre telephony side against a running system (`npm start`): a customer calls
 * 10086 from <callerMsisdn> and is put through to <agent>; prints the `callId` hotline queries carry. With
 * `--end <callId>` it reports that call ended instead. The simulators process (SIMULATORS_URL, by default
 * SIMULATORS_HOST:SIMULATORS_PORT) posts the signed event to the API.
 *
 *   npx tsx scripts/place-call.ts 13900100005 hotline01
 *   npx tsx scripts/place-call.ts --end CALL-…
 */
async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const url = config.SIMULATORS_URL ?? `http://${config.SIMULATORS_HOST}:${config.SIMULATORS_PORT}`;
  const { telephony } = connectSimulators(url);
  const [first, second] = argv;
  if (first === '--end' && second) {
    await telephony.hangUp(second);
    console.log(`call ${second} ended`);
    return;
  }
  if (!first) throw new Error('usage: place-call.ts <callerMsisdn> [agent]  |  place-call.ts --end <callId>');
  const { callId } = await telephony.placeCall({ callerMsisdn: first, agent: second ?? 'hotline01' });
  console.log(callId);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
