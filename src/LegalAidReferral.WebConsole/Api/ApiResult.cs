namespace LegalAidReferral.WebConsole.Api;

/// <summary>An answer of the API: the value and its ETag, or the RFC 9457 problem it sent.</summary>
public sealed record ApiResult<T>(int Status, T? Value, string? ETag, Problem? Problem)
{
    public bool Ok => Problem is null && Status is >= 200 and < 300;

    /// <summary>412: someone else changed the resource since it was read.</summary>
    public bool Stale => Status == 412;

    /// <summary>The server's messages for one field, by its JSON path (e.g. <c>client.fullName</c>).</summary>
    public IReadOnlyList<string> ErrorsFor(string field) =>
        Problem?.Errors is { } errors && errors.TryGetValue(field, out var messages) ? messages : [];
}
