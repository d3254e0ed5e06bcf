using System.Text.Json;

namespace LegalAidReferral.WebConsole.Api;

/// <summary>
/// The Idempotency-Key of a form that creates something. A retry of the same request after no answer
/// (or a server error), when the API may have stored it, carries the same key, so it is stored once; a
/// changed request, or one after the last was stored or refused, gets a new key.
/// </summary>
public sealed class RetryKey
{
    private (string Key, string Request)? _current;

    public string For(object request)
    {
        var content = JsonSerializer.Serialize(request, request.GetType(), ApiJson.Options);
        if (_current?.Request != content)
        {
            _current = (Guid.NewGuid().ToString(), content);
        }

        return _current.Value.Key;
    }

    /// <summary>Forgets the key once the API answered for the request (stored it or refused it): the next request is a new one.</summary>
    public void After<T>(ApiResult<T> result)
    {
        if (result.Status is >= 200 and < 500)
        {
            _current = null;
        }
    }
}
