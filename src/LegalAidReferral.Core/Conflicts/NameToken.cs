namespace LegalAidReferral.Core.Conflicts;

/// <summary>
/// One word of a folded name: its text, its sound-alike key, and, when particles stood before it
/// ("da Silva"), the particles and the word written together ("dasilva"), since records spell both.
/// </summary>
public sealed record NameToken(string Text, string Key, string? Joined);
