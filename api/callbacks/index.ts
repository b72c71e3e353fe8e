import type { RouteDeps, RoutePlugin } from '../route-deps';
import { bbossCallbackRoutes } from './bboss-callbacks';
import { mnpCallbackRoutes } from './mnp-callbacks';
import { telephonyCallbackRoutes } from './telephony-callbacks';

/** Signed callbacks of outside systems: MNP clearing (MNP-5), BBOSS (GRP-4), telephony call events. */
export function callbackAreaRoutes({ db, config, mnpCallbacks, bbossCallbacks }: RouteDeps): RoutePlugin[] {
  return [
    mnpCallbackRoutes({ secret: config.MNP_CALLBACK_SECRET, sink: mnpCallbacks }),
    telephonyCallbackRoutes({ db, secret: config.TELEPHONY_CALLBACK_SECRET }),
    bbossCallbackRoutes({ secret: config.BBOSS_CALLBACK_SECRET, sink: bbossCallbacks }),
  ];
}
