import { TelephonySimulator } from '../activities/adapters/telephony';
import { signBody } from '../api/plugins/signed-callback';
import { TELEPHONY_SIGNATURE_HEADER } from '../api/callbacks/telephony-callbacks';
import { loadConfig } from '../temporal.config';

/**
 * REQ: Q-2 — plays the call-centre telephony side against a running API (`npm start`): a customer calls 10086
 * from <callerMsisdn> and is put through to <agent>; prints the `callId` hotline queries carry. With `--end
 * <callId>` it reports that call ended instead. Signs with TELEPHONY_CALLBACK_SECRET, posts to API_HOST:API_PORT.
 *
 *   npx tsx scripts/place-call.ts 13900100005 hotline01
 *   npx tsx scripts/place-call.ts --end CALL-…
 */
async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const url = `http://${config.API_HOST}:${config.API_PORT}/api/v1/callbacks/telephony`;
  const telephony = new TelephonySimulator({
    latencyMs: config.TELEPHONY_LATENCY_MS,
    failureRate: 0,
    deliver: async (event) => {
      const body = JSON.stringify(event);
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TELEPHONY_SIGNATURE_HEADER]: signBody(config.TELEPHONY_CALLBACK_SECRET, body),
        },
        body,
      });
      if (res.status !== 202) throw new Error(`the API answered ${res.status}: ${await res.text()}`);
    },
  });
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
