using System.Numerics;
using System.Runtime.InteropServices;

namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// The parties of one office, with inverted indexes from a word to the parties whose names hold it,
/// and from a sound-alike key, a deletion neighbourhood (for typos) and a document number to the words
/// or parties. A search looks words up instead of scanning parties, so it scores only a few candidates.
/// Readers share the lock; a write holds it alone for the few entries of one case.
/// </summary>
internal sealed class OfficePartyIndex
{
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<int, PartyProfile> _parties = [];
    private readonly Dictionary<Guid, IndexedCase> _cases = [];
    private readonly Dictionary<string, HashSet<int>> _partiesByWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _wordsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _wordsByDeletion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<int>> _partiesByDocument = new(StringComparer.Ordinal);
    private readonly HashSet<int> _partiesWithOneWordName = [];

    // Many parties share words ("jose", "perez"): one token object per distinct word keeps memory per
    // party small. Entries stay when the last party using them goes; the vocabulary is bounded by names.
    private readonly Dictionary<NameToken, NameToken> _tokens = [];
    private int _nextId;

    public int Count
    {
        get
        {
            _gate.EnterReadLock();
            try
            {
                return _parties.Count;
            }
            finally
            {
                _gate.ExitReadLock();
            }
        }
    }

    /// <summary>Replaces the parties of a case, unless a later version of it is already indexed.</summary>
    public void Replace(Guid caseId, long version, IReadOnlyList<PartyProfile> profiles)
    {
        _gate.EnterWriteLock();
        try
        {
            if (_cases.TryGetValue(caseId, out var indexed))
            {
                if (indexed.Version >= version)
                {
                    return;
                }

                foreach (var id in indexed.PartyIds)
                {
                    Remove(id);
                }
            }

            var ids = new int[profiles.Count];
            for (var i = 0; i < profiles.Count; i++)
            {
                ids[i] = Add(profiles[i]);
            }

            _cases[caseId] = new IndexedCase(version, ids);
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    public List<PartyMatch> Search(PartyProfile query, Guid excludedCaseId)
    {
        _gate.EnterReadLock();
        try
        {
            // One bit per distinct query word: a party that shares a single word with a query of
            // several words cannot reach the minimum score, so only names of one word keep it in.
            var hits = new Dictionary<int, ulong>();
            var bit = 0;
            foreach (var token in query.Names.SelectMany(n => n.Tokens).DistinctBy(t => t.Text).Take(64))
            {
                var mask = 1UL << bit++;
                foreach (var word in SimilarWords(token))
                {
                    foreach (var id in _partiesByWord[word])
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(hits, id, out _) |= mask;
                    }
                }
            }

            var queryHasOneWordName = query.Names.Any(n => n.Tokens.Count == 1);
            var candidates = new HashSet<int>();
            foreach (var (id, mask) in hits)
            {
                if (BitOperations.PopCount(mask) >= 2 || queryHasOneWordName || _partiesWithOneWordName.Contains(id))
                {
                    candidates.Add(id);
                }
            }

            foreach (var document in query.Documents)
            {
                if (_partiesByDocument.TryGetValue(document.Number, out var ids))
                {
                    candidates.UnionWith(ids);
                }
            }

            var matches = new List<PartyMatch>();
            foreach (var id in candidates)
            {
                var candidate = _parties[id];
                if (candidate.CaseId != excludedCaseId && PartyMatcher.Match(query, candidate) is { } match)
                {
                    matches.Add(match);
                }
            }

            return matches;
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    private HashSet<string> SimilarWords(NameToken token)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (_partiesByWord.ContainsKey(token.Text))
        {
            words.Add(token.Text);
        }

        if (token.Joined is { } joined && _partiesByWord.ContainsKey(joined))
        {
            words.Add(joined);
        }

        if (_wordsByKey.TryGetValue(token.Key, out var soundAlike))
        {
            words.UnionWith(soundAlike);
        }

        foreach (var variant in Deletions(token.Text))
        {
            if (!_wordsByDeletion.TryGetValue(variant, out var near))
            {
                continue;
            }

            foreach (var word in near)
            {
                var allowed = PartyMatcher.AllowedTypos(Math.Min(word.Length, token.Text.Length));
                if (allowed > 0 && EditDistance.Bounded(token.Text, word, allowed) <= allowed)
                {
                    words.Add(word);
                }
            }
        }

        return words;
    }

    private int Add(PartyProfile profile)
    {
        var id = _nextId++;
        var interned = profile with
        {
            Names = profile.Names.Select(n => n with { Tokens = n.Tokens.Select(Intern).ToArray() }).ToArray(),
        };
        _parties[id] = interned;
        foreach (var word in WordsOf(interned))
        {
            if (!_partiesByWord.TryGetValue(word, out var ids))
            {
                ids = [];
                _partiesByWord[word] = ids;
                AddToVocabulary(word);
            }

            ids.Add(id);
        }

        foreach (var document in interned.Documents)
        {
            if (!_partiesByDocument.TryGetValue(document.Number, out var ids))
            {
                ids = [];
                _partiesByDocument[document.Number] = ids;
            }

            ids.Add(id);
        }

        if (interned.Names.Any(n => n.Tokens.Count == 1))
        {
            _partiesWithOneWordName.Add(id);
        }

        return id;
    }

    private void Remove(int id)
    {
        if (!_parties.Remove(id, out var profile))
        {
            return;
        }

        foreach (var word in WordsOf(profile))
        {
            var ids = _partiesByWord[word];
            ids.Remove(id);
            if (ids.Count == 0)
            {
                _partiesByWord.Remove(word);
                RemoveFromVocabulary(word);
            }
        }

        foreach (var document in profile.Documents)
        {
            if (_partiesByDocument.TryGetValue(document.Number, out var ids) && ids.Remove(id) && ids.Count == 0)
            {
                _partiesByDocument.Remove(document.Number);
            }
        }

        _partiesWithOneWordName.Remove(id);
    }

    private NameToken Intern(NameToken token)
    {
        if (_tokens.TryGetValue(token, out var shared))
        {
            return shared;
        }

        _tokens[token] = token;
        return token;
    }

    private void AddToVocabulary(string word)
    {
        Link(_wordsByKey, PhoneticKey.Of(word), word);
        foreach (var variant in Deletions(word))
        {
            Link(_wordsByDeletion, variant, word);
        }
    }

    private void RemoveFromVocabulary(string word)
    {
        Unlink(_wordsByKey, PhoneticKey.Of(word), word);
        foreach (var variant in Deletions(word))
        {
            Unlink(_wordsByDeletion, variant, word);
        }
    }

    private static IEnumerable<string> WordsOf(PartyProfile profile) =>
        profile.Names
            .SelectMany(n => n.Tokens)
            .SelectMany(t => t.Joined is null ? [t.Text] : new[] { t.Text, t.Joined })
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The word and every form of it with up to as many letters left out as typos are allowed: two
    /// words within that many edits share at least one form (symmetric deletion).
    /// </summary>
    internal static HashSet<string> Deletions(string word)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { word };
        var edges = new List<string> { word };
        for (var depth = PartyMatcher.AllowedTypos(word.Length); depth > 0; depth--)
        {
            var next = new List<string>();
            foreach (var form in edges)
            {
                for (var i = 0; i < form.Length; i++)
                {
                    var shorter = form.Remove(i, 1);
                    if (forms.Add(shorter))
                    {
                        next.Add(shorter);
                    }
                }
            }

            edges = next;
        }

        return forms;
    }

    private static void Link(Dictionary<string, HashSet<string>> index, string key, string word)
    {
        if (!index.TryGetValue(key, out var words))
        {
            words = new HashSet<string>(StringComparer.Ordinal);
            index[key] = words;
        }

        words.Add(word);
    }

    private static void Unlink(Dictionary<string, HashSet<string>> index, string key, string word)
    {
        if (index.TryGetValue(key, out var words) && words.Remove(word) && words.Count == 0)
        {
            index.Remove(key);
        }
    }

    private sealed record IndexedCase(long Version, int[] PartyIds);
}
