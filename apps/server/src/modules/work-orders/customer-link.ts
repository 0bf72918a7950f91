import { createHash, randomBytes } from 'node:crypto';

/**
 * The customer's H5 link (/h5/orders/<token>): a random token sent by SMS; only its SHA-256 is
 * stored, so the database never holds a usable link.
 */
export const newCustomerToken = () => randomBytes(24).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const customerLinkPath = (token: string) => `/h5/orders/${token}`;
