namespace LegalAidReferral.Infrastructure.Sqlite;

/// <param name="DataFolder">Folder that holds <c>legalaidreferral.db</c>; created when missing.</param>
/// <param name="SynchronousFull">
/// <c>synchronous=FULL</c> survives power loss at the cost of an fsync per commit; the default NORMAL
/// (safe in WAL mode against process crashes) may lose the last commits on power loss.
/// </param>
public sealed record SqliteStorageOptions(string DataFolder, bool SynchronousFull = false);
