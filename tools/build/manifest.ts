// The Apps Script manifest: V8, least-privilege scopes, no addOns section (editor add-ons have none).

export const OAUTH_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
] as const;

export function manifest(): object {
  return {
    timeZone: 'Etc/UTC',
    dependencies: {},
    exceptionLogging: 'STACKDRIVER',
    runtimeVersion: 'V8',
    oauthScopes: [...OAUTH_SCOPES],
  };
}
