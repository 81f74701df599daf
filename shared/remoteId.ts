// One way to read a remote ID (AnyDesk, TeamViewer, RustDesk ...), for the setup checks, the trusted-helper match and the
// weekly summary alike: the spaces tools print between groups of digits never matter, and neither does case.

/** A remote ID as saved: "123 456 789" -> "123456789". */
export const normalRemoteId = (remoteId: string): string => remoteId.replace(/\s+/g, '');

/** A remote ID as compared: the saved form with case folded, so "Sam@ad" and "sam@AD" are one ID. */
export const remoteIdKey = (remoteId: string): string => normalRemoteId(remoteId).toLowerCase();
