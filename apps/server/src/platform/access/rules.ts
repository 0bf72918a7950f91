import type { Capability } from '@aftercare/contracts';

/**
 * Every /api/v1 route declares one of these in `config.access`; a route without one makes the app
 * refuse to start (deny by default).
 */
export type AccessRule = { public: true } | { authenticated: true } | { cap: Capability };

/**
 * What the route's `:id` parameter names, so the isolation suite knows which foreign record to try.
 * `none` for routes without an id parameter.
 */
export type ResourceKind =
  | 'brand'
  | 'region'
  | 'service_center'
  | 'outlet'
  | 'technician'
  | 'user'
  | 'api_key'
  | 'division'
  | 'customer'
  | 'product'
  | 'model'
  | 'part'
  | 'policy_pack'
  | 'work_order'
  | 'return_visit'
  | 'dispatch_pin'
  | 'notification'
  | 'assessment_slip'
  | 'remedy_proposal'
  | 'calendar_day'
  | 'none';
