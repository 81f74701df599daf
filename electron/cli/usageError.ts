// An error the person running the CLI can fix (bad option, missing folder): printed as one plain sentence, exit 2.
export class UsageError extends Error {}
