namespace LegalAidReferral.Core.Common;

/// <summary>Collects field-level errors keyed by a JSON path such as <c>client.birthDate</c>.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>How many messages were added, so a rule can tell whether an earlier check already reported a field.</summary>
    public int Count { get; private set; }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors[field] = messages;
        }

        messages.Add(message);
        Count++;
    }

    public Failure ToFailure() => new(
        FailureKind.Validation,
        "The request has invalid fields.",
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
