using System.Collections.Concurrent;
using LegalAidReferral.Core.Cases;

namespace LegalAidReferral.Infrastructure.Sqlite;

/// <summary>
/// The last decoded version of recently used cases, so a read whose row still has that version skips
/// parsing the document (a case read's largest cost after the token check). It never decides what a
/// read returns: the row's version in the database does, and a case whose version moved on is parsed
/// again. Cases are immutable records, so one instance serves every reader. Bounded: when full it
/// starts again empty, which costs only parses.
/// </summary>
internal sealed class DecodedCaseCache(int capacity)
{
    /// <summary>About the cases a busy office touches in a working day; each entry is a few kilobytes.</summary>
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<(string OfficeId, Guid Id), Case> cases = new();

    public DecodedCaseCache()
        : this(DefaultCapacity)
    {
    }

    /// <summary>The decoded case held for <paramref name="caseId"/> of <paramref name="officeId"/>, at whatever version it was read.</summary>
    public Case? Held(string officeId, Guid caseId) => cases.GetValueOrDefault((officeId, caseId));

    public void Remember(Case @case)
    {
        if (cases.Count >= capacity)
        {
            cases.Clear();
        }

        cases.AddOrUpdate((@case.OfficeId, @case.Id), @case, (_, held) => held.Version > @case.Version ? held : @case);
    }
}
