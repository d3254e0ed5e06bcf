using LegalAidReferral.Core.Cases;
using LegalAidReferral.Core.Common;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>A candidate party found for a query party, with its score (0..1) and the reasons.</summary>
public sealed record PartyMatch(PartyProfile Query, PartyProfile Candidate, string MatchedName, double Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Scores how likely two recorded parties are the same person. Names are compared word by word in
/// any order; the birth date and identity documents confirm or weaken the name evidence. The rules
/// and weights are explained in docs/conflict-check.md.
/// </summary>
public static class PartyMatcher
{
    public const double Exact = 1.0;
    public const double Phonetic = 0.9;
    public const double OneTypo = 0.8;
    public const double TwoTypos = 0.6;

    /// <summary>Scores at or above this come only from an identical document number, so those rank first.</summary>
    public const double DocumentTier = 0.9;

    /// <summary>Below this a candidate is not worth a defender's time; one shared word of two-word names stays below it.</summary>
    public const double MinScore = 0.3;

    private const double BirthDateMatchGain = 0.5;
    private const double BirthDateMismatchFactor = 0.6;
    private const double DocumentMismatchFactor = 0.7;
    private const double SingleSharedWordFactor = 0.5;
    private const int MinDocumentNumberLength = 4;

    /// <summary>Typos tolerated between two words, by the length of the shorter: short words must be exact or sound alike.</summary>
    public static int AllowedTypos(int shorterLength) => shorterLength >= 6 ? 2 : shorterLength >= 4 ? 1 : 0;

    public static PartyMatch? Match(PartyProfile query, PartyProfile candidate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);
        (double Score, PartyName Query, PartyName Candidate)? best = null;
        foreach (var queryName in query.Names)
        {
            foreach (var candidateName in candidate.Names)
            {
                var nameScore = NameScore(queryName.Tokens, candidateName.Tokens, null);
                if (nameScore > 0 && (best is null || nameScore > best.Value.Score))
                {
                    best = (nameScore, queryName, candidateName);
                }
            }
        }

        var sameDocument = query.Documents
            .SelectMany(q => candidate.Documents.Select(c => (Query: q, Candidate: c)))
            .FirstOrDefault(p => p.Query.Number.Length >= MinDocumentNumberLength && p.Query.Number == p.Candidate.Number);
        if (best is null && sameDocument.Query is null)
        {
            return null;
        }

        var reasons = new List<MatchReason>();
        var evidence = 0.0;
        if (best is { } name)
        {
            evidence = NameScore(name.Query.Tokens, name.Candidate.Tokens, reasons);
            if (name.Query.IsAlias || name.Candidate.IsAlias)
            {
                reasons.Add(new MatchReason(MatchReason.Alias, name.Query.Text, name.Candidate.Text));
            }
        }

        if (query.BirthDate is { } queryBirth && candidate.BirthDate is { } candidateBirth)
        {
            // An approximate date is usually a year the client gave; only the year can be compared.
            var same = query.BirthDateApproximate || candidate.BirthDateApproximate
                ? queryBirth.Year == candidateBirth.Year
                : queryBirth == candidateBirth;
            evidence = same ? evidence + ((1 - evidence) * BirthDateMatchGain) : evidence * BirthDateMismatchFactor;
            reasons.Add(new MatchReason(same ? MatchReason.BirthDateMatch : MatchReason.BirthDateMismatch));
        }

        double score;
        if (sameDocument.Query is not null)
        {
            reasons.Add(new MatchReason(
                MatchReason.DocumentNumber, Kebab<IdentityDocumentType>.Name(sameDocument.Query.Type), Kebab<IdentityDocumentType>.Name(sameDocument.Candidate.Type)));
            score = DocumentTier + ((1 - DocumentTier) * evidence);
        }
        else
        {
            // Two documents of one type and country with different numbers point to two people; other
            // documents say nothing (one person holds a passport and a national id).
            var differing = query.Documents
                .SelectMany(q => candidate.Documents.Select(c => (Query: q, Candidate: c)))
                .FirstOrDefault(p => p.Query.Type == p.Candidate.Type
                    && (p.Query.IssuingCountry is null || p.Candidate.IssuingCountry is null || p.Query.IssuingCountry == p.Candidate.IssuingCountry));
            if (differing.Query is not null)
            {
                evidence *= DocumentMismatchFactor;
                reasons.Add(new MatchReason(MatchReason.DocumentNumberMismatch, Kebab<IdentityDocumentType>.Name(differing.Query.Type), Kebab<IdentityDocumentType>.Name(differing.Candidate.Type)));
            }

            score = DocumentTier * evidence;
        }

        score = Math.Round(score, 3);
        return score < MinScore
            ? null
            : new PartyMatch(query, candidate, best?.Candidate.Text ?? candidate.Name, score, reasons);
    }

    /// <summary>
    /// Aligns the words of two names in any order, best pairs first, and scores the alignment 0..1:
    /// mostly how much of the shorter name is matched (so "Jose Perez" covers "José Pérez García"), a
    /// little how much of the longer one, and half when only one word of two-word names agrees.
    /// </summary>
    private static double NameScore(IReadOnlyList<NameToken> query, IReadOnlyList<NameToken> candidate, List<MatchReason>? reasons)
    {
        if (query.Count == 0 || candidate.Count == 0 || query.Count > 64 || candidate.Count > 64)
        {
            return 0;
        }

        var pairs = new List<(double Weight, int Query, int Candidate, Word Word)>();
        for (var q = 0; q < query.Count; q++)
        {
            for (var c = 0; c < candidate.Count; c++)
            {
                if (CompareWords(query[q], candidate[c]) is { } found)
                {
                    pairs.Add((found.Weight, q, c, found));
                }
            }
        }

        pairs.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        ulong usedQuery = 0, usedCandidate = 0;
        var matched = 0;
        var total = 0.0;
        foreach (var pair in pairs)
        {
            var queryBit = 1UL << pair.Query;
            var candidateBit = 1UL << pair.Candidate;
            if ((usedQuery & queryBit) != 0 || (usedCandidate & candidateBit) != 0)
            {
                continue;
            }

            usedQuery |= queryBit;
            usedCandidate |= candidateBit;
            matched++;
            total += pair.Weight;
            reasons?.Add(new MatchReason(pair.Word.Code, pair.Word.Query, pair.Word.Candidate));
        }

        if (matched == 0)
        {
            return 0;
        }

        var shorter = Math.Min(query.Count, candidate.Count);
        var longer = Math.Max(query.Count, candidate.Count);
        var score = (0.8 * total / shorter) + (0.2 * total / longer);
        return matched == 1 && shorter >= 2 ? score * SingleSharedWordFactor : score;
    }

    private static Word? CompareWords(NameToken query, NameToken candidate)
    {
        if (query.Text == candidate.Text)
        {
            return new Word(Exact, MatchReason.NameExact, query.Text, candidate.Text);
        }

        if (query.Joined == candidate.Text || candidate.Joined == query.Text)
        {
            return new Word(Exact, MatchReason.NameExact, query.Joined ?? query.Text, candidate.Joined ?? candidate.Text);
        }

        if (query.Key == candidate.Key)
        {
            return new Word(Phonetic, MatchReason.NamePhonetic, query.Text, candidate.Text);
        }

        var allowed = AllowedTypos(Math.Min(query.Text.Length, candidate.Text.Length));
        if (allowed == 0)
        {
            return null;
        }

        return EditDistance.Bounded(query.Text, candidate.Text, allowed) switch
        {
            1 => new Word(OneTypo, MatchReason.NameTypo, query.Text, candidate.Text),
            2 => new Word(TwoTypos, MatchReason.NameTypo, query.Text, candidate.Text),
            _ => null,
        };
    }

    /// <summary>Two words that agree, how strongly, and why.</summary>
    private readonly record struct Word(double Weight, string Code, string Query, string Candidate);
}
