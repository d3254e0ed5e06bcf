namespace LegalAidReferral.EndToEnd.Tests.Contract;

/// <summary>An exchange with the API that the OpenAPI document does not describe.</summary>
public sealed class ContractViolationException(string exchange, IEnumerable<string> violations)
    : Exception($"{exchange} breaks the OpenAPI document:\n- {string.Join("\n- ", violations)}");
