/** `body.brands.0.brandId` (server) → ['brands', 0, 'brandId'] (antd form). */
export function fieldPath(serverPath: string): (string | number)[] {
  return serverPath
    .replace(/^(body|querystring|params)\.?/, '')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
