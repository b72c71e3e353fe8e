import type { RouteDeps, RoutePlugin } from '../route-deps';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { channelRoutes } from './channels';
import { customerCategoryRoutes } from './customer-categories';
import { lockRoutes } from './locks';
import { operatorRoutes } from './operators';
import { orgUnitRoutes } from './org-units';

/** Sign-in, administration of channels, operators, outlets and customer categories, locks and the audit log. */
export function accessAreaRoutes({ db, client, config }: RouteDeps): RoutePlugin[] {
  return [
    authRoutes({
      db,
      sessionTtlMinutes: config.SESSION_TTL_MINUTES,
      lockout: { maxFailures: config.LOGIN_MAX_FAILURES, lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES },
      loginRateLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
      utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS,
    }),
    auditRoutes({ db }),
    lockRoutes({ db, client }),
    orgUnitRoutes({ db }),
    customerCategoryRoutes({ db }),
    channelRoutes({ db }),
    operatorRoutes({ db }),
  ];
}
