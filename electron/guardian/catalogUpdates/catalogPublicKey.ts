// The public half of the maintainers' catalog signing key: a downloaded catalog is used only when signed by its private
// half (kept by the maintainers, given to the release workflow as the CATALOG_SIGNING_KEY secret, never in the repository).
export const CATALOG_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAdr7LZUsNfhOTfxTWqFZ+wdr8TioACOkCpwjWVmoQ7Vk=
-----END PUBLIC KEY-----
`;

/** Where the newest catalog is published: an asset of the newest GitHub release, signed by the release workflow. */
export const DEFAULT_CATALOG_URL = 'https://github.com/pauseguard/pause-guard/releases/latest/download/remote-tools.signed.json';
