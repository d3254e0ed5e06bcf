namespace LegalAidReferral.Functions.Operations;

/// <summary>One dependency the health route probes, e.g. the storage.</summary>
public sealed record ReadinessCheck(string Name, Func<CancellationToken, Task<bool>> Probe);
