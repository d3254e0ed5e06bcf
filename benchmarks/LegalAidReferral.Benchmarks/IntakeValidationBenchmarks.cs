using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Cases.Input;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Benchmarks;

/// <summary>The CPU work of one intake request before storage: parse the body, validate, serialize the case.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class IntakeValidationBenchmarks
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""
        {
          "client": {
            "fullName": "Benchmark Ficticio Pérez", "aliases": ["Bench"], "birthDate": "1994-03-12",
            "nationalities": ["HN"], "languages": ["es"], "gender": "female",
            "contact": { "phone": "+50255512345", "chat": null },
            "currentLocation": { "country": "GT", "locality": "Ciudad de Guatemala" },
            "identityDocuments": [ { "type": "passport", "number": "HN0000000", "issuingCountry": "HN" } ]
          },
          "household": { "size": 3, "monthlyIncome": 1800, "currency": "GTQ" },
          "vulnerabilities": ["detained"],
          "legalIssues": [ { "type": "deportation", "description": "Removal order" } ],
          "keyDates": { "detentionDate": "2026-11-20", "hearingDate": "2026-12-02" },
          "adverseParties": [ { "name": "Adverse Ficticio", "aliases": [] } ]
        }
        """);

    private static readonly DateOnly Today = new(2026, 11, 28);
    private Case _case = null!;

    [GlobalSetup]
    public void Setup()
    {
        var details = CaseDetailsValidator.Validate(JsonSerializer.Deserialize<IntakeInput>(Body, WireJson.StrictInput), Today).Value!;
        _case = Case.Open(Guid.NewGuid(), "gt-idpp-guatemala", "GT-2026-000001", IntakeChannel.Staff, details, "bench", DateTimeOffset.UnixEpoch);
    }

    [Benchmark]
    public Result<CaseDetails> ParseAndValidate() =>
        CaseDetailsValidator.Validate(JsonSerializer.Deserialize<IntakeInput>(Body, WireJson.StrictInput), Today);

    [Benchmark]
    public byte[] SerializeCase() => JsonSerializer.SerializeToUtf8Bytes(_case, WireJson.Options);
}
